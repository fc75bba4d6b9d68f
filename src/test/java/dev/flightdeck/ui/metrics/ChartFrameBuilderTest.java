package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Decimated;
import dev.flightdeck.metrics.store.RingSeries;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Frames are built off the FX thread: pixels, at most two per column, whatever the history. No toolkit needed. */
class ChartFrameBuilderTest {

    private static final long END = Instant.parse("2026-03-14T04:00:00Z").toEpochMilli();
    private static final double WIDTH = 420;
    private static final double HEIGHT = 112;

    private static RingSeries series(String signal, long seconds, long everyMillis, LongToDoubleFunction value) {
        RingSeries ring = new RingSeries(new SeriesId("web", signal), (int) (seconds * 1000 / everyMillis) + 2);
        for (long time = END - seconds * 1000; time < END; time += everyMillis) {
            ring.append(time, value.applyAsDouble(time));
        }
        return ring;
    }

    private static ChartFrame frame(
            List<RingSeries> series, List<Baseline> baselines, List<ThresholdLine> limits, long seconds) {
        long from = END - seconds * 1000;
        int columns = ChartFrameBuilder.columns(WIDTH, false);
        List<Decimated> decimated = series.stream()
                .map(ring -> new SeriesDecimation(ring).window(from, END, columns))
                .toList();
        return ChartFrameBuilder.build(
                new ChartInput(SignalFamily.HEALTH, decimated, baselines, limits, from, END, ZoneOffset.UTC),
                WIDTH,
                HEIGHT);
    }

    @Test
    void theFxThreadGetsTwoPointsPerColumnAtMostAndAsManyForFourHoursAsForOne() {
        LongToDoubleFunction noisy = time -> 100 + (time / 1000 * 7919) % 97;
        ChartFrame hour = frame(List.of(series("latency_p95", 3600, 1000, noisy)), List.of(), List.of(), 3600);
        ChartFrame fourHours =
                frame(List.of(series("latency_p95", 4 * 3600, 1000, noisy)), List.of(), List.of(), 4 * 3600);

        int columns = (int) Math.floor(hour.plot().width());
        assertThat(hour.lines().get(0).columns()).isBetween(columns - 40, columns);
        assertThat(fourHours.lines().get(0).columns()).isBetween(columns - 40, columns);
        assertThat(hour.points()).isLessThanOrEqualTo(2 * columns);
        assertThat(fourHours.points()).isLessThanOrEqualTo(2 * columns);
    }

    @Test
    void aSteadySignalIsAThinLineAndAVaryingOneSpansTheExtremesOfEachColumn() {
        ChartFrame steady = frame(List.of(series("latency_p95", 600, 1000, time -> 120)), List.of(), List.of(), 600);
        ChartFrame.Line line = steady.lines().get(0);
        assertThat(line.bottoms()[10] - line.tops()[10]).isCloseTo(LinePlotter.THINNEST, within(1e-9));

        ChartFrame varying = frame(
                List.of(series("latency_p95", 600, 1000, time -> time / 1000 % 2 == 0 ? 100 : 200)),
                List.of(),
                List.of(),
                600);
        ChartFrame.Line ribbon = varying.lines().get(0);
        double pixelsPerMillisecond = varying.plot().height() / topOfScale(varying);
        assertThat(ribbon.bottoms()[10] - ribbon.tops()[10])
                .as("100 ms between min and max")
                .isCloseTo(100 * pixelsPerMillisecond, within(1e-6));
    }

    /** The scale starts at 0: its top tick says how many milliseconds the plot's height stands for. */
    private static double topOfScale(ChartFrame frame) {
        return Double.parseDouble(
                frame.leftTicks().get(frame.leftTicks().size() - 1).label().replace(" ms", ""));
    }

    @Test
    void aScrapeIntervalIsBridgedButSilenceLongerThanTheStalenessLimitBreaksTheLine() {
        RingSeries scraped = series("latency_p95", 900, 15_000, time -> 120);
        assertThat(frame(List.of(scraped), List.of(), List.of(), 900)
                        .lines()
                        .get(0)
                        .xs())
                .doesNotContain(Double.NaN);

        RingSeries withOutage = new RingSeries(new SeriesId("web", "latency_p95"), 2000);
        for (long time = END - 900_000; time < END; time += 1000) {
            if (time < END - 600_000 || time > END - 480_000) {
                withOutage.append(time, 120);
            }
        }
        double[] xs = frame(List.of(withOutage), List.of(), List.of(), 900)
                .lines()
                .get(0)
                .xs();
        assertThat(Arrays.stream(xs).filter(Double::isNaN).count())
                .as("one break for two minutes of silence")
                .isEqualTo(1);
    }

