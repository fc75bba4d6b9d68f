package dev.flightdeck.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.review.ReviewModel;
import dev.flightdeck.review.ReviewText;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.prometheus.GaugePage;
import dev.flightdeck.testing.prometheus.RealPrometheus;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live session whose instruments read a real Prometheus: an inconclusive analysis pauses the window (no step may
 * start) until the operator answers, a shadow rule is journaled as "would have" and never arms, and the reviewer's
 * report shows both.
 */
@RequiresTool("prometheus")
class AnalysisPauseSessionTest {

    @TempDir
    Path dir;

    @Test
    void anInconclusiveBandPausesTheSessionUntilTheOperatorAnswers() throws Exception {
        try (GaugePage app = new GaugePage();
                RealPrometheus prometheus = startPrometheus(app)) {
            app.set("test_error_percent", 0.2);
            Inventory inventory = InventoryLoader.load("""
                            hosts:
                              app1: { address: 127.0.0.1, groups: [canary] }
                            prometheus:
                              url: %s
                              every: 1s
                              signals:
                                error_rate: { query: 'max by (host) (test_error_percent)', by: host }
                            """.formatted(prometheus.url()), "inv.yaml", Map.of())
                    .value()
                    .orElseThrow();
            Runbook runbook =
                    RunbookLoader.load("""
                            runbook: Release with analysis
                            phases:
                              - id: release
                                steps:
                                  - id: deployed
                                    confirm: The release is deployed
                                  - id: checked
                                    confirm: Users can log in
                            rollback:
                              - confirm: The previous release runs again
                            rollback-triggers:
                              - when: error_rate > 5%
                                inconclusive: 1%
                              - when: error_rate > 0.5%
                                mode: shadow
                            """, "r.runbook.yaml", "r").value().orElseThrow();
            AppContext context = new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of());
            Path journal = dir.resolve("journal");
            try (LiveSession live = new SessionLauncher(
                            context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                    .start(new SessionLauncher.Choices(
                            runbook,
                            "sha",
                            inventory,
                            "inv.yaml",
                            Map.of(),
                            "Dana",
                            journal,
                            JournalFixture.PASSPHRASE.clone(),
                            target -> Optional.empty(),
                            Credentials.NONE,
                            SessionEvent.Mode.LIVE))) {
                Session session = live.session();
                BlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();
                session.addListener(new SessionListener() {
                    @Override
                    public void recorded(Recorded recorded, SessionState state) {
                        events.add(recorded.event());
                    }
                });
                session.confirm("deployed", "v2 on app1");

                app.set("test_error_percent", 2.5);
                SessionEvent.AnalysisInconclusive pause = next(events, SessionEvent.AnalysisInconclusive.class);
                SessionEvent.ShadowAlarm shadow = next(events, SessionEvent.ShadowAlarm.class);

                assertThat(pause.trigger()).isEqualTo("error_rate > 5%");
                assertThat(pause.kind()).isEqualTo("inconclusive");
                assertThat(pause.series()).isEqualTo("app1/error_rate");
                assertThat(pause.evidence().get(0)).contains("2.50% is inconclusive");
                assertThat(shadow.wouldHave()).isEqualTo("would have armed the rollback");
                assertThat(session.state().paused()).contains(pause);
                assertThatThrownBy(() -> session.confirm("checked", "logged in"))
                        .isInstanceOf(SessionRuleException.class)
                        .hasMessageContaining(
                                "the window is paused: rule 'error_rate > 5%' is inconclusive on " + "app1/error_rate")
                        .hasMessageContaining("answer it first: continue or roll back");
                assertThat(session.state().alarms())
                        .as("neither an inconclusive nor a shadow rule alarms")
                        .isEmpty();
                assertThat(session.state().countdown()).isEmpty();
                assertThat(live.metrics().triggers().armed()).isEmpty();

                assertThat(session.decide("continue", "2.5 % is the known noise of the login service"))
                        .isEmpty();
                assertThat(session.state().paused()).isEmpty();
                session.confirm("checked", "logged in");
                assertThat(session.state().isComplete()).isTrue();
                session.finishSession("all steps done");
            }
            Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
            try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
                List<String> report = ReviewText.render(
                        ReviewModel.of(replay, JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys))));
                assertThat(String.join("\n", report))
                        .contains("error_rate > 5% → inconclusive: window paused for the operator")
                        .contains("error_rate > 5% → answered: continue (Dana): 2.5 % is the known noise")
                        .contains("== Shadow rules (dry run: evaluated, never acted)")
                        .contains("error_rate > 0.5% → would have armed the rollback");
            }
        }
    }

    private RealPrometheus startPrometheus(GaugePage app) throws Exception {
        return RealPrometheus.start(
                dir.resolve("prometheus"), List.of(new RealPrometheus.Target(app.address(), Map.of("host", "app1"))));
    }

    private static <T extends SessionEvent> T next(BlockingQueue<SessionEvent> events, Class<T> type)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            SessionEvent event = events.poll(1, TimeUnit.SECONDS);
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " journaled within 60 s");
    }
}
