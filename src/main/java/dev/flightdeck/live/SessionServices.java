package dev.flightdeck.live;

import dev.flightdeck.db.DatabaseSteps;
import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.CommandPlace;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.place.SshCommandPlace;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.steps.DatabaseStepExecutor;
import dev.flightdeck.session.steps.HttpStepExecutor;
import dev.flightdeck.session.steps.LocalShell;
import dev.flightdeck.session.steps.NotifyStepExecutor;
import dev.flightdeck.session.steps.RunStepExecutor;
import dev.flightdeck.session.steps.WaitStepExecutor;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshException;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a live session acts through, wired once: SSH sessions with the operator's host keys, target
 * resolution from the inventory and {@code ~/.ssh/config}, an HTTP client, and one executor per step kind.
 */
public final class SessionServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionServices.class);

    private final SshSessions ssh;
    private final TargetResolver targets;
    private final Inventory inventory;
    private final PasswordSource databasePasswords;
    private final Clock clock;
    private final CommandPlace thisComputer;
    private final Map<String, DatabaseSteps> openDatabases = new ConcurrentHashMap<>();
    private final Map<StepKind, StepExecutor> executors = new EnumMap<>(StepKind.class);

    /**
     * @param databasePasswords where database passwords come from: {@code ~/.pgpass}, else a prompt (never a file in the clear)
     */
    public SessionServices(
            AppContext context,
            Inventory inventory,
            Credentials credentials,
            PasswordSource databasePasswords,
            SshEventListener sshEvents,
            AlarmWatch alarms,
            Clock clock)
            throws IOException {
        this.inventory = inventory;
        this.databasePasswords = databasePasswords;
        this.clock = clock;
        this.thisComputer = new LocalCommandPlace(context.environment());
        SshUserHome userHome = SshUserHome.fromSystem(context.environment());
        SshConfigFile sshConfig = Files.isRegularFile(userHome.config())
                ? SshConfigFile.read(userHome.config())
                : SshConfigFile.parse("");
        HostKeyVerifier verifier = HostKeyVerifier.forOperator(
                userHome.knownHosts(), context.home().knownHosts());
        this.ssh = new SshSessions(SshSettings.defaults(), verifier, credentials, sshEvents);
        this.targets = new TargetResolver(inventory, sshConfig, userHome);
        HttpClient http = HttpStepExecutor.defaultClient();
        executors.put(StepKind.RUN, new RunStepExecutor(ssh, targets, new LocalShell()));
        executors.put(StepKind.HTTP, new HttpStepExecutor(http));
        executors.put(StepKind.NOTIFY, new NotifyStepExecutor(http));
        executors.put(StepKind.WAIT, new WaitStepExecutor(alarms, clock));
        DatabaseStepExecutor database =
                new DatabaseStepExecutor(name -> openDatabases.computeIfAbsent(name, this::openDatabase));
        for (StepKind kind : List.of(
                StepKind.SQL,
                StepKind.PREFLIGHT,
                StepKind.BACKUP,
                StepKind.SNAPSHOT,
                StepKind.RESTORE,
                StepKind.VERIFY_DATA)) {
            executors.put(kind, database);
        }
    }

    /** Connects to an inventory database on first use; its dump tools run on its ssh-host when it names one. */
    private DatabaseSteps openDatabase(String name) {
        DatabaseEntry entry = inventory
                .database(name)
                .orElseThrow(() -> new DatabaseException(
                        DatabaseErrorCode.UNKNOWN_OBJECT, "database '" + name + "' is not in " + inventory.origin()));
        CommandPlace place = thisComputer;
        if (entry.sshHost().isPresent()) {
            try {
                place = new SshCommandPlace(ssh, targets.target(entry.sshHost().get()));
            } catch (SshException e) {
                throw new DatabaseException(
                        DatabaseErrorCode.TOOL_FAILED,
                        "cannot reach the database host " + entry.sshHost().get() + ": " + e.getMessage(),
                        e);
            }
        }
        return DatabaseSteps.open(
                ConnectionTarget.of(entry),
                databasePasswords,
                PoolSettings.console(),
                place,
                clock,
                event -> LOG.debug("database {}: {}", name, event));
    }

    /** Connects to the host (its key checked, the operator logged in) and runs {@code true}: proof the host can be reached. */
    public CommandResult reach(String host, Duration deadline) throws SshException, InterruptedException {
        return ssh.exec(targets.target(host), CommandRequest.of("true").withDeadline(deadline));
    }

    /** Connects to an inventory database and asks the server's version: proof it answers to this operator. */
    public String databaseVersion(String name) {
        return openDatabases
                .computeIfAbsent(name, this::openDatabase)
                .pool()
                .withConnection("SHOW server_version", connection -> {
                    try (var statement = connection.createStatement();
                            var rows = statement.executeQuery("SHOW server_version")) {
                        rows.next();
                        return rows.getString(1);
                    }
                });
    }

    /** The SSH pool the steps use; the host instruments read through the same connections. */
    public SshSessions ssh() {
        return ssh;
    }

    public TargetResolver targets() {
        return targets;
    }

    public PasswordSource databasePasswords() {
        return databasePasswords;
    }

    public Map<StepKind, StepExecutor> executors() {
        return Map.copyOf(executors);
    }

    /** Trusts exactly this key for this host, as the operator decided (e.g. {@code --trust-host app1=SHA256:...}). */
    public TrustResult trust(String host, String fingerprint) throws SshException {
        return ssh.trust(targets.target(host), fingerprint);
    }

    @Override
    public void close() {
        openDatabases.values().forEach(DatabaseSteps::close);
        ssh.close();
    }
}
