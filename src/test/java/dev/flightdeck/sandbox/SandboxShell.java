package dev.flightdeck.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** What a test does to a running sandbox as its operator would: a command on a host over SSH, SQL as the admin. */
public final class SandboxShell {

    private SandboxShell() {}

    /** Runs {@code command} on {@code host} over SSH (host keys from {@code knownHosts}) and returns its output. */
    public static String ssh(RunningSandbox sandbox, Path knownHosts, String host, String command) throws Exception {
        SshUserHome home = SshUserHome.of(knownHosts.getParent(), "tester");
        HostKeyVerifier verifier = new HostKeyVerifier(List.of(), knownHosts);
        SshSessions sessions =
                new SshSessions(SshSettings.defaults(), verifier, sandbox.sshCredentials(), new SshEventListener() {});
        try {
            TargetResolver targets = new TargetResolver(sandbox.inventory(), SshConfigFile.parse(""), home);
            CommandResult result = sessions.exec(
                    targets.target(host), CommandRequest.of(command).capturingBytes());
            assertThat(result.isSuccess())
                    .as("%s on %s: %s", command, host, result)
                    .isTrue();
            return new String(result.stdout(), StandardCharsets.UTF_8);
        } finally {
            sessions.close();
        }
    }

    public static long adminCount(RunningSandbox sandbox, String sql) throws Exception {
        try (Connection connection = admin(sandbox);
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Runs SQL as the clinic database's admin (a migration script). */
    public static void adminExecute(RunningSandbox sandbox, String sql) throws Exception {
        try (Connection connection = admin(sandbox);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection admin(RunningSandbox sandbox) throws Exception {
        var entry = sandbox.inventory().database("clinic").orElseThrow();
        char[] password = sandbox.databasePasswords()
                .passwordFor(ConnectionTarget.of(entry))
                .orElseThrow();
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + entry.port() + "/clinic", entry.user(), new String(password));
    }
}
