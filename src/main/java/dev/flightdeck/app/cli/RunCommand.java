package dev.flightdeck.app.cli;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Settings;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.live.SessionServices;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.runbook.ShellTemplate;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.VariableDefinition;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.error.SandboxException;
import dev.flightdeck.session.DryRun;
import dev.flightdeck.session.JournaledSources;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.steps.RunStepExecutor;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a session without the console, printing each step and its result.",
            "Exit 0 all done, 1 a step failed, 2 wrong usage, 3 waiting (approval, confirmation, or a decision after an unknown outcome),",
            "4 rolled back and verified (the change did not go in)."
        })
public final class RunCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PassphraseOption passphrase;

    @Parameters(
            paramLabel = "RUNBOOK",
            arity = "0..1",
            description = "a built-in id or a runbook file (with --resume: default the journal's copy)")
    private String runbookName;

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            description = "hosts, databases and endpoints (may be left out when the runbook uses no targets)")
    private Path inventoryFile;

    @Option(names = "--journal", paramLabel = "DIR", description = "the session's journal directory")
    private Path journal;

    @Option(names = "--operator", paramLabel = "NAME", description = "who runs the session")
    private String operator;

    @Option(names = "--dry-run", description = "show what would run where, without connecting")
    private boolean dryRun;

    @Option(names = "--resume", description = "reopen the session in --journal")
    private boolean resume;

    @Option(names = "--yes", description = "confirm checklist items (recorded as confirmed in non-interactive mode)")
    private boolean yes;

    @Option(names = "--approve", paramLabel = "ROLE=NAME", description = "an approver for gates of that role")
    private Map<Role, String> approve = new LinkedHashMap<>();

    @Option(
            names = "--approval",
            paramLabel = "FILE",
            description =
                    "a signed approval (flightdeck approve's file, or its pasted line) for a gate of this session")
    private List<String> approvalFiles = new ArrayList<>();

    @Option(
            names = "--roster",
            paramLabel = "FILE",
            description = "the team file approvals are checked against (new sessions; default: the '" + Settings.ROSTER
                    + "' setting); without one, approvals are typed names shown as unverified")
    private Path rosterFile;

    @Option(
            names = "--operator-key",
            paramLabel = "FILE",
            description =
                    "your personal key: opens the session and signs its checkpoints instead of the installation key")
    private Path operatorKeyFile;

    @Mixin
    private KeyPassphraseOption keyPassphrase;

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "a value for a runbook variable")
    private Map<String, String> vars = new LinkedHashMap<>();

    @Option(
            names = "--trust-host",
            paramLabel = "HOST=SHA256:...",
            description = "trust exactly this host key (journaled)")
    private Map<String, String> trustHosts = new LinkedHashMap<>();

    @Option(names = "--rerun", paramLabel = "STEP", description = "run this failed or unknown step again when resuming")
    private Set<String> rerun = Set.of();

    @Option(
            names = "--auto-rollback",
            description = "when an armed rollback trigger's countdown runs out, run the rollback plan")
    private boolean autoRollback;

    @Option(
            names = "--decide",
            paramLabel = "continue|rollback",
            description =
                    "the answer when an analysis rule paused the window as inconclusive (else asked on the terminal)")
    private String decide;

    @Option(
            names = "--mark-done",
            paramLabel = "STEP=NOTE",
            description = "mark an unknown step done after checking by hand")
    private Map<String, String> markDone = new LinkedHashMap<>();

    @Option(
            names = "--sandbox",
            description =
                    "start the rehearsal sandbox in this process and run against it (instead of --inventory); stopped at the end")
    private boolean sandbox;

    @Option(names = "--fault", description = "with --sandbox: v2 of the clinic app answers 5 %% errors at 3x latency")
    private boolean fault;

    @Option(
            names = "--json",
            description =
                    "print every session event as one JSON object per line on standard output (the progress text goes to standard error)")
    private boolean json;
    /** The sandbox started for --sandbox: its inventory, database password and SSH key take the place of the operator's. */
    private RunningSandbox rehearsal;

    RunCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!sandbox && !fault) {
            return runCommand();
        }
        if (!sandbox || inventoryFile != null) {
            spec.commandLine()
                    .getErr()
                    .println("flightdeck: --fault goes with --sandbox, and --sandbox brings its own inventory");
            return Cli.USAGE;
        }
        try (SandboxRun run =
                SandboxRun.start(context, fault, spec.commandLine().getOut())) {
            rehearsal = run.sandbox();
            inventoryFile = rehearsal.inventoryFile();
            return runCommand();
        } catch (SandboxException e) {
            spec.commandLine().getErr().println("flightdeck: " + e.describe());
            return Cli.PROBLEM;
        }
    }

    private int runCommand() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunbookSource source;
        Optional<Inventory> journaledInventory = Optional.empty();
        try {
            if (runbookName == null && !resume) {
                throw new IllegalArgumentException(
                        "name the RUNBOOK to run (a built-in id or a file); only --resume takes it from the journal");
            }
            if (runbookName != null) {
                source = RunbookSource.of(runbookName);
            } else {
                // resuming needs nothing but the journal: its session.opened holds the runbook and the inventory
                SessionEvent.SessionOpened opened = journaledOpening();
                source = RunbookSource.fromJournal(opened, journal);
                journaledInventory = inventoryFile == null
                        ? JournaledSources.inventoryOf(opened).flatMap(parsed -> parsed.value())
                        : Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        }
        Inventory inventory = journaledInventory.isPresent()
                ? journaledInventory.get()
                : InventoryFiles.read(inventoryFile, context.environment(), err).orElse(null);
        if (inventory == null || !printProblems(source.parsed(), inventory, err)) {
            return Cli.PROBLEM;
        }
        Runbook runbook = source.parsed().value().orElseThrow();
        Map<String, String> values = startValues(runbook, inventory);
        List<String> missing = runbook.variables().stream()
                .filter(v -> !values.containsKey(v.name()))
                .map(VariableDefinition::name)
                .toList();
        if (!missing.isEmpty()) {
            err.println("flightdeck: no value for " + missing
                    + ": set them under the inventory's vars: or with --var NAME=VALUE");
            return Cli.USAGE;
        }
        if (dryRun) {
            return printPlan(DryRun.plan(runbook, inventory, values), out);
        }
        if (journal == null || operator == null || operator.isBlank()) {
            err.println("flightdeck: a session needs --journal DIR and --operator NAME");
            return Cli.USAGE;
        }
        return runSession(runbook, source.sha256(), inventory, values, out, err);
    }

    /** Runbook problems, and its targets against the inventory; true when it can run. */
    private boolean printProblems(Parsed<Runbook> parsed, Inventory inventory, PrintWriter err) {
        List<Problem> problems = new ArrayList<>(parsed.errors());
        parsed.value().filter(r -> parsed.isValid()).ifPresent(runbook -> {
            Problems targets = new Problems(runbook.origin());
            new RunbookValidator(targets).checkTargets(runbook, inventory);
            problems.addAll(targets.sorted().stream().filter(Problem::isError).toList());
        });
        problems.forEach(problem -> err.println(problem.format()));
        return problems.isEmpty();
    }

    private Map<String, String> startValues(Runbook runbook, Inventory inventory) {
        return SessionLauncher.startValues(runbook, inventory, vars);
    }

    private int printPlan(DryRun.Plan plan, PrintWriter out) {
        out.println("Dry run: nothing is connected to or changed.");
        plan.steps().forEach(step -> printPlanned(step, out));
        out.println("Rollback plan:");
        plan.rollback().forEach(step -> printPlanned(step, out));
        plan.problems().forEach(problem -> out.println("problem: " + problem));
        out.flush();
        return plan.isRunnable() ? Cli.OK : Cli.PROBLEM;
    }

    private static void printPlanned(DryRun.PlannedStep step, PrintWriter out) {
        out.printf(
                "  %-5s %-12s %s%n",
                step.number(), step.step().kind().label(), step.step().displayTitle());
        if (!step.where().isEmpty()) {
            out.println("          where: " + String.join(", ", step.where()));
        }
        if (!step.text().isBlank() && !step.text().equals(step.step().displayTitle())) {
            step.text().lines().forEach(line -> out.println("          | " + line));
        }
        if (step.step().action() instanceof StepAction.Run run) {
            ShellTemplate.rawSplices(run.command())
                    .forEach(name -> out.println("          ! ${raw:" + name
                            + "} is spliced as shell text, unquoted: its value is part of the command"));
        }
    }

    private SessionEvent.SessionOpened journaledOpening() {
        if (journal == null) {
            throw new IllegalArgumentException("--resume needs --journal DIR");
        }
        char[] secret = passphrase.read(context);
        try {
            return SessionJournals.openingOf(SessionJournals.read(journal, secret))
                    .orElseThrow(() -> new IllegalArgumentException(journal + " holds no Flightdeck session"));
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private int runSession(
            Runbook runbook,
            String sha256,
            Inventory inventory,
            Map<String, String> values,
            PrintWriter out,
            PrintWriter err)
            throws Exception {
        char[] secret;
        try {
            secret = passphrase.read(context, err);
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        }
        Optional<Roster> roster;
        Optional<PersonalKey> operatorKey;
        List<SignedApproval> signedApprovals;
        try {
            roster = rosterChoice(err);
            operatorKey = operatorKey(err);
            signedApprovals = approvalFiles.stream().map(SignedApproval::read).toList();
        } catch (IllegalArgumentException e) {
            Arrays.fill(secret, '\0');
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        } catch (JournalException e) {
            Arrays.fill(secret, '\0');
            err.println("flightdeck: " + e.getMessage());
            return Cli.PROBLEM;
        }
        PasswordSource databasePasswords = rehearsal != null
                ? rehearsal.databasePasswords()
                : PgPassFile.standardLocation(context.environment())
                        .orElse(new PromptedPassword(RunCommand::promptDatabasePassword));
        SessionLauncher.Choices choices = new SessionLauncher.Choices(
                runbook,
                sha256,
                inventory,
                inventoryFile == null ? "(none)" : inventoryFile.toString(),
                values,
                operator,
                journal,
                secret,
                databasePasswords,
                rehearsal != null ? rehearsal.sshCredentials() : new TerminalCredentials(),
                rehearsal != null ? SessionEvent.Mode.REHEARSAL : SessionEvent.Mode.LIVE,
                resume ? Optional.empty() : roster,
                operatorKey);
        SessionLauncher launcher =
                SessionLauncher.forProduction(context).withSecretPrompt(NotificationWarnings::prompt);
        try (LiveSession live =
                resume ? launcher.resume(choices, "resumed from the command line") : launcher.start(choices)) {
            Session session = live.session();
            if (resume && roster.isPresent() && !sameRoster(session, roster.get(), err)) {
                return Cli.USAGE;
            }
            if (json) {
                out = followAsJson(session, out, err);
            }
            NotificationWarnings.follow(live.notifications().outbox(), out);
            trustHosts(live.services(), session, out);
            out.println(
                    (resume ? "Resumed " : "Started ") + runbook.title() + " as " + operator + ", journal " + journal);
            int result = new HeadlessRun(session, out, yes, approversByRole(), rerun, markDone)
                    .withSignedApprovals(signedApprovals, journal)
                    .stopWhen(() ->
                            autoRollback && session.state().rollbackRequested().isPresent())
                    .decideWith(this::decision)
                    .run();
            if (result == HeadlessRun.ROLLBACK_CHOSEN) {
                int rollback = new HeadlessRollback(out, yes, Map.of())
                        .run(session, "the operator chose to roll back an inconclusive analysis", operator);
                result = rollback == Cli.OK ? HeadlessRun.ROLLED_BACK : rollback;
            } else if (result != HeadlessRun.DONE) {
                adviseOnUnknownHostKeys(session, err);
                result = new AlarmFollowUp(live, out, autoRollback, yes).after(result, rollbackCommand());
            } else {
                out.println("All steps done. Closing checkpoint " + session.finishSession("all steps done")
                        + " (write it into the change ticket).");
            }
            out.flush();
            return result;
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /**
     * {@code --roster}, else (new sessions) the roster setting; a roster with problems stops the run (each printed as
     * FILE:LINE:COLUMN).
     */
    private Optional<Roster> rosterChoice(PrintWriter err) {
        // a resumed session keeps its own roster: only one named here is compared with it, never the setting
        Optional<Path> file = resume
                ? Optional.ofNullable(rosterFile)
                : Optional.ofNullable(rosterFile)
                        .or(() -> Settings.load(context.home())
                                .get(Settings.ROSTER)
                                .map(Path::of));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RosterFiles.read(file.get(), err)
                .orElseThrow(() ->
                        new IllegalArgumentException("the roster " + file.get() + " cannot be used (see above)")));
    }

    private Optional<PersonalKey> operatorKey(PrintWriter err) {
        if (operatorKeyFile == null) {
            return Optional.empty();
        }
        char[] keySecret = keyPassphrase.read(context, err);
        try {
            return Optional.of(PersonalKeyFile.unlock(operatorKeyFile, keySecret));
        } finally {
            Arrays.fill(keySecret, '\0');
        }
    }

    /** A resumed session keeps the roster it opened with; another one given now is refused, naming both. */
    private static boolean sameRoster(Session session, Roster given, PrintWriter err) {
        Optional<Roster> journaled = session.roster();
        if (journaled.isPresent() && journaled.get().sha256().equals(given.sha256())) {
            return true;
        }
        err.println("flightdeck: the session was opened with "
                + journaled.map(Roster::describe).orElse("no roster (typed approvals)") + ", not " + given.describe()
                + "; a session keeps the roster it opened with (leave out --roster when resuming)");
        return false;
    }

    /** A host whose key is in no known_hosts file: how to trust it from the command line, as ssh would ask. */
    private static void adviseOnUnknownHostKeys(Session session, PrintWriter err) {
        Map<String, String> unknown = new LinkedHashMap<>();
        session.state()
                .runbook()
                .steps()
                .forEach(step -> session.state().record(step.id()).outputs().forEach((name, value) -> {
                    if (name.startsWith(RunStepExecutor.UNKNOWN_HOST_KEY)) {
                        unknown.put(name.substring(RunStepExecutor.UNKNOWN_HOST_KEY.length()), value);
                    }
                }));
        unknown.forEach((host, key) ->
                err.println("flightdeck: the host key of " + host + " is not known (" + key + "). Compare it with the"
                        + " server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on " + host
                        + "); if it is the same, run again with --trust-host "
                        + host + "=" + key.substring(key.indexOf(' ') + 1) + " (the decision is journaled)."));
    }

    /** --json: events as JSON lines on standard output; the progress text moves to standard error. */
    private static PrintWriter followAsJson(Session session, PrintWriter out, PrintWriter err) {
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded event, SessionState state) {
                synchronized (out) {
                    JsonOutput.println(out, JsonOutput.event(event));
                }
            }
        });
        return err;
    }

    /** The rollback as a command line to paste: every value one shell word ("Dana Ops" too). */
    private String rollbackCommand() {
        return "flightdeck rollback --journal " + ShellTemplate.word(journal.toString())
                + (inventoryFile == null ? "" : " --inventory " + ShellTemplate.word(inventoryFile.toString()))
                + " --operator " + ShellTemplate.word(operator) + " [--yes]";
    }

    /** {@code --decide}, else the operator's answer on the terminal, else nobody can answer. */
    private Optional<String> decision(SessionEvent.AnalysisInconclusive pause) {
        if (decide != null) {
            Optional<String> given = Optional.of(decide.strip().toLowerCase(Locale.ROOT));
            decide = null; // one answer for one pause: a later pause is asked again
            return given;
        }
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        while (true) {
            String line = console.readLine("Continue the window or roll back? [continue/rollback]: ");
            if (line == null) {
                return Optional.empty();
            }
            String answer = line.strip().toLowerCase(Locale.ROOT);
            if (answer.equals("continue") || answer.equals("rollback") || answer.equals("roll back")) {
                return Optional.of(answer.replace(" ", ""));
            }
        }
    }

    /** Asked only when ~/.pgpass has no entry; without a terminal the step fails and says why. */
    static char[] promptDatabasePassword() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        return console.readPassword("Database password: ");
    }

    private void trustHosts(SessionServices services, Session session, PrintWriter out) throws Exception {
        for (Map.Entry<String, String> trusted : trustHosts.entrySet()) {
            var result = services.trust(trusted.getKey(), trusted.getValue());
            session.recordHostKeyDecision(
                    trusted.getKey(), trusted.getValue(), "trusted by " + operator + " (--trust-host): " + result);
            out.println("host key of " + trusted.getKey() + " " + trusted.getValue() + ": " + result);
        }
    }

    private Map<Role, List<String>> approversByRole() {
        Map<Role, List<String>> byRole = new EnumMap<>(Role.class);
        approve.forEach((role, names) -> byRole.put(
                role,
                Arrays.stream(names.split(","))
                        .map(String::strip)
                        .filter(n -> !n.isEmpty())
                        .toList()));
        return byRole;
    }
}
