package dev.flightdeck.session.steps;

import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.text.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code wait} steps ("canary 10 %, watch 10 minutes"): passes when the time is up with no rollback trigger fired
 * meanwhile; fails at once, naming the trigger, when one fires. An alert-only rule ({@code action: alert}) firing
 * during the watch is written in the watch's output and counted as a warning; the watch goes on.
 */
public final class WaitStepExecutor implements StepExecutor {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final String HOST = "watch";

    private final AlarmWatch alarms;
    private final Clock clock;

    public WaitStepExecutor(AlarmWatch alarms, Clock clock) {
        this.alarms = alarms;
        this.clock = clock;
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Wait wait = (StepAction.Wait) run.step().action();
        Instant started = clock.instant();
        Instant until = started.plus(wait.duration());
        run.output()
                .line(
                        HOST,
                        OutputSink.Stream.STDOUT,
                        "Watching for " + Durations.format(wait.duration())
                                + (wait.watch().isBlank() ? "" : ": " + wait.watch()));
        int seen = 0;
        while (true) {
            List<AlarmWatch.Fired> fired = alarms.firedSince(started);
            for (; seen < fired.size(); seen++) {
                AlarmWatch.Fired alarm = fired.get(seen);
                String after = Durations.format(
                        Duration.between(started, clock.instant()).withNanos(0));
                if (alarm.armsRollback()) {
                    return StepResult.failed(
                            "rollback trigger fired after " + after + " of watching: " + alarm.text(), Map.of());
                }
                // on stderr so that it stands out among the watch's lines, as the operator should read it
                run.output()
                        .line(
                                HOST,
                                OutputSink.Stream.STDERR,
                                "alert after " + after + " of watching: " + alarm.text()
                                        + " (alert only: nothing is armed, the watch goes on)");
            }
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return passed(wait.duration(), seen);
            }
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left.toMillis())));
        }
    }

    /** The alerts seen are the step's warnings, so the wizard shows it as passed with warnings, not a plain tick. */
    private static StepResult passed(Duration watched, int alerts) {
        String watchedFor = "watched " + Durations.format(watched);
        if (alerts == 0) {
            return StepResult.succeeded(watchedFor + " with no trigger firing", Map.of());
        }
        return StepResult.succeeded(
                watchedFor + " with no rollback trigger firing; " + alerts + (alerts == 1 ? " alert" : " alerts")
                        + " fired (see the output)",
                Map.of(StepRecord.WARNINGS, Integer.toString(alerts)));
    }
}
