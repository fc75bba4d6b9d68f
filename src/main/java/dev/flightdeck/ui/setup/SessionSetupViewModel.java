package dev.flightdeck.ui.setup;

import dev.flightdeck.app.LiveSession;
import dev.flightdeck.app.SessionLauncher;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.runbook.VariableDefinition;
import dev.flightdeck.session.DryRun;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ui.Tasks;
import dev.flightdeck.yaml.Parsed;
import dev.flightdeck.yaml.Problem;
import dev.flightdeck.yaml.Problems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Setting up a session: who runs it, against which inventory, into which journal; a dry run; then start. */
public final class SessionSetupViewModel {

    /** A runbook variable the operator may have to fill in. */
    public record VariableInput(VariableDefinition definition, StringProperty value) {
    }

    private final Runbook runbook;
    private final String runbookSha256;
    private final SessionLauncher launcher;
    private final Executor background;
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final StringProperty inventory = new SimpleStringProperty(this, "inventory", "");
    private final StringProperty journal = new SimpleStringProperty(this, "journal", "");
    private final StringProperty plan = new SimpleStringProperty(this, "plan", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty planRunnable = new SimpleBooleanProperty(this, "planRunnable");
    private final BooleanProperty resuming = new SimpleBooleanProperty(this, "resuming");
    private final ObservableList<VariableInput> variables = FXCollections.observableArrayList();

    private final Credentials sshCredentials;

    public SessionSetupViewModel(Runbook runbook, String runbookSha256, SessionLauncher launcher, Executor background) {
        this(runbook, runbookSha256, launcher, background, Credentials.NONE);
    }

    /** @param sshCredentials how SSH key passphrases and passwords are asked for (the console shows a dialog) */
    public SessionSetupViewModel(Runbook runbook, String runbookSha256, SessionLauncher launcher, Executor background,
                                 Credentials sshCredentials) {
        this.sshCredentials = sshCredentials;
        this.runbook = runbook;
        this.runbookSha256 = runbookSha256;
        this.launcher = launcher;
        this.background = background;
        journal.set(launcher.defaultJournal(runbook).toString());
        runbook.variables().forEach(v -> variables.add(new VariableInput(v, new SimpleStringProperty(v.defaultValue().orElse("")))));
        // any change makes the last dry run stale: the operator must look at the plan that will really run
        operator.addListener((o, a, b) -> planRunnable.set(false));
        inventory.addListener((o, a, b) -> planRunnable.set(false));
        journal.addListener((o, a, b) -> planRunnable.set(false));
    }

    public Runbook runbook() {
        return runbook;
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public StringProperty inventoryProperty() {
        return inventory;
    }

    public StringProperty journalProperty() {
        return journal;
    }

    public StringProperty planProperty() {
        return plan;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** True when the journal folder already holds a session: starting means resuming it. */
    public BooleanProperty resumingProperty() {
        return resuming;
    }

    public ObservableList<VariableInput> variables() {
        return variables;
    }

    /** Start is possible after a dry run that found nothing wrong, with an operator named and nothing in progress. */
    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(() -> planRunnable.get() && !operator.get().isBlank() && !busy.get(), planRunnable, operator, busy);
    }

    public void dryRun() {
        busy.set(true);
        message.set("");
        Tasks.create(this::planNow).onSuccess(result -> {
            plan.set(result.text());
            resuming.set(result.existingJournal());
            planRunnable.set(result.runnable());
            message.set(!result.runnable() ? "Fix the problems listed, then run the dry run again."
                    : result.existingJournal() ? "This journal folder holds a session of this runbook: it will be resumed where it stopped."
                    : "Dry run found nothing missing. Read the plan, then start.");
        }).onError(error -> message.set("Dry run failed: " + error.getMessage())).andFinally(() -> busy.set(false)).runOnce(background);
    }

    private record PlanResult(String text, boolean runnable, boolean existingJournal) {
    }

    private PlanResult planNow() throws Exception {
        Inventory chosen = loadInventory();
        Problems targets = new Problems(runbook.origin());
        new RunbookValidator(targets).checkTargets(runbook, chosen);
        List<Problem> errors = targets.sorted().stream().filter(Problem::isError).toList();
        DryRun.Plan plan = DryRun.plan(runbook, chosen, values(chosen));
        StringBuilder text = new StringBuilder();
        errors.forEach(problem -> text.append("problem: ").append(problem.format()).append('\n'));
        plan.problems().forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        for (DryRun.PlannedStep step : plan.steps()) {
            text.append(step.number()).append("  ").append(step.step().kind().label()).append(": ").append(step.step().displayTitle()).append('\n');
            if (!step.where().isEmpty()) {
                text.append("      where: ").append(String.join(", ", step.where())).append('\n');
            }
        }
        Path folder = Path.of(journal.get().strip());
        boolean existing = java.nio.file.Files.isDirectory(folder) && hasFiles(folder);
        return new PlanResult(text.toString(), errors.isEmpty() && plan.isRunnable(), existing);
    }

    private static boolean hasFiles(Path folder) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.findAny().isPresent();
        }
    }

    private Inventory loadInventory() throws java.io.IOException {
        if (inventory.get().isBlank()) {
            return Inventory.empty();
        }
        Parsed<Inventory> parsed = InventoryLoader.load(Path.of(inventory.get().strip()));
        if (!parsed.isValid()) {
            throw new IllegalArgumentException(parsed.errors().stream().map(Problem::format).collect(Collectors.joining("\n")));
        }
        return parsed.value().orElseThrow();
    }

    private Map<String, String> values(Inventory chosen) {
        Map<String, String> values = new HashMap<>(chosen.vars());
        variables.stream().filter(v -> !v.value().get().isBlank()).forEach(v -> values.put(v.definition().name(), v.value().get().strip()));
        return values;
    }

    /**
     * Starts the session on the background executor; the passphrase is wiped once the journal and key are open.
     * The caller shows the wizard with the session it receives.
     */
    public void start(char[] passphrase, PasswordSource databasePasswords, Consumer<LiveSession> started) {
        busy.set(true);
        message.set("Opening the journal…");
        Tasks.create(() -> {
            try {
                Inventory chosen = loadInventory();
                SessionLauncher.Choices choices = new SessionLauncher.Choices(runbook, runbookSha256, chosen,
                        inventory.get().isBlank() ? "(none)" : inventory.get().strip(), values(chosen), operator.get().strip(),
                        Path.of(journal.get().strip()), passphrase, databasePasswords, sshCredentials, SessionEvent.Mode.LIVE);
                return resuming.get() ? launcher.resume(choices, "resumed in the console by " + operator.get().strip())
                        : launcher.start(choices);
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }).onSuccess(live -> {
            message.set(resuming.get() ? "Session resumed." : "Session started.");
            started.accept(live);
        }).onError(error -> message.set("Could not start: " + error.getMessage()))
                .andFinally(() -> busy.set(false)).runOnce(background);
    }
}
