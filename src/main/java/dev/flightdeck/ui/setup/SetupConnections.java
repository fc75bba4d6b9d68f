package dev.flightdeck.ui.setup;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.live.ConnectionCheck;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ui.Tasks;
import dev.flightdeck.ui.setup.SessionSetupViewModel.ConnectionRow;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup's connection test, and only that: reaches every target of the inventory one after the other on the
 * background executor, updates each row as its answer comes, and trusts a host key the operator compared. It reports
 * through the setup's shared busy flag and message line.
 */
final class SetupConnections {

    private final SessionLauncher launcher;
    private final Credentials sshCredentials;
    private final PasswordSource databasePasswords;
    private final Executor background;
    private final BooleanProperty busy;
    private final StringProperty message;
    private final ObservableList<ConnectionRow> rows = FXCollections.observableArrayList();
    /** Open between "Test connections" and the start; opened and closed on the background executor. */
    private volatile ConnectionCheck check;

    SetupConnections(
            SessionLauncher launcher,
            Credentials sshCredentials,
            PasswordSource databasePasswords,
            Executor background,
            BooleanProperty busy,
            StringProperty message) {
        this.launcher = launcher;
        this.sshCredentials = sshCredentials;
        this.databasePasswords = databasePasswords;
        this.background = background;
        this.busy = busy;
        this.message = message;
    }

    ObservableList<ConnectionRow> rows() {
        return rows;
    }

    void test(Inventory chosen) {
        List<ConnectionCheck.Target> targets = ConnectionCheck.targets(chosen);
        if (targets.isEmpty()) {
            message.set("The inventory names no hosts, databases or endpoints: there is nothing to connect to.");
            return;
        }
        busy.set(true);
        message.set("Testing " + targets.size() + " connections…");
        rows.setAll(targets.stream().map(ConnectionRow::checking).toList());
        Tasks.create(() -> {
                    close();
                    check = launcher.connectionCheck(chosen, sshCredentials, databasePasswords);
                    return check;
                })
                .onError(error -> message.set("Cannot test connections: " + error.getMessage()))
                .runOnce(background);
        for (int i = 0; i < targets.size(); i++) {
            int row = i;
            boolean last = i == targets.size() - 1;
            ConnectionCheck.Target target = targets.get(i);
            Tasks.create(() -> {
                        if (check == null) {
                            throw new IllegalStateException("the connection test could not start");
                        }
                        return check.check(target);
                    })
                    .onSuccess(result -> rows.set(row, ConnectionRow.of(result)))
                    .andFinally(() -> {
                        if (last) {
                            busy.set(false);
                            message.set(check == null ? message.get() : summary());
                        }
                    })
                    .runOnce(background);
        }
    }

    void trustHostKey(ConnectionCheck.Target host, String fingerprint) {
        busy.set(true);
        Tasks.create(() -> {
                    String trusted = check.trust(host.name(), fingerprint).toString();
                    return Map.entry(trusted, check.check(host));
                })
                .onSuccess(answer -> {
                    rows.replaceAll(row -> row.target().equals(host) ? ConnectionRow.of(answer.getValue()) : row);
                    message.set("Host key " + fingerprint + " of " + host.name() + ": " + answer.getKey() + ". "
                            + summary());
                })
                .onError(error -> message.set("Could not trust the key of " + host.name() + ": " + error.getMessage()))
                .andFinally(() -> busy.set(false))
                .runOnce(background);
    }

    private String summary() {
        long reached = rows.stream()
                .filter(row -> row.outcome()
                        .filter(ConnectionCheck.Outcome.Reached.class::isInstance)
                        .isPresent())
                .count();
        return reached == rows.size()
                ? "All " + reached + " connections answered."
                : (rows.size() - reached) + " of " + rows.size() + " connections need attention (listed below).";
    }

    /** Closes the connections the test opened: before the session opens its own, on the background executor. */
    void close() {
        if (check != null) {
            check.close();
            check = null;
        }
    }
}
