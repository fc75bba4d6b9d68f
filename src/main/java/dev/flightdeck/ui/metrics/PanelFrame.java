package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.Alarm;
import dev.flightdeck.metrics.rules.ArmedRollback;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the panel shows at one moment, computed off the FX thread; the FX thread only paints it.
 *
 * @param noInstruments the inventory has no health or metrics source at all (the calm empty state)
 * @param sourceProblems one line per source that is failing to answer
 */
public record PanelFrame(
        Instant at, List<FamilyFrame> families, List<String> sourceProblems, boolean noInstruments, Alarms alarms) {

    /** One chart with its figures; {@code chart} is empty when the family has figures but nothing to plot. */
    public record FamilyFrame(
            SignalFamily family, List<Figure> figures, Optional<ChartFrame> chart, FigureState state) {}

    /** The triggers' side: every alarm raised so far, the armed countdown, and whether one ran out. */
    public record Alarms(List<Alarm> raised, Optional<ArmedRollback> armed, boolean rollbackRequested) {}

    public FigureState worstState() {
        return families.stream().map(FamilyFrame::state).reduce(FigureState.NEUTRAL, FigureState::worse);
    }
}
