package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flightdeck run} against a real Prometheus: an inconclusive analysis stops the run (exit 3) with the evidence
 * and how to answer; {@code --resume --decide continue} answers it and the window finishes.
 */
@RequiresTool("prometheus")
class AnalysisPauseCliTest {

    @TempDir
    Path dir;

    @Test
    void anInconclusivePauseWaitsForTheOperatorAndDecideContinueGoesOn() throws Exception {
        try (GaugePage app = new GaugePage()) {
            app.set("test_error_percent", 2.5);
            try (RealPrometheus prometheus = RealPrometheus.start(
                    dir.resolve("prometheus"),
                    List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))))) {
                Path inventory = Files.writeString(dir.resolve("inv.yaml"), """
                        hosts:
                          app1: { address: 127.0.0.1 }
                        prometheus:
                          url: %s
                          every: 1s
                          signals:
                            error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                        """.formatted(prometheus.url()));
                Path runbook = Files.writeString(dir.resolve("r.runbook.yaml"), """
                        runbook: Release with analysis
                        phases:
                          - id: release
                            steps:
                              - id: watch
                                wait: 5s
                              - id: checked
                                confirm: Users can log in
                        rollback:
                          - confirm: The previous release runs again
                        rollback-triggers:
                          - when: error_rate > 5%
                            inconclusive: 1%
                        """);
                Path passphrase = Files.writeString(dir.resolve("passphrase"), "correct horse battery staple\n");
                String[] common = {
                    "run", runbook.toString(),
                    "--inventory", inventory.toString(),
                    "--journal", dir.resolve("journal").toString(),
                    "--passphrase-file", passphrase.toString(),
                    "--operator", "Dana",
                    "--yes"
                };

                CliRun first = CliRun.run(dir.resolve("home"), common);

                assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(HeadlessRun.WAITING);
                assertThat(first.out())
                        .contains("⏸ paused: rule 'error_rate > 5%' is inconclusive on app1/error_rate")
                        .contains("app1: 2.50% is inconclusive (between 1.00% to 5.00%")
                        .contains("run again with --resume --decide continue or --decide rollback");

                // the error rate is back to normal; Dana lets the window go on
                app.set("test_error_percent", 0.2);
                awaitScraped(prometheus, 0.2);
                String[] resumed = concat(common, "--resume", "--decide", "continue");
                CliRun second = CliRun.run(dir.resolve("home"), resumed);

                assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
                assertThat(second.out()).contains("✓ continuing, as Dana decided", "All steps done.");
            }
        }
    }

    private static void awaitScraped(RealPrometheus prometheus, double value) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var answer = prometheus.client().query("max(test_error_percent)", Instant.now());
            if (!answer.isEmpty() && answer.get(0).values()[0] == value) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
        throw new AssertionError("Prometheus did not scrape " + value + " within 60 s");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
