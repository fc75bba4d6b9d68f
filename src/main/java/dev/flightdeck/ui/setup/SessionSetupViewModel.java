package dev.flightdeck.ui.setup;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.RosterLoader;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.live.ConnectionCheck;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.VariableDefinition;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ui.Tasks;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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
    public record VariableInput(VariableDefinition definition, StringProperty value) {}

    private final Runbook runbook;
    private final String runbookSha256;
    private final SessionLauncher launcher;
    private final Executor background;
    private final StringProperty operator = new SimpleStringProperty(this, "operator", "");
    private final StringProperty inventory = new SimpleStringProperty(this, "inventory", "");
    private final StringProperty journal = new SimpleStringProperty(this, "journal", "");
    private final StringProperty roster = new SimpleStringProperty(this, "roster", "");
    /** The operator's personal key file (as {@code --operator-key}); blank: the installation key signs. */
    private final StringProperty operatorKey = new SimpleStringProperty(this, "operatorKey", "");

    private final StringProperty plan = new SimpleStringProperty(this, "plan", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty planRunnable = new SimpleBooleanProperty(this, "planRunnable");
    private final BooleanProperty resuming = new SimpleBooleanProperty(this, "resuming");
    private final BooleanProperty closedSession = new SimpleBooleanProperty(this, "closedSession");
    private final ObservableList<VariableInput> variables = FXCollections.observableArrayList();

    private final Credentials sshCredentials;
    private final PasswordSource databasePasswords;
    private SessionEvent.Mode mode = SessionEvent.Mode.LIVE;
    private final SetupConnections connections;

    /** One inventory target in the connection test: its outcome is empty while it is being reached. */
    public record ConnectionRow(
            ConnectionCheck.Target target, Optional<ConnectionCheck.Outcome> outcome, Duration took) {

        static ConnectionRow checking(ConnectionCheck.Target target) {
            return new ConnectionRow(target, Optional.empty(), Duration.ZERO);
        }

        static ConnectionRow of(ConnectionCheck.Result result) {
            return new ConnectionRow(result.target(), Optional.of(result.outcome()), result.took());
        }
    }

    public SessionSetupViewModel(Runbook runbook, String runbookSha256, SessionLauncher launcher, Executor background) {
        this(runbook, runbookSha256, launcher, background, Credentials.NONE, target -> Optional.empty());
    }

    /**
     * @param sshCredentials    how SSH key passphrases and passwords are asked for (the console shows a dialog)
     * @param databasePasswords where database passwords come from, for the connection test and the session
     */
    public SessionSetupViewModel(
            Runbook runbook,
            String runbookSha256,
            SessionLauncher launcher,
            Executor background,
            Credentials sshCredentials,
            PasswordSource databasePasswords) {
        this.sshCredentials = sshCredentials;
        this.databasePasswords = databasePasswords;
        this.runbook = runbook;
        this.runbookSha256 = runbookSha256;
        this.launcher = launcher;
        this.background = background;
        this.connections = new SetupConnections(launcher, sshCredentials, databasePasswords, background, busy, message);
        journal.set(launcher.defaultJournal(runbook).toString());
        // the setting is a file read: off the FX thread, filled in unless the operator typed one first
        Tasks.create(launcher::defaultRoster)
                .onSuccess(setting ->
                        setting.filter(path -> roster.get().isBlank()).ifPresent(path -> roster.set(path.toString())))
                .runOnce(background);
        runbook.variables()
                .forEach(v -> variables.add(new VariableInput(
                        v, new SimpleStringProperty(v.defaultValue().orElse("")))));
        // any change makes the last dry run stale: the operator must look at the plan that will really run
        operator.addListener((o, a, b) -> planRunnable.set(false));
        inventory.addListener((o, a, b) -> {
            planRunnable.set(false);
            connections.rows().clear();
        });
        journal.addListener((o, a, b) -> planRunnable.set(false));
    }

    public Runbook runbook() {
        return runbook;
    }

    /** Where background work of the setup runs (file reading, checks, connections). */
    Executor background() {
        return background;
    }

    /** A new inventory's place when none is chosen: beside the journals, named after the runbook. */
    Path suggestedInventory() {
        return launcher.suggestedInventory(runbook);
    }

    /** The inventory file's content changed (saved from the editor): the last dry run and connection test are stale. */
    void inventoryChanged() {
        planRunnable.set(false);
        connections.rows().clear();
        message.set("The inventory changed: run the dry run again.");
    }

    public StringProperty operatorProperty() {
        return operator;
    }

    public StringProperty inventoryProperty() {
        return inventory;
    }

    /** The team file a new session checks approvals against; blank: typed approvals, shown as unverified. */
    public StringProperty rosterProperty() {
        return roster;
    }

    public StringProperty operatorKeyProperty() {
        return operatorKey;
    }

    /** The operator's personal key, unlocked with their own passphrase; none chosen: the installation key signs. */
    private Optional<PersonalKey> unlockOperatorKey(char[] keyPassphrase) {
        if (operatorKey.get().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(PersonalKeyFile.unlock(Path.of(operatorKey.get().strip()), keyPassphrase));
    }

    public StringProperty journalProperty() {
        return journal;
    }

    /** The journal folder as chosen (the one a started session journals into). */
    public Path journalFolder() {
        return Path.of(journal.get().strip());
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

    /** True when that session was closed: it opens to be looked at, and only its emergency rollback may reopen it. */
    public BooleanProperty closedSessionProperty() {
        return closedSession;
    }

    public ObservableList<VariableInput> variables() {
        return variables;
    }

    /**
     * Makes this a rehearsal: against the sandbox's inventory, journaled as a rehearsal so no reviewer mistakes it
     * for a real window.
     */
    public void rehearseAgainst(Path sandboxInventory, Inventory sandbox) {
        inventory.set(sandboxInventory.toString());
        mode = SessionEvent.Mode.REHEARSAL;
        // the sandbox knows its own values (where db1 keeps dumps): show them rather than leave the fields blank
        variables.stream()
                .filter(variable -> variable.value().get().isBlank())
                .forEach(variable -> Optional.ofNullable(
                                sandbox.vars().get(variable.definition().name()))
                        .ifPresent(variable.value()::set));
    }

    public boolean isRehearsal() {
        return mode == SessionEvent.Mode.REHEARSAL;
    }

    /** The inventory's targets and how reaching each went, in the order they are tested. */
    public ObservableList<ConnectionRow> connections() {
        return connections.rows();
    }

    /**
     * Reaches every host, database and endpoint of the inventory, one after the other, each row updated as its
     * answer comes. Changes nothing anywhere; an unknown SSH host key shows up here, for the operator to compare.
     */
    public void testConnections() {
        try {
            connections.test(loadInventory());
        } catch (Exception e) {
            message.set("Cannot test connections: " + e.getMessage());
        }
    }

    /** The operator compared the fingerprint with the server's own: trust it, then reach the host again. */
    public void trustHostKey(ConnectionCheck.Target host, String fingerprint) {
        connections.trustHostKey(host, fingerprint);
    }

    /** Start is possible after a dry run that found nothing wrong, with an operator named and nothing in progress. */
    public BooleanBinding canStart() {
        return Bindings.createBooleanBinding(
                () -> planRunnable.get() && !operator.get().isBlank() && !busy.get(), planRunnable, operator, busy);
    }

    public void dryRun() {
        busy.set(true);
        message.set("");
        Tasks.create(this::planNow)
                .onSuccess(result -> {
                    plan.set(result.text());
                    resuming.set(result.existingJournal());
                    closedSession.set(result.closedJournal());
                    planRunnable.set(result.runnable());
                    message.set(
                            !result.runnable()
                                    ? "Fix the problems listed, then run the dry run again."
                                    : result.closedJournal()
                                            ? "This journal folder holds a closed session of this runbook: it opens to be looked at, "
                                                    + "and nothing is written to it unless you start its emergency rollback."
                                            : result.existingJournal()
                                                    ? "This journal folder holds a session of this runbook: it will be resumed where it stopped."
                                                    : "Dry run found nothing missing. Read the plan, then start.");
                })
                .onError(error -> message.set("Dry run failed: " + error.getMessage()))
                .andFinally(() -> busy.set(false))
                .runOnce(background);
    }

    private DryRunText planNow() throws IOException {
        Inventory chosen = loadInventory();
        return DryRunText.of(runbook, chosen, values(chosen), journalFolder());
    }

    private Inventory loadInventory() throws IOException {
        if (inventory.get().isBlank()) {
            return Inventory.empty();
        }
        Parsed<Inventory> parsed = InventoryLoader.load(Path.of(inventory.get().strip()));
        if (!parsed.isValid()) {
            throw new IllegalArgumentException(
                    parsed.errors().stream().map(Problem::format).collect(Collectors.joining("\n")));
        }
        return parsed.value().orElseThrow();
    }

    /** The chosen roster; its problems (FILE:LINE:COLUMN) stop the start with the message. */
    private Optional<Roster> loadRoster() throws IOException {
        if (roster.get().isBlank()) {
            return Optional.empty();
        }
        Parsed<Roster> parsed = RosterLoader.load(Path.of(roster.get().strip()));
        if (!parsed.isValid()) {
            throw new IllegalArgumentException("the roster cannot be used: "
                    + parsed.errors().stream().map(Problem::format).collect(Collectors.joining("; ")));
        }
        return parsed.value();
    }

    private Map<String, String> values(Inventory chosen) {
        Map<String, String> given = new HashMap<>();
        variables.stream()
                .filter(v -> !v.value().get().isBlank())
                .forEach(v -> given.put(v.definition().name(), v.value().get().strip()));
        return SessionLauncher.startValues(runbook, chosen, given);
    }

    /**
     * Starts the session on the background executor; the passphrase is wiped once the journal and key are open.
     * The caller shows the wizard with the session it receives.
     */
    public void start(char[] passphrase, Consumer<LiveSession> started) {
        start(passphrase, new char[0], started);
    }

    /**
     * Starts the session, opened and its checkpoints signed with the operator's personal key when one is chosen
     * (unlocked with {@code keyPassphrase}); both passphrases are wiped once the journal and key are open.
     */
    public void start(char[] passphrase, char[] keyPassphrase, Consumer<LiveSession> started) {
        busy.set(true);
        message.set("Opening the journal…");
        Tasks.create(() -> {
                    try {
                        connections.close();
                        Inventory chosen = loadInventory();
                        SessionLauncher.Choices choices = new SessionLauncher.Choices(
                                runbook,
                                runbookSha256,
                                chosen,
                                inventory.get().isBlank()
                                        ? "(none)"
                                        : inventory.get().strip(),
                                values(chosen),
                                operator.get().strip(),
                                journalFolder(),
                                passphrase,
                                databasePasswords,
                                sshCredentials,
                                mode,
                                loadRoster(),
                                unlockOperatorKey(keyPassphrase));
                        return resuming.get()
                                ? launcher.resume(
                                        choices,
                                        "resumed in the console by "
                                                + operator.get().strip())
                                : launcher.start(choices);
                    } finally {
                        Arrays.fill(passphrase, '\0');
                        Arrays.fill(keyPassphrase, '\0');
                    }
                })
                .onSuccess(live -> {
                    message.set(
                            closedSession.get()
                                    ? "Closed session opened."
                                    : resuming.get() ? "Session resumed." : "Session started.");
                    started.accept(live);
                })
                .onError(error -> message.set("Could not start: " + error.getMessage()))
                .andFinally(() -> busy.set(false))
                .runOnce(background);
    }
}
