package dev.flightdeck.session.steps;

import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.text.Durations;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * {@code wait} steps ("canary 10 %, watch 10 minutes"): passes when the time is up with no rollback trigger
 * fired meanwhile; fails at once, naming the trigger, when one fires.
 */
public final class WaitStepExecutor implements StepExecutor {

    private static final Duration POLL = Duration.ofMillis(250);

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
                        "watch",
                        OutputSink.Stream.STDOUT,
                        "Watching for " + Durations.format(wait.duration())
                                + (wait.watch().isBlank() ? "" : ": " + wait.watch()));
        while (true) {
            Optional<String> fired = alarms.firedSince(started);
            if (fired.isPresent()) {
                Duration after = Duration.between(started, clock.instant());
                return StepResult.failed(
                        "rollback trigger fired after " + Durations.format(after.withNanos(0)) + " of watching: "
                                + fired.get(),
                        Map.of());
            }
            Duration left = Duration.between(clock.instant(), until);
            if (left.isNegative() || left.isZero()) {
                return StepResult.succeeded(
                        "watched " + Durations.format(wait.duration()) + " with no trigger firing", Map.of());
            }
            Thread.sleep(Math.max(1, Math.min(POLL.toMillis(), left.toMillis())));
        }
    }
}
