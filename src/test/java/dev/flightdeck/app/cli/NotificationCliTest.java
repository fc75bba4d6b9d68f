package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code flightdeck run} says about notification channels that cannot be used or do not deliver; the run goes on. */
class NotificationCliTest {

    @TempDir
    Path dir;

    @Test
    void anUnavailableChannelAndAnUndeliveredMessageAreWarningsAndTheRunStillCompletes() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("notifications.yaml"), """
                channels:
                  dead: { kind: webhook, url: "http://127.0.0.1:%d/hook" }
                  pager: { kind: pagerduty, routing-key: { env: PD_ROUTING_KEY } }
                subscribe:
                  window-started: [dead, pager]
                """.formatted(deadPort));
        Path runbook = Files.writeString(dir.resolve("tell.runbook.yaml"), """
                runbook: Tell people
                phases:
                  - id: only
                    steps:
                      - id: ready
                        confirm: Ready
                rollback:
                  - confirm: Nothing to undo
                """);
        CliRun run = CliRun.runWith(
                home,
                Map.of("FLIGHTDECK_PASSPHRASE", "correct horse battery staple"),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("journal").toString(),
                "--operator",
                "Dana Operator",
                "--yes");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "⚠ notifications: channel 'pager' cannot be used: its secret is missing: environment variable PD_ROUTING_KEY is not set;"
                                + " its messages are journaled, not sent",
                        "⚠ notifications: 'Window started: Tell people' to dead was not delivered: not delivered before the session closed after",
                        "All steps done. Closing checkpoint");
    }
}
