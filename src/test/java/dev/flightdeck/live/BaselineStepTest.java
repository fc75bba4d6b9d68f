package dev.flightdeck.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.collect.HealthCollector;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.TestOpenings;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code baseline:} step takes the baselines where the runbook says: after the instruments have read for its window,
 * journaled like the automatic capture, which then does not run; it fails without changing anything when there is
 * nothing, or not everything required, to take.
 */
class BaselineStepTest {

    private static final Instant NOW = InstrumentedSessions.NOW;
    private static final SeriesId LATENCY = new SeriesId("app-metrics", "latency_p95");

    @TempDir
    Path dir;

    private InstrumentedSessions sessions;

    @BeforeEach
    void wire() {
        sessions = new InstrumentedSessions(dir.resolve("kit"));
    }

    @Test
    void theStepWaitsUntilARealCollectorHasReadForItsWindowThenPutsInPlaceAndJournalsTheBaselines() throws Exception {
        Runbook runbook = runbook("baseline: 2s");
        HttpServer health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        health.createContext("/api/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        health.start();
        Path journal = dir.resolve("journal");
        try (MetricsEngine engine = engine(Clock.systemUTC());
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session session = start(journal, runbook, engine, ssh)) {
            session.addListener(new BaselineOnFirstChange(engine, session, List::of));
            engine.start(List.of(new HealthCollector(
                    "app-health",
                    URI.create("http://127.0.0.1:" + health.getAddress().getPort() + "/api/health"),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(100),
                    HttpClient.newHttpClient(),
                    Clock.systemUTC())));

            SessionEvent.StepOutcome outcome = session.run("before");

            Instant first = engine.firstReading().orElseThrow();
            assertThat(outcome.status()).as(outcome.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(engine.baselines().get(new SeriesId("app-health", "health_latency")))
                    .hasValueSatisfying(baseline -> {
                        assertThat(baseline.from())
                                .as("a whole window of readings was waited for")
                                .isAfterOrEqualTo(first);
                        assertThat(Duration.between(baseline.from(), baseline.to()))
                                .isEqualTo(Duration.ofSeconds(2));
                        assertThat(baseline.samples()).isGreaterThanOrEqualTo(5);
                    });
            assertThat(outcome.outputs())
                    .containsEntry(
                            "series", String.valueOf(engine.baselines().all().size()));
            Baseline fromTheStep = engine.baselines()
                    .get(new SeriesId("app-health", "health_latency"))
                    .orElseThrow();
            assertThat(session.run("deploy").status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(engine.baselines().get(new SeriesId("app-health", "health_latency")))
                    .as("no automatic capture before the first change: the step's baselines stay")
                    .contains(fromTheStep);
        } finally {
            health.stop(0);
        }
        List<Recorded> history = SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone());
        List<SessionEvent.MetricsMinute> journaled = baselineRecords(history);
        assertThat(journaled)
                .extracting(SessionEvent.MetricsMinute::series)
                .contains("app-health/health_latency", "app-health/health")
                .as("taken once, by the step: the first change did not capture again")
                .doesNotHaveDuplicates();
        assertThat(outputOf(history, "before"))
                .anySatisfy(text -> assertThat(text).contains("app-health · health_latency: median "));
    }

    @Test
    void aStepThatRanBeforeTheFirstChangeKeepsItsBaselinesThroughTheChangeAndAResume() throws Exception {
        Runbook runbook = runbook("baseline: 5m");
        Path journal = dir.resolve("journal");
        Baseline taken;
        try (MetricsEngine engine = engine(new ManualClock(NOW));
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session session = start(journal, runbook, engine, ssh)) {
            session.addListener(new BaselineOnFirstChange(engine, session, List::of));
            for (int second = 600; second >= 1; second--) {
                engine.record(LATENCY, NOW.minusSeconds(second).toEpochMilli(), second > 300 ? 500 : 100);
            }

            assertThat(session.run("before").status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            taken = engine.baselines().get(LATENCY).orElseThrow();
            assertThat(taken.median()).as("the last 5m only").isEqualTo(100);
            assertThat(taken.samples()).isEqualTo(300);
            assertThat(session.run("deploy").status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(engine.baselines().get(LATENCY)).contains(taken);
        }
        assertThat(baselineRecords(SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone())))
                .hasSize(1);
        try (MetricsEngine engine = engine(new ManualClock(NOW.plusSeconds(3600)));
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session resumed = SessionJournals.resume(
                        journal,
                        runbook,
                        "sha-1",
                        "dana",
                        setup(engine, ssh, new AtomicReference<>(), Duration.ofSeconds(30)),
                        "reopened")) {
            new BaselineOnFirstChange(
                    engine, resumed, () -> SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone()));

            assertThat(engine.baselines().get(LATENCY)).contains(taken);
        }
    }

    @Test
    void aRequiredSignalWithoutReadingsFailsTheStepAfterItsGraceAndLeavesTheBaselinesInPlaceUnchanged()
            throws Exception {
        Runbook runbook = runbook("baseline: { window: 5m, require: [response time, cpu] }");
        try (MetricsEngine engine = engine(Clock.systemUTC());
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session session = start(dir.resolve("journal"), runbook, engine, ssh, Duration.ofSeconds(1))) {
            long now = System.currentTimeMillis();
            for (int second = 600; second >= 1; second--) {
                engine.record(LATENCY, now - second * 1000L, 100);
            }

            SessionEvent.StepOutcome outcome = session.run("before");

            assertThat(outcome.status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(outcome.message())
                    .isEqualTo(
                            "no readings of cpu in the last 5m; no baseline was taken, the ones in place are unchanged");
            assertThat(engine.baselines().all()).isEmpty();
            assertThat(baselineRecords(SessionJournals.read(dir.resolve("journal"), JournalFixture.PASSPHRASE.clone())))
                    .isEmpty();
            assertThat(outputOf(
                            SessionJournals.read(dir.resolve("journal"), JournalFixture.PASSPHRASE.clone()), "before"))
                    .anySatisfy(text -> assertThat(text).contains("Waiting up to 1s for a reading of cpu"));
        }
    }

    @Test
    void aRequiredSignalReadLessOftenThanTheWindowIsWaitedForRatherThanFailed() throws Exception {
        Runbook runbook = runbook("baseline: { window: 2s, require: [error_rate] }");
        try (MetricsEngine engine = engine(Clock.systemUTC());
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session session = start(dir.resolve("journal"), runbook, engine, ssh, Duration.ofSeconds(30))) {
            long now = System.currentTimeMillis();
            for (int second = 10; second >= 3; second--) {
                engine.record(LATENCY, now - second * 1000L, 100);
            }
            // a scrape every 15 s: the error rate's next reading comes a second after the step starts
            Thread scrape = new Thread(() -> {
                try {
                    Thread.sleep(1000);
                    engine.record(new SeriesId("app-metrics", "error_rate"), System.currentTimeMillis(), 0.2);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            scrape.start();

            SessionEvent.StepOutcome outcome = session.run("before");

            assertThat(outcome.status()).as(outcome.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(engine.baselines().get(new SeriesId("app-metrics", "error_rate")))
                    .hasValueSatisfying(
                            baseline -> assertThat(baseline.median()).isEqualTo(0.2));
            scrape.join();
        }
    }

    @Test
    void instrumentsThatReadNothingForAWholeWindowFailTheStepWithWhatToCheck() throws Exception {
        Runbook runbook = runbook("baseline: 1s");
        try (MetricsEngine engine = engine(Clock.systemUTC());
                SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                Session session = start(dir.resolve("journal"), runbook, engine, ssh)) {

            SessionEvent.StepOutcome outcome = session.run("before");

            assertThat(outcome.status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(outcome.message())
                    .isEqualTo("the instruments read nothing in the 1s this step waited: check that the inventory's "
                            + "hosts, databases and endpoints are collected (metrics) and reachable");
        }
    }

    @Test
    void theLongestWindowARunbookMayAskForIsTheHistoryTheInstrumentsKeep() {
        assertThat(StepAction.Baseline.LONGEST_WINDOW).isEqualTo(SeriesStore.DEFAULT_HISTORY);
    }

    private static List<SessionEvent.MetricsMinute> baselineRecords(List<Recorded> history) {
        return history.stream()
                .map(Recorded::event)
                .filter(SessionEvent.MetricsMinute.class::isInstance)
                .map(SessionEvent.MetricsMinute.class::cast)
                .filter(minute -> minute.minute().startsWith(JournaledBaselines.MARKER))
                .toList();
    }

    private static List<String> outputOf(List<Recorded> history, String stepId) {
        return history.stream()
                .map(Recorded::event)
                .filter(SessionEvent.StepOutput.class::isInstance)
                .map(SessionEvent.StepOutput.class::cast)
                .filter(output -> output.stepId().equals(stepId))
                .map(output -> output.text())
                .toList();
    }

    private static Runbook runbook(String baseline) {
        return RunbookLoader.load("""
                runbook: Tuning
                phases:
                  - id: tune
                    steps:
                      - id: before
                        title: Collect baseline metrics
                        %s
                      - id: deploy
                        run: "true"
                        on: local
                rollback-triggers:
                  - latency_p95 > 2x baseline
                rollback:
                  - run: "true"
                    on: local
                """.formatted(baseline), "tuning.runbook.yaml", "tuning")
                .orElseThrow();
    }

    private static MetricsEngine engine(Clock clock) {
        return InstrumentedSessions.engine(clock);
    }

    /** The session wired as the launcher wires it: the baseline executor journals through the session once it exists. */
    private Session start(Path journal, Runbook runbook, MetricsEngine engine, SshSessions ssh) {
        return start(journal, runbook, engine, ssh, Duration.ofSeconds(30));
    }

    private Session start(
            Path journal, Runbook runbook, MetricsEngine engine, SshSessions ssh, Duration requiredGrace) {
        AtomicReference<Session> current = new AtomicReference<>();
        Session session = SessionJournals.start(
                journal, TestOpenings.live(runbook), runbook, setup(engine, ssh, current, requiredGrace));
        current.set(session);
        return session;
    }

    private SessionJournals.Setup setup(
            MetricsEngine engine, SshSessions ssh, AtomicReference<Session> current, Duration requiredGrace) {
        return sessions.setup(
                ssh,
                Map.of(
                        StepKind.BASELINE,
                        new BaselineStepExecutor(
                                engine, minute -> current.get().recordMetricsMinute(minute), requiredGrace)));
    }
}
