package dev.flightdeck.metrics.rules;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.metrics.ManualClock;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A store, baselines and a monitor on a hand-moved clock, fed synthetic series one sample per call. */
final class TriggerHarness implements TriggerListener {

    static final Instant START = Instant.parse("2026-03-14T02:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final SeriesStore store = new SeriesStore(20_000);
    final Baselines baselines = new Baselines();
    final TriggerMonitor monitor;
    final List<String> heard = new ArrayList<>();

    TriggerHarness(TriggerSpec... specs) {
        monitor = new TriggerMonitor(
                Arrays.asList(specs),
                store,
                baselines,
                clock,
                ZoneOffset.UTC,
                TriggerMonitor.DEFAULT_STALE_AFTER,
                this);
    }

    static TriggerSpec alert(String rule) {
        return spec(rule, TriggerSpec.Action.ALERT, TriggerSpec.DEFAULT_COUNTDOWN);
    }

    static TriggerSpec rollback(String rule, Duration countdown) {
        return spec(rule, TriggerSpec.Action.ARM_ROLLBACK, countdown);
    }

    private static TriggerSpec spec(String rule, TriggerSpec.Action action, Duration countdown) {
        try {
            return new TriggerSpec(rule, TriggerRuleParser.parse(rule), action, countdown, Position.UNKNOWN);
        } catch (TriggerRuleParser.InvalidRuleException e) {
            throw new AssertionError(e);
        }
    }

    /** Records a sample at START + offset and moves the clock there, as a collector would. */
    void sample(String source, String signal, Duration offset, double value) {
        Instant at = START.plus(offset);
        clock.set(at);
        SeriesId id = new SeriesId(source, signal);
        store.series(id).append(at.toEpochMilli(), value);
        monitor.onSample(id, at.toEpochMilli(), value);
    }

    /** One sample a second with the same value over [fromSecond, toSecond). */
    void hold(String signal, int fromSecond, int toSecond, double value) {
        for (int second = fromSecond; second < toSecond; second++) {
            sample("web", signal, Duration.ofSeconds(second), value);
        }
    }

    /** Seconds after START at which alarms fired. */
    List<Long> firingSeconds() {
        return monitor.alarms().stream()
                .map(alarm -> Duration.between(START, alarm.firedAt()).toSeconds())
                .toList();
    }

    @Override
    public void alarmRaised(Alarm alarm) {
        heard.add("alarm " + alarm.trigger());
    }

    @Override
    public void rollbackArmed(ArmedRollback armed) {
        heard.add("armed until " + armed.deadline());
    }

    @Override
    public void countdownCancelled(CountdownCancellation cancellation) {
        heard.add("cancelled by " + cancellation.cancelledBy() + ": " + cancellation.reason());
    }

    @Override
    public void countdownExpired(ArmedRollback armed) {
        heard.add("expired " + armed.alarm().trigger());
    }
}
