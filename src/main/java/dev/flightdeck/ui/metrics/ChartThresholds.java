package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.rules.Thresholds;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.Decimated;
import dev.flightdeck.runbook.TriggerRule;
import dev.flightdeck.runbook.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The runbook's {@code rollback-triggers} as lines on a chart: a threshold rule on a charted signal becomes its limit
 * in the signal's unit; a baseline rule becomes one line per series that has a baseline (none without one: a limit
 * of zero would be a lie). Failure rules have no line; their state shows on the figures.
 */
final class ChartThresholds {

    private ChartThresholds() {}

    static List<ThresholdLine> of(
            List<TriggerSpec> specs,
            SignalFamily family,
            List<Decimated> charted,
            Baselines baselines,
            PanelSampler.TriggerStates states) {
        List<ThresholdLine> lines = new ArrayList<>();
        for (TriggerSpec spec : specs) {
            String signal = Thresholds.signalOf(spec.rule());
            if (!(spec.rule() instanceof TriggerRule.Threshold threshold) || !family.charts(signal)) {
                continue;
            }
            FigureState state = states.ofTrigger(spec.text());
            List<Decimated> onSignal = charted.stream()
                    .filter(copy -> copy.id().signal().equals(signal))
                    .toList();
            if (threshold.unit() != TriggerRule.Unit.BASELINE_MULTIPLE) {
                if (!onSignal.isEmpty()) {
                    Thresholds.limit(threshold, Optional.empty())
                            .ifPresent(limit -> lines.add(new ThresholdLine(signal, limit, spec.text(), state)));
                }
                continue;
            }
            for (Decimated copy : onSignal) {
                Thresholds.limit(threshold, baselines.get(copy.id()))
                        .ifPresent(limit -> lines.add(new ThresholdLine(
                                signal, limit, spec.text() + " (" + copy.id().source() + ")", state)));
            }
        }
        return lines;
    }
}
