package dev.flightdeck.metrics.rules;

import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reference side of a canary rule: the median of the newest readings of the same signal from every series of
 * the reference group that is not stale, and the limit it makes ({@code factor} × median). The median, so one sick
 * stable host does not move the reference as far as a mean would.
 */
record GroupReference(TriggerRule.GroupComparison rule, double median, List<String> sources) {

    static Optional<GroupReference> of(
            TriggerRule.GroupComparison rule,
            SeriesStore store,
            Function<String, Set<String>> groupsOf,
            long freshSince) {
        List<Double> latest = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        for (RingSeries series : store.bySignal(Thresholds.signalOf(rule))) {
            if (!groupsOf.apply(series.id().source()).contains(rule.referenceGroup())) {
                continue;
            }
            SeriesSnapshot last = series.last(1);
            if (last.size() == 1 && last.timeAt(0) >= freshSince && !Double.isNaN(last.valueAt(0))) {
                latest.add(last.valueAt(0));
                sources.add(series.id().source());
            }
        }
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        double[] sorted =
                latest.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        return Optional.of(new GroupReference(rule, median, List.copyOf(sources)));
    }

    double limit() {
        return rule.factor() * median;
    }

    /** {@code reference: latency_p95 of stable = 12 ms (median of app2-metrics), limit 1.5x = 18 ms} */
    String describe() {
        SignalUnit unit = SignalCatalog.unitOf(Thresholds.signalOf(rule));
        return "reference: " + Thresholds.signalOf(rule) + " of " + rule.referenceGroup() + " = " + unit.format(median)
                + " (median of " + String.join(", ", sources) + "), limit " + factor() + "x = "
                + unit.format(limit());
    }

    private String factor() {
        double factor = rule.factor();
        return factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor);
    }
}
