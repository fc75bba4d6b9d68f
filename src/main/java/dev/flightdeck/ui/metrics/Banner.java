package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.ArmedRollback;
import java.util.Optional;

/** What the alarm banner says: nothing, an alarm, an alarm with a running countdown, a cancelled one, or a requested rollback. */
public record Banner(Kind kind, Optional<Alarm> alarm, Optional<ArmedRollback> armed, String note) {

    public enum Kind {
        NONE,
        ALARM,
        COUNTDOWN,
        CANCELLED,
        ROLLBACK_REQUESTED
    }

    public static final Banner NONE = new Banner(Kind.NONE, Optional.empty(), Optional.empty(), "");

    public boolean visible() {
        return kind != Kind.NONE;
    }

    /** {@code ALARM · error_rate > 1% for 5m on web-metrics} */
    public String title() {
        String trigger =
                alarm.map(a -> a.trigger() + " on " + a.series().source()).orElse("");
        return switch (kind) {
            case NONE -> "";
            case ALARM -> "Alarm · " + trigger;
            case COUNTDOWN -> "Rollback armed · " + trigger;
            case CANCELLED -> "Countdown cancelled · " + trigger;
            case ROLLBACK_REQUESTED -> "Rollback requested · " + trigger;
        };
    }

    /** The evidence's summary line: {@code web: held 5s from 02:00:02 over 6 samples, min 1.10% max 1.90%, limit 1.00%}. */
    public String evidenceSummary() {
        return alarm.filter(a -> !a.evidence().isEmpty())
                .map(a -> a.evidence().get(0))
                .orElse("");
    }
}
