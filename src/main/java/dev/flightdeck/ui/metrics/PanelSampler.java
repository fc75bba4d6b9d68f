package dev.flightdeck.ui.metrics;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.rules.RuleStatus;
import dev.flightdeck.metrics.rules.TriggerMonitor;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.signal.SignalUnit;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.Decimated;
import dev.flightdeck.metrics.store.RingSeries;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads the engine (store, baselines, trigger states, alarms) and builds a {@link PanelFrame}. Runs on the panel's
 * background thread, never on the FX thread; thanks to {@link SeriesDecimation} a frame folds only the newest
 * samples of each series, whatever the length of the history shown.
 */
public final class PanelSampler {

    private final MetricsEngine engine;
    private final Clock clock;
    private final ZoneId zone;
    /** each series' buckets, kept between frames so a frame only folds the newest samples */
    private final Map<SeriesId, SeriesDecimation> decimations = new HashMap<>();

    public PanelSampler(MetricsEngine engine, Clock clock, ZoneId zone) {
        this.engine = engine;
        this.clock = clock;
        this.zone = zone;
    }

    /** Synchronized: the refresher's thread samples, and so may a bench or test thread through {@code MetricsPanel.sampleNow()}. */
    public synchronized PanelFrame sample(PanelRequest request) {
        TriggerMonitor triggers = engine.triggers();
        TriggerStates states = TriggerStates.of(triggers.statuses());
        List<RingSeries> all = engine.store().all();
        long now = clock.millis();
        long from = request.range()
                .fromMillis(now, request.range() == ChartRange.WHOLE_WINDOW ? oldest(all) : OptionalLong.empty());
        List<PanelFrame.FamilyFrame> families = new ArrayList<>();
        for (SignalFamily family : SignalFamily.values()) {
            List<RingSeries> members = all.stream()
                    .filter(series -> family.holds(series.id().signal()))
                    .toList();
            if (!members.isEmpty()) {
                families.add(family(family, members, states, from, now, request));
            }
        }
        List<CollectorStatus> sources = engine.collectorStatuses();
        List<String> problems = sources.stream()
                .filter(source -> source.failuresInARow() > 0)
                .map(source -> source.source() + ": " + source.lastError().orElse("not answering"))
                .toList();
        return new PanelFrame(
                clock.instant(),
                families,
                problems,
                sources.isEmpty() && all.isEmpty(),
                new PanelFrame.Alarms(triggers.alarms(), triggers.armed(), triggers.rollbackRequested()));
    }

    private SeriesDecimation decimation(RingSeries series) {
        return decimations.computeIfAbsent(series.id(), id -> new SeriesDecimation(series));
    }

