package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.steps.WaitStepExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A watch in a real session (journal on disk, the session's own alarms as the watch): the instruments journal an alarm
 * from their own thread while the {@code wait} step runs, as they do live.
 */
class WatchAlarmsSessionTest {

    private static final String ALERT_RULE = "health fails 2 consecutive";
    private static final String ROLLBACK_RULE = "error_rate > 1% for 10s";

    @TempDir
    Path dir;

    /** Counted down on the watch's first look at the alarms: from then on a recorded alarm is one it must see. */
    private final AtomicReference<CountDownLatch> watching = new AtomicReference<>(new CountDownLatch(1));

    private final List<String> shown = new CopyOnWriteArrayList<>();

    @Test
    void anAlertDuringAWatchIsShownAndTheWatchPassesButARollbackTriggerFailsIt() throws Exception {
        Runbook runbook = RunbookLoader.load("""
                runbook: Canary watch
                phases:
                  - id: canary
                    steps:
                      - id: canary-10
                        wait: { duration: 3s, watch: canary 10%% }
                      - id: canary-50
                        wait: { duration: 10m, watch: canary 50%% }
                rollback-triggers:
                  - { when: "%s", action: alert }
                  - "%s"
                rollback:
                  - confirm: Rolled back
                """.formatted(ALERT_RULE, ROLLBACK_RULE), "watch.runbook.yaml", "watch")
                .orElseThrow();
        Inventory inventory =
                InventoryLoader.load("vars: { site: clinic }\n", "inv.yaml").orElseThrow();
        AtomicReference<Session> current = new AtomicReference<>();
        AlarmWatch journaled =
                SessionAlarms.of(() -> Optional.ofNullable(current.get()).map(Session::state));
        AlarmWatch watch = since -> {
            List<AlarmWatch.Fired> fired = journaled.firedSince(since);
            watching.get().countDown();
            return fired;
        };
        SessionJournals.Setup setup = new SessionJournals.Setup(
                JournalFixture.PASSPHRASE.clone(),
                JournalFixture.newOperatorKey(),
                JournalFixture.fastOptions(),
                List.of(),
                inventory,
                Map.of(StepKind.WAIT, new WaitStepExecutor(watch, Clock.systemUTC())));
        Path journal = dir.resolve("journal");

        try (Session session = SessionJournals.start(journal, TestOpenings.live(runbook), runbook, setup)) {
            current.set(session);
            session.addListener(new SessionListener() {
                @Override
                public void output(String stepId, String host, OutputSink.Stream stream, String line) {
                    shown.add(stepId + " " + stream + " " + host + ": " + line);
                }
            });

            SessionEvent.StepOutcome alerted = runWhileAlarmFires(session, "canary-10", ALERT_RULE, "alert");
            assertThat(alerted.status()).as(alerted.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(alerted.message())
                    .isEqualTo("watched 3s with no rollback trigger firing; 1 alert fired (see the output)");
            assertThat(session.state().record("canary-10").warnings()).isEqualTo(1);
            assertThat(shown)
                    .filteredOn(line -> line.startsWith("canary-10 STDERR watch: alert after "))
                    .singleElement()
                    .asString()
                    .endsWith(" of watching: " + ALERT_RULE + " (alert only: nothing is armed, the watch goes on)");

            long started = System.nanoTime();
            SessionEvent.StepOutcome failed = runWhileAlarmFires(session, "canary-50", ROLLBACK_RULE, "rollback");
            assertThat(failed.status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(failed.message())
                    .startsWith("rollback trigger fired after ")
                    .endsWith(" of watching: " + ROLLBACK_RULE);
            assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started))
                    .as("the 10-minute watch ends when the trigger fires")
                    .isLessThan(60);
        }

        List<Recorded> replayed = SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone());
        assertThat(replayed)
                .extracting(Recorded::event)
                .filteredOn(SessionEvent.StepOutput.class::isInstance)
                .map(event -> (SessionEvent.StepOutput) event)
                .filteredOn(output -> output.stepId().equals("canary-10"))
                .anySatisfy(output -> assertThat(output.text()).contains("alert after ", ALERT_RULE));
        assertThat(SessionFold.fold(runbook, replayed).record("canary-10").warnings())
                .as("the journal read back says the same: passed with a warning")
                .isEqualTo(1);
    }

    /** Runs the step on its own thread and, once it watches, journals an alarm as the instruments' thread would. */
    private SessionEvent.StepOutcome runWhileAlarmFires(Session session, String stepId, String rule, String action)
            throws Exception {
        watching.set(new CountDownLatch(1));
        CompletableFuture<SessionEvent.StepOutcome> outcome = CompletableFuture.supplyAsync(() -> {
            try {
                return session.run(stepId);
            } catch (SessionRuleException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(watching.get().await(30, TimeUnit.SECONDS))
                .as("the watch began")
                .isTrue();
        session.recordAlarm(rule, action, List.of("the samples that made it fire"));
        return outcome.get(60, TimeUnit.SECONDS);
    }
}
