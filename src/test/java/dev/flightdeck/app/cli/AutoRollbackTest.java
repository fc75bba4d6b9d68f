package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck run --auto-rollback}: a failing health endpoint fires the trigger, its countdown runs out, the plan runs. */
class AutoRollbackTest {

    @TempDir
    Path dir;

    private CliRun runWatchedUpgrade(HttpServer unhealthy, Path config, String... extra) throws Exception {
        Path runbook = Files.writeString(dir.resolve("upgrade.runbook.yaml"), RUNBOOK.formatted(config));
        Path inventory = Files.writeString(
                dir.resolve("inv.yaml"), """
                endpoints:
                  health: { url: "http://127.0.0.1:%d/health", kind: health }
                """.formatted(unhealthy.getAddress().getPort()));
        Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
        List<String> args = new ArrayList<>(List.of(
                "run",
                runbook.toString(),
                "--inventory",
                inventory.toString(),
                "--journal",
                dir.resolve("journal").toString(),
                "--operator",
                "Dana Ops",
                "--passphrase-file",
                passphrase.toString()));
        args.addAll(List.of(extra));
        return CliRun.run(dir.resolve("home"), args.toArray(String[]::new));
    }

    private static HttpServer unhealthyEndpoint() throws IOException {
        HttpServer unhealthy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        unhealthy.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        unhealthy.start();
        return unhealthy;
    }

    private static final String RUNBOOK = """
                    runbook: Upgrade watched by a trigger
                    phases:
                      - id: change
                        steps:
                          - id: upgrade
                            run: cp %1$s %1$s.before && echo version=2 > %1$s
                            on: local
                            undo: { run: "mv %1$s.before %1$s", on: local }
                          - id: watch
                            wait: { duration: 1m, watch: health }
                    rollback-triggers:
                      - { when: health fails 3 consecutive, countdown: 1s }
                    rollback:
                      - run: echo stopping the app
                        on: local
                    rollback-verification:
                      - run: grep -q version=1 %1$s
                        on: local
                    """;

    @Test
    void anExpiredCountdownRollsTheSessionBackHeadless() throws Exception {
        HttpServer unhealthy = unhealthyEndpoint();
        try {
            Path config = Files.writeString(dir.resolve("app.conf"), "version=1\n");
            CliRun run = runWatchedUpgrade(unhealthy, config, "--auto-rollback");

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(HeadlessRun.ROLLED_BACK);
            assertThat(run.out())
                    .containsSubsequence(
                            "✗ ",
                            "health",
                            "Rollback started by flightdeck (rollback trigger 'health fails 3 consecutive': its countdown ran out without a cancel (--auto-rollback))",
                            "R1",
                            "echo stopping the app",
                            "R2",
                            "(undo of step upgrade)",
                            "V1",
                            "Verification passed",
                            "Rollback done. Checkpoint ");
            assertThat(config).hasContent("version=1");
        } finally {
            unhealthy.stop(0);
        }
    }

    @Test
    void withoutAutoRollbackTheRunStopsWithTheAlarmAndSaysHowToRollBack() throws Exception {
        HttpServer unhealthy = unhealthyEndpoint();
        try {
            Path config = Files.writeString(dir.resolve("app.conf"), "version=1\n");
            CliRun run = runWatchedUpgrade(unhealthy, config);

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out())
                    .contains(
                            "The run stopped with a rollback trigger's alarm. To roll back now: flightdeck rollback --journal "
                                    + dir.resolve("journal") + " --inventory " + dir.resolve("inv.yaml")
                                    + " --operator 'Dana Ops' [--yes]")
                    .doesNotContain("Rollback started");
            assertThat(config).hasContent("version=2");
        } finally {
            unhealthy.stop(0);
        }
    }
}
