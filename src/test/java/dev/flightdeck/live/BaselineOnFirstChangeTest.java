package dev.flightdeck.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.TestOpenings;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Baselines are taken from the readings before the first step that changes something, journaled, and used by rules. */
class BaselineOnFirstChangeTest {

    private static final Instant NOW = InstrumentedSessions.NOW;
    private static final SeriesId LATENCY = new SeriesId("app-metrics", "latency_p95");

    @TempDir
    Path dir;

    private InstrumentedSessions sessions;

    @BeforeEach
    void wire() {
        sessions = new InstrumentedSessions(dir.resolve("kit"));
    }

    private final Runbook runbook =
            RunbookLoader.load("""
            runbook: Baseline test
            phases:
              - id: prepare
                steps:
                  - id: notice
                    confirm: Users were notified
                  - id: deploy
                    run: "true"
                    on: local
            rollback-triggers:
              - latency_p95 > 2x baseline
            rollback:
              - run: "true"
                on: local
            """, "baseline.runbook.yaml", "baseline").orElseThrow();

    @Test
    void theFirstChangeStepCapturesTheBaselinesJournalsThemAndBaselineRulesThenFire() throws Exception {
        ManualClock clock = new ManualClock(NOW);
        List<Alarm> alarms = new CopyOnWriteArrayList<>();
        Path journal = dir.resolve("journal");
        try (SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                MetricsEngine engine = new MetricsEngine(
                        runbook.rollbackTriggers(),
                        clock,
                        MetricsEngine.Options.defaults(),
                        new TriggerListener() {
                            @Override
                            public void alarmRaised(Alarm alarm) {
                                alarms.add(alarm);
                            }
                        },
                        minute -> {});
                Session session = SessionJournals.start(journal, opening(), runbook, setup(ssh))) {
            session.addListener(new BaselineOnFirstChange(engine, session, List::of));
            for (int second = 300; second >= 1; second--) {
                engine.record(LATENCY, NOW.minusSeconds(second).toEpochMilli(), second % 2 == 0 ? 100 : 140);
            }

            session.confirm("notice", "mail sent");
            assertThat(engine.baselines().all())
                    .as("a checklist item changes nothing")
                    .isEmpty();

            SessionEvent.StepOutcome deploy = session.run("deploy");

            assertThat(deploy.status()).as(deploy.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(engine.baselines().get(LATENCY)).hasValueSatisfying(baseline -> {
                assertThat(baseline.median()).isEqualTo(100);
                assertThat(baseline.p95()).isEqualTo(140);
                assertThat(baseline.samples()).isEqualTo(300);
            });
            for (int reading = 0; reading < 3; reading++) {
                clock.advance(Duration.ofSeconds(1));
                engine.record(LATENCY, clock.millis(), 250);
            }
            assertThat(alarms)
                    .singleElement()
                    .satisfies(alarm -> assertThat(alarm.trigger()).isEqualTo("latency_p95 > 2x baseline"));
        }
        List<SessionEvent.MetricsMinute> baselines =
                SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone()).stream()
                        .map(Recorded::event)
                        .filter(SessionEvent.MetricsMinute.class::isInstance)
                        .map(SessionEvent.MetricsMinute.class::cast)
                        .filter(minute -> minute.minute().startsWith("baseline "))
                        .toList();
        assertThat(baselines).singleElement().satisfies(minute -> {
            assertThat(minute.series()).isEqualTo("app-metrics/latency_p95");
            assertThat(minute.min()).isEqualTo(100);
            assertThat(minute.max()).isEqualTo(140);
            assertThat(minute.text()).startsWith("baseline latency_p95=100 ms (median of 300 samples");
        });
    }

    @Test
    void aSessionResumedAfterItsFirstChangeRestoresTheJournaledBaselinesInsteadOfCapturingNewOnes() throws Exception {
        Path journal = dir.resolve("journal");
        try (SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                MetricsEngine engine = engine(new ManualClock(NOW));
                Session session = SessionJournals.start(journal, opening(), runbook, setup(ssh))) {
            session.addListener(new BaselineOnFirstChange(engine, session, List::of));
            engine.record(
                    new SeriesId("app1:/var/lib/postgresql", "disk"),
                    NOW.minusSeconds(30).toEpochMilli(),
                    61.5);
            session.confirm("notice", "mail sent");
            session.run("deploy");
        }
        ManualClock later = new ManualClock(NOW.plusSeconds(3600));
        try (SshSessions ssh = SshTestKit.in(dir.resolve("kit")).sessions(SshEventListener.NONE);
                MetricsEngine engine = engine(later);
                Session resumed = SessionJournals.resume(
                        journal, runbook, "sha-1", "dana", setup(ssh), "reopened after a crash")) {
            engine.record(new SeriesId("app1:/var/lib/postgresql", "disk"), later.millis() - 1000, 99.0);

            new BaselineOnFirstChange(
                    engine, resumed, () -> SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone()));

            assertThat(engine.baselines().all()).singleElement().satisfies(baseline -> {
                assertThat(baseline.id()).isEqualTo(new SeriesId("app1:/var/lib/postgresql", "disk"));
                assertThat(baseline.median()).isEqualTo(61.5);
                assertThat(baseline.to()).isEqualTo(NOW);
            });
        }
    }

    private static MetricsEngine engine(ManualClock clock) {
        return InstrumentedSessions.engine(clock);
    }

    private SessionJournals.Setup setup(SshSessions ssh) {
        return sessions.setup(ssh, Map.of());
    }

    private SessionEvent.SessionOpened opening() {
        return TestOpenings.live(runbook);
    }
}
