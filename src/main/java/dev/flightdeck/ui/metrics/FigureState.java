package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.RuleState;
import java.util.Locale;

/** The colour of a figure or a chart: the worst state of the triggers watching its series. */
public enum FigureState {
    /** no trigger watches it */
    NEUTRAL,
    /** nothing is known (no data, no baseline): never shown as ok */
    UNKNOWN,
    OK,
    /** a trigger's condition holds, not yet long enough */
    WARNING,
    FIRING;

    public static FigureState of(RuleState state) {
        return switch (state) {
            case OK -> OK;
            case PENDING, INCONCLUSIVE -> WARNING;
            case FIRING -> FIRING;
            case NO_DATA, NO_BASELINE -> UNKNOWN;
        };
    }

    public FigureState worse(FigureState other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The CSS pseudo-class / style suffix: {@code ok}, {@code warning}, {@code firing}, {@code unknown}, {@code neutral}. */
    public String cssName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