    @Test
    void aLimitNearTheDataIsALineInScaleAndOneFarAboveIsNamedAtTheTopWithoutFlatteningTheData() {
        RingSeries latency = series("latency_p95", 600, 1000, time -> 80 + time / 1000 % 40);
        ThresholdLine near = new ThresholdLine("latency_p95", 150, "latency_p95 > 150ms", FigureState.OK);
        ThresholdLine far = new ThresholdLine("latency_p95", 2000, "latency_p95 > 2s for 5m", FigureState.WARNING);

        ChartFrame chart = frame(List.of(latency), List.of(), List.of(near, far), 600);

        assertThat(chart.thresholds())
                .extracting(ChartFrame.ThresholdMark::aboveScale)
                .containsExactly(false, true);
        assertThat(chart.thresholds().get(0).y())
                .isBetween(chart.plot().top(), chart.plot().bottom());
        assertThat(chart.leftTicks().get(chart.leftTicks().size() - 1).label()).isEqualTo("150 ms");
    }

    @Test
    void theBaselineBandRunsFromItsMedianUpToItsP95() {
        RingSeries latency = series("latency_p95", 600, 1000, time -> 100);
        Baseline baseline = new Baseline(
                latency.id(), 60, 90, 600, Instant.ofEpochMilli(END - 1_200_000), Instant.ofEpochMilli(END - 600_000));

        ChartFrame chart = frame(List.of(latency), List.of(baseline), List.of(), 600);

        ChartFrame.Band band = chart.bands().get(0);
        double perMs = chart.plot().height() / topOfScale(chart);
        assertThat(topOfScale(chart)).isEqualTo(100);
        assertThat(band.bottom()).isCloseTo(chart.plot().bottom() - 60 * perMs, within(1e-6));
        assertThat(band.top()).isCloseTo(chart.plot().bottom() - 90 * perMs, within(1e-6));
    }

    @Test
    void aLoneSpikeDoesNotSetTheAxisTheRestOfTheDataDoesAndTheLegendNamesThePeak() {
        // 10-30 ms for ten minutes, and one cold-start answer of 1,200 ms
        RingSeries latency =
                series("latency_p95", 600, 1000, time -> time == END - 300_000 ? 1200 : 10 + time / 1000 % 20);

        ChartFrame chart = frame(List.of(latency), List.of(), List.of(), 600);

        assertThat(topOfScale(chart)).as("the axis follows the usual readings").isLessThanOrEqualTo(50);
        assertThat(chart.notes()).containsExactly("↑ peaks up to 1.2 s are above the chart");
        assertThat(Arrays.stream(chart.lines().get(0).tops()).min().orElseThrow())
                .as("the spike's column runs to the plot's top edge, not beyond the card")
                .isGreaterThanOrEqualTo(chart.plot().top() - 0.03 * chart.plot().height());
    }

    @Test
    void aSteadyRiseIsNotASpikeAndKeepsItsTop() {
        RingSeries rising = series("latency_p95", 600, 1000, time -> (time - (END - 600_000)) / 1000.0);

        ChartFrame chart = frame(List.of(rising), List.of(), List.of(), 600);

        assertThat(topOfScale(chart)).isGreaterThanOrEqualTo(599);
        assertThat(chart.notes()).isEmpty();
    }

    @Test
    void theLegendNamesEachSignalOnceAndASourceOnlyWhereTwoSeriesShareTheSignal() {
        RingSeries p95 = series("latency_p95", 600, 1000, time -> 20);
        RingSeries app2 = new RingSeries(new SeriesId("app2-metrics", "latency_p95"), 700);
        RingSeries health = new RingSeries(new SeriesId("app1-health", "health_latency"), 700);
        for (long time = END - 600_000; time < END; time += 1000) {
            app2.append(time, 25);
            health.append(time, 5);
        }

        ChartFrame chart = frame(List.of(p95, app2, health), List.of(), List.of(), 600);

        assertThat(chart.legend())
                .extracting(ChartFrame.Legend::signal, ChartFrame.Legend::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("latency p95", "web"),
                        org.assertj.core.groups.Tuple.tuple("latency p95", "app2-metrics"),
                        org.assertj.core.groups.Tuple.tuple("health latency", ""));
    }

    @Test
    void noTimeLabelRunsPastTheChartsRightEdge() {
        for (long seconds : new long[] {45, 60, 300, 3600}) {
            ChartFrame chart =
                    frame(List.of(series("latency_p95", seconds, 1000, time -> 20)), List.of(), List.of(), seconds);
            assertThat(chart.timeTicks()).as(seconds + " s").isNotEmpty();
            chart.timeTicks()
                    .forEach(tick -> assertThat(tick.position() + TimeTicks.HALF_SECONDS_LABEL)
                            .as(seconds + " s: " + tick.label())
                            .isLessThanOrEqualTo(WIDTH));
        }
        assertThat(frame(List.of(series("latency_p95", 60, 1000, time -> 20)), List.of(), List.of(), 60)
                        .timeTicks()
                        .get(0)
                        .label())
                .as("a minute's chart is labelled in seconds")
                .matches("\\d\\d:\\d\\d:\\d\\d");
    }
}
