package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flightdeck run --auto-rollback}: a failing health endpoint fires the trigger, its countdown runs out, the plan runs. */
class AutoRollbackTest {

    @TempDir
    Path dir;

    @Test
    void anExpiredCountdownRollsTheSessionBackHeadless() throws Exception {
        HttpServer unhealthy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        unhealthy.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        unhealthy.start();
        try {
            Path config = Files.writeString(dir.resolve("app.conf"), "version=1\n");
            Path runbook = Files.writeString(dir.resolve("upgrade.runbook.yaml"), """
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
                    """.formatted(config));
            Path inventory = Files.writeString(dir.resolve("inv.yaml"), """
                    endpoints:
                      health: { url: "http://127.0.0.1:%d/health", kind: health }
                    """.formatted(unhealthy.getAddress().getPort()));
            Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");

            CliRun run = CliRun.run(dir.resolve("home"), "run", runbook.toString(), "--inventory", inventory.toString(), "--auto-rollback",
                    "--journal", dir.resolve("journal").toString(), "--operator", "Dana", "--passphrase-file", passphrase.toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).containsSubsequence("✗ ", "health",
                    "Rollback started by flightdeck (rollback trigger 'health fails 3 consecutive': its countdown ran out without a cancel (--auto-rollback))",
                    "R1", "echo stopping the app", "R2", "(undo of step upgrade)", "V1",
                    "Verification passed", "Rollback done. Checkpoint ");
            assertThat(config).hasContent("version=1");
        } finally {
            unhealthy.stop(0);
        }
    }
}
