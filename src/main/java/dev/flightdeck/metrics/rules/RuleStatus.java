package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SeriesId;
import java.util.Optional;

/**
 * Where one trigger stands on one series, for the panel's "armed / ok / firing / no data" figures.
 * {@code series} is empty while no collector has produced the trigger's signal at all; {@code shadow} marks a dry-run
 * rule ({@code mode: shadow}), whose state never colours a figure as an alarm.
 */
public record RuleStatus(String trigger, Optional<SeriesId> series, RuleState state, String detail, boolean shadow) {

    /** An enforced trigger's status. */
    public RuleStatus(String trigger, Optional<SeriesId> series, RuleState state, String detail) {
        this(trigger, series, state, detail, false);
    }
}
