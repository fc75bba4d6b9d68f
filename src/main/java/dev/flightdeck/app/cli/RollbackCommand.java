package dev.flightdeck.app.cli;

import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.rollback.AfterClose;
import dev.flightdeck.rollback.RollbackPlanner;
import dev.flightdeck.rollback.VerificationTable;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.JournaledSources;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = {
            "Reopen a session from its journal and run its emergency rollback plan headless.",
            "Exit 0 rolled back and verified, 1 a rollback step failed or a verification check did not pass (run again to retry),",
            "2 wrong usage (a closed session needs --reopen and --reason), 3 waiting for a confirmation.",
            "A closed session is reopened for its rollback (journaled) and closed again once the rollback is verified."
        })
public final class RollbackCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private PassphraseOption passphrase;

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "the session's journal directory")
    private Path journal;

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            description = "the inventory the session ran against (default: the copy in the journal)")
    private Path inventoryFile;

    @Option(names = "--operator", paramLabel = "NAME", required = true, description = "who runs the rollback")
    private String operator;

    @Option(
            names = "--runbook",
            paramLabel = "ID|FILE",
            description =
                    "the runbook the session ran, checked against the journal's SHA-256 (default: the copy in the journal)")
    private String runbookName;

    @Option(names = "--plan", description = "only print the plan")
    private boolean planOnly;

    @Option(
            names = "--yes",
            description = "confirm checklist items of the plan (recorded as confirmed in non-interactive mode)")
    private boolean yes;

    @Option(
            names = "--reason",
            paramLabel = "TEXT",
            description = "why the rollback is started (journaled; required with --reopen)")
    private String reason;

    @Option(
            names = "--reopen",
            description = {
                "roll back a session that was already closed: it is reopened for its rollback (journaled),",
                "and anything written to the systems since the close is lost"
            })
    private boolean reopen;

    @Option(
            names = "--skip",
            paramLabel = "STEP=REASON",
            description = "a rollback step done by hand or decided against")
    private Map<String, String> skips = new LinkedHashMap<>();

    RollbackCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] secret;
        try {
            secret = passphrase.read(context, err);
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        }
        try {
            List<Recorded> history = SessionJournals.read(journal, secret);
            SessionEvent.SessionOpened opened = SessionJournals.openingOf(history)
                    .orElseThrow(() -> new IllegalArgumentException(journal + " holds no Flightdeck session"));
            // the runbook travels in the journal; a file given explicitly must be the one the session ran
            RunbookSource source =
                    runbookName != null ? RunbookSource.of(runbookName) : RunbookSource.fromJournal(opened, journal);
            if (!source.sha256().equals(opened.runbookSha256())) {
                err.println("flightdeck: " + runbookName + " is not the runbook the session ran: its SHA-256 is "
                        + source.sha256() + ", the journal's " + opened.runbookSha256()
                        + (opened.runbookText() != null ? "; leave out --runbook to use the journal's copy" : ""));
                return Cli.USAGE;
            }
            Runbook runbook = source.parsed()
                    .value()
                    .orElseThrow(() -> new IllegalArgumentException("the runbook of " + journal + " does not read: "
                            + source.parsed().errors().stream()
                                    .map(problem -> problem.format())
                                    .findFirst()
                                    .orElse("")));
            SessionState state = SessionFold.fold(runbook, history);
            Optional<String> afterClose = AfterClose.warning(state, Instant.now(), ZoneId.systemDefault());
            if (planOnly) {
                HeadlessRollback.printPlan(RollbackPlanner.plan(state), out);
                state.verification()
                        .ifPresent(done -> out.print("Last verification:\n"
                                + VerificationTable.of(done).render()));
                afterClose.ifPresent(warning -> out.println("Note: " + warning));
                return Cli.OK;
            }
            if (state.closed().isPresent() && state.rollback() == SessionFold.RollbackState.SUCCEEDED) {
                err.println(
                        "flightdeck: the session was rolled back and verified before it closed; there is nothing left to roll back");
                return Cli.USAGE;
            }
            if (afterClose.isPresent()) {
                err.println("flightdeck: " + afterClose.get());
                if (!reopen || reason == null || reason.isBlank()) {
                    err.println(
                            "flightdeck: to roll it back all the same, run again with --reopen and --reason \"why\" (both are journaled)");
                    return Cli.USAGE;
                }
            } else if (reopen) {
                err.println(
                        "flightdeck: --reopen is for a closed session; this one is still open, so its rollback starts without it");
                return Cli.USAGE;
            }
            Optional<Inventory> journaled = inventoryFile == null
                    ? JournaledSources.inventoryOf(opened).flatMap(parsed -> parsed.value())
                    : Optional.empty();
            Inventory inventory = journaled.isPresent()
                    ? journaled.get()
                    : InventoryFiles.read(inventoryFile, context.environment(), err)
                            .orElse(null);
            if (inventory == null) {
                return Cli.PROBLEM;
            }
            String inventoryName = journaled.isPresent()
                    ? opened.inventory()
                    : inventoryFile == null ? "(none)" : inventoryFile.toString();
            return rollBack(runbook, source.sha256(), inventory, inventoryName, secret, out);
        } catch (IllegalArgumentException | SessionRuleException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private int rollBack(
            Runbook runbook, String sha256, Inventory inventory, String inventoryName, char[] secret, PrintWriter out)
            throws Exception {
        SessionLauncher.Choices choices = new SessionLauncher.Choices(
                runbook,
                sha256,
                inventory,
                inventoryName,
                Map.of(),
                operator,
                journal,
                secret,
                PgPassFile.standardLocation(context.environment())
                        .orElse(new PromptedPassword(RunCommand::promptDatabasePassword)),
                new TerminalCredentials(),
                SessionEvent.Mode.LIVE);
        try (LiveSession live = SessionLauncher.forProduction(context)
                .withSecretPrompt(NotificationWarnings::prompt)
                .resume(choices, "reopened for the rollback")) {
            NotificationWarnings.follow(live.notifications().outbox(), out);
            return new HeadlessRollback(out, yes, skips)
                    .run(
                            live.session(),
                            reason == null ? "emergency rollback from the command line" : reason,
                            operator);
        }
    }
}
