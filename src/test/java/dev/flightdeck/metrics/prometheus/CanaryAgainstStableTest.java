package dev.flightdeck.metrics.prometheus;

import static dev.flightdeck.metrics.prometheus.PromQlRulesTest.awaitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;
import dev.flightdeck.sandbox.SandboxShell;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal sandbox with its fault switch on, the new release deployed on app1 only (the canary, as the rehearsal
 * runbook's rollout starts), Debian's Prometheus scraping both apps: the canary rule compares app1 with app2 by the
 * inventory's groups and catches the faulty canary while the stable host stays healthy.
 */
@RequiresTool({"prometheus", "pg_dump", "pg_restore", "psql"})
class CanaryAgainstStableTest {

    /** 5xx share per host over 10 s, 0 for a host that answered no error at all (not absent). */
    private static final String ERROR_RATE = "(sum by (host) (rate(http_requests_total{status=~\"5..\"}[10s]))"
            + " or sum by (host) (rate(http_requests_total[10s])) * 0)"
            + " / sum by (host) (rate(http_requests_total[10s])) * 100";

    @TempDir
    Path dir;

    @Test
    void theFaultyCanaryIsCaughtWhileTheStableHostIsHealthy() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        try (RunningSandbox sandbox = Sandbox.start(new SandboxOptions(dir.resolve("sandbox"), true, knownHosts));
                RealPrometheus prometheus = RealPrometheus.start(
                        dir.resolve("prometheus"), List.of(target(sandbox, "app1"), target(sandbox, "app2")))) {
            try (InputStream migration = Sandbox.class.getResourceAsStream("/sandbox/migrate-v1-to-v2.sql")) {
                SandboxShell.adminExecute(sandbox, new String(migration.readAllBytes(), StandardCharsets.UTF_8));
            }
            assertThat(SandboxShell.ssh(sandbox, knownHosts, "app1", "clinicctl deploy v2 && clinicctl status"))
                    .contains("running v2");
            String inventory = """
                    hosts:
                      app1: { address: 127.0.0.1, groups: [app, canary] }
                      app2: { address: 127.0.0.1, groups: [app, stable] }
                    prometheus:
                      url: %s
                      every: 1s
                      signals:
                        error_rate: { query: '%s', by: host }
                    """.formatted(prometheus.url(), ERROR_RATE.replace("'", "''"));
            String triggers = """
                      - when: error_rate of canary > 2x error_rate of stable for 3s
                        countdown: 10m
                    """;
            try (PromQlInstruments instruments = new PromQlInstruments(inventory, triggers).start()) {
                Alarm alarm = PromQlInstruments.next(instruments.alarms, "alarm on the canary");

                assertThat(alarm.series()).isEqualTo(new SeriesId("app1", "error_rate"));
                assertThat(alarm.trigger()).isEqualTo("error_rate of canary > 2x error_rate of stable for 3s");
                assertThat(alarm.evidence().get(1))
                        .as("the reference is the stable group's median")
                        .startsWith("reference: error_rate of stable = 0.00% (median of app2), limit 2x = 0.00%");
                assertThat(instruments.engine.triggers().armed()).isPresent();
                awaitUntil(() -> instruments
                        .engine
                        .store()
                        .find(new SeriesId("app2", "error_rate"))
                        .isPresent());
                assertThat(instruments
                                .engine
                                .store()
                                .find(new SeriesId("app2", "error_rate"))
                                .orElseThrow()
                                .snapshot()
                                .values())
                        .as("the stable host, still on v1, answered no error")
                        .containsOnly(0.0);
                assertThat(instruments.engine.triggers().statuses())
                        .as("only the canary group's series are judged")
                        .allSatisfy(status -> assertThat(
                                        status.series().orElseThrow().source())
                                .isEqualTo("app1"));
            }
        }
    }

    private static RealPrometheus.Target target(RunningSandbox sandbox, String host) {
        URI url = URI.create(sandbox.appUrls().get(host));
        return new RealPrometheus.Target("127.0.0.1:" + url.getPort(), Map.of("host", host));
    }
}
