package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys through {@code flightdeck run}: an unknown host stops the run; --trust-host trusts exactly that key; all journaled. */
class RunOverSshTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownHostStopsTheRunWithItsFingerprintAndTrustHostLetsItThrough() throws Exception {
        try (MinaSshServer server = MinaSshServer.start(dir.resolve("server"))) {
            Path userHome = Files.createDirectories(dir.resolve("user/.ssh")).getParent();
            Path inventory = Files.writeString(dir.resolve("inv.yaml"), """
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app] }
                    """.formatted(
                            server.port(), System.getProperty("user.name"), server.userKey()));
            Path runbook = Files.writeString(dir.resolve("remote.runbook.yaml"), """
                    runbook: Remote
                    phases:
                      - id: p
                        steps:
                          - id: hello
                            run: echo hello from app1
                            on: app
                    rollback:
                      - run: echo back
                        on: app
                    """);
            Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
            Path home = dir.resolve("home");
            Map<String, String> environment =
                    Map.of("HOME", userHome.toString(), "USER", System.getProperty("user.name"));
            List<String> common = List.of(
                    "run",
                    runbook.toString(),
                    "--inventory",
                    inventory.toString(),
                    "--operator",
                    "Dana",
                    "--passphrase-file",
                    passphrase.toString());

            CliRun refused = CliRun.runWith(
                    home,
                    environment,
                    concat(common, "--journal", dir.resolve("j1").toString()));

            assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
            Matcher fingerprint = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}").matcher(refused.out());
            assertThat(fingerprint.find()).as(refused.out()).isTrue();
            assertThat(refused.err())
                    .as("the command-line answer to an unknown host")
                    .contains(
                            "the host key of app1 is not known",
                            "run again with --trust-host app1=" + fingerprint.group());
            assertThat(events(dir.resolve("j1")))
                    .anySatisfy(event -> assertThat(event)
                            .isInstanceOfSatisfying(
                                    SessionEvent.HostKeyDecision.class,
                                    decision -> assertThat(decision.decision()).startsWith("unknown")));

            CliRun trusted = CliRun.runWith(
                    home,
                    environment,
                    concat(
                            common,
                            "--journal",
                            dir.resolve("j2").toString(),
                            "--trust-host",
                            "app1=" + fingerprint.group()));

            assertThat(trusted.exitCode()).as(trusted.out()).isZero();
            assertThat(trusted.out()).contains("app1 | hello from app1");
            List<SessionEvent> journaled = events(dir.resolve("j2"));
            assertThat(journaled)
                    .anySatisfy(event -> assertThat(event)
                            .isInstanceOfSatisfying(
                                    SessionEvent.HostKeyDecision.class,
                                    decision -> assertThat(decision.decision())
                                            .startsWith("trusted by Dana (--trust-host)")));
            assertThat(journaled)
                    .anySatisfy(event -> assertThat(event)
                            .isInstanceOfSatisfying(
                                    SessionEvent.ConnectionChanged.class,
                                    change -> assertThat(change.state()).isEqualTo("connected")));
        }
    }

    private static List<SessionEvent> events(Path journal) {
        return SessionJournals.read(journal, "correct horse battery staple".toCharArray()).stream()
                .map(r -> r.event())
                .toList();
    }

    private static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