    /** Where the whole window starts: the oldest sample of any charted series. */
    private OptionalLong oldest(List<RingSeries> all) {
        return all.stream()
                .filter(series -> isCharted(series.id()))
                .map(series -> decimation(series).oldest())
                .filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong)
                .min();
    }

    private static boolean isCharted(SeriesId id) {
        for (SignalFamily family : SignalFamily.values()) {
            if (family.charts(id.signal())) {
                return true;
            }
        }
        return false;
    }

    private PanelFrame.FamilyFrame family(
            SignalFamily family,
            List<RingSeries> members,
            TriggerStates states,
            long from,
            long now,
            PanelRequest request) {
        List<Figure> figures = new ArrayList<>();
        FigureState state = FigureState.NEUTRAL;
        for (RingSeries series : members) {
            state = state.worse(states.of(series.id()));
            if (family.showsFigure(series.id().signal())) {
                figures.add(figure(series, states, engine.baselines()));
            }
        }
        List<RingSeries> charted = members.stream()
                .filter(series -> family.charts(series.id().signal()))
                .toList();
        Optional<ChartFrame> chart = Optional.empty();
        if (!charted.isEmpty()) {
            boolean rightAxis = charted.stream()
                    .anyMatch(series -> family.rightAxis().contains(series.id().signal()));
            int columns = ChartFrameBuilder.columns(request.chartWidth(), rightAxis);
            List<Decimated> decimated = charted.stream()
                    .map(series -> decimation(series).window(from, now + 1, columns))
                    .toList();
            List<Baseline> baselines = charted.stream()
                    .map(series -> engine.baselines().get(series.id()))
                    .flatMap(Optional::stream)
                    .toList();
            List<ThresholdLine> limits =
                    ChartThresholds.of(engine.triggers().specs(), family, decimated, engine.baselines(), states);
            ChartInput input = new ChartInput(family, decimated, baselines, limits, from, now + 1, zone);
            chart = Optional.of(ChartFrameBuilder.build(input, request.chartWidth(), request.chartHeight()));
        }
        return new PanelFrame.FamilyFrame(family, figures, chart, state);
    }

    private static Figure figure(RingSeries series, TriggerStates states, Baselines baselines) {
        SeriesId id = series.id();
        double value = series.last(1).lastValue().orElse(Double.NaN);
        FigureState state = states.of(id);
        if (state == FigureState.NEUTRAL && SignalCatalog.unitOf(id.signal()) == SignalUnit.CHECK && value < 1) {
            state = FigureState.WARNING;
        }
        String label = id.source() + " · " + SignalCatalog.label(id.signal()) + againstBaseline(id, baselines);
        return new Figure(
                id,
                label,
                SignalCatalog.unitOf(id.signal()).format(value),
                state,
                withDefinition(id, states.detail(id)));
    }

    /**
     * A percentage against a baseline means little without the baseline: {@code (baseline 18 ms)} beside performance
     * degradation, so 200 % of a few milliseconds reads as the small change it is.
     */
    private static String againstBaseline(SeriesId id, Baselines baselines) {
        if (!id.signal().equals("performance_degradation")) {
            return "";
        }
        return baselines
                .get(new SeriesId(id.source(), "latency_p95"))
                .map(baseline -> " (baseline " + SignalUnit.MILLISECONDS.format(baseline.median()) + ")")
                .orElse("");
    }

    /** What a derived figure means, in its tooltip (docs/metrics.md says the same). */
    static final String PERFORMANCE_DEGRADATION =
            "Performance degradation: how much slower the p95 latency is now than its baseline"
                    + " (the median taken before the change): (p95 − baseline) ÷ baseline × 100. 0 % is as fast as before, 100 % twice as slow;"
                    + " below 0 % is faster than before.";

    private static String withDefinition(SeriesId id, String detail) {
        if (!id.signal().equals("performance_degradation")) {
            return detail;
        }
        return detail == null || detail.isBlank() ? PERFORMANCE_DEGRADATION : PERFORMANCE_DEGRADATION + "\n" + detail;
    }

    /** The trigger statuses by series and by trigger text. */
    record TriggerStates(
            Map<SeriesId, FigureState> bySeries, Map<String, FigureState> byTrigger, Map<SeriesId, String> details) {

        static TriggerStates of(List<RuleStatus> statuses) {
            Map<SeriesId, FigureState> bySeries = new HashMap<>();
            Map<String, FigureState> byTrigger = new HashMap<>();
            Map<SeriesId, String> details = new HashMap<>();
            for (RuleStatus status : statuses) {
                // a shadow rule is a dry run: its state is in the tooltip, never in the figure's colour
                FigureState state = status.shadow() ? FigureState.NEUTRAL : FigureState.of(status.state());
                String name = (status.shadow() ? "(shadow) " : "") + status.trigger();
                byTrigger.merge(status.trigger(), state, FigureState::worse);
                status.series().ifPresent(id -> {
                    bySeries.merge(id, state, FigureState::worse);
                    details.merge(id, name + ": " + status.detail(), (a, b) -> a + "\n" + b);
                });
            }
            return new TriggerStates(bySeries, byTrigger, details);
        }

        FigureState of(SeriesId id) {
            return bySeries.getOrDefault(id, FigureState.NEUTRAL);
        }

        FigureState ofTrigger(String trigger) {
            return byTrigger.getOrDefault(trigger, FigureState.NEUTRAL);
        }

        String detail(SeriesId id) {
            return details.getOrDefault(id, "no trigger watches this figure");
        }
    }
}
