package dev.flightdeck.app.cli;

import dev.flightdeck.ui.metrics.bench.ChartBenchHarness;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench chart}: the metrics panel's charts against the JavaFX {@code LineChart} given the same
 * series, at 1 h and 4 h of history, in one run: how long a redraw holds the FX thread and the worst FX stall while
 * new samples arrive. Needs a display (run it under {@code xvfb-run -a}).
 */
@Command(
        name = "chart",
        mixinStandardHelpOptions = true,
        description =
                "Measure the metrics panel's chart redraw against the JavaFX LineChart at 1 h and 4 h of history (needs a display).")
public final class ChartBench implements Runnable {

    /** The JavaFX half, constructed only when the bench runs, so the command line starts (and answers --help) without JavaFX. */
    public interface Harness {
        List<Measurement> run(Settings settings, Consumer<String> progress) throws Exception;
    }

    /** {@code reference}: also measure the JavaFX LineChart (at 200 series it takes minutes per history). */
    public record Settings(int series, int updates, List<Integer> hours, boolean reference) {}

    public enum Role {
        FLIGHTDECK,
        REFERENCE
    }

    /**
     * One approach at one history length. {@code redraw*}: FX-thread time to take one update (a new sample per
     * series) and lay the charts out; {@code offFx}: Flightdeck's decimation on its own thread (empty for the
     * reference, which has none); {@code points}: points the FX thread is handed per redraw; {@code fxCpu} and
     * {@code renderCpu}: CPU time of the FX thread and of the renderer's thread per update, which other processes'
     * load does not inflate the way it inflates wall-clock times.
     */
    public record Measurement(
            String approach,
            int hours,
            Role role,
            long points,
            Duration firstRender,
            Duration redrawMedian,
            Duration redrawWorst,
            Optional<Duration> offFx,
            Duration worstStall,
            Duration p99Wait,
            Duration fxCpu,
            Duration renderCpu) {}

    static final long GOAL_MILLIS = 16;
    /** "Flat": the 4 h redraw may be at most this much slower than the 1 h one (noise on a shared machine). */
    static final double FLAT_RATIO = 1.5;

    @Spec
    private CommandSpec spec;

    @Option(names = "--series", defaultValue = "50", description = "series, 1 sample/s each (default ${DEFAULT-VALUE})")
    private int series;

    @Option(
            names = "--updates",
            defaultValue = "20",
            description = "redraws measured per approach and history (default ${DEFAULT-VALUE})")
    private int updates;

    @Option(
            names = "--without-reference",
            description = "measure the panel only, not the JavaFX LineChart (minutes per history at 200 series)")
    private boolean withoutReference;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        List<Measurement> measurements;
        try {
            measurements = new ChartBenchHarness()
                    .run(new Settings(series, updates, List.of(1, 4), !withoutReference), line -> {
                        out.println(line);
                        out.flush();
                    });
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the chart bench could not run: " + e.getMessage()
                            + " (it needs a display; try: xvfb-run -a java -jar flightdeck.jar bench chart)",
                    e);
        }
        printTable(out, measurements);
        printGoal(out, measurements);
        var system = ManagementFactory.getOperatingSystemMXBean();
        out.printf(
                Locale.ROOT,
                "machine: %d cores, load average %.1f at the end (stalls grow with the load of other processes)%n",
                system.getAvailableProcessors(),
                system.getSystemLoadAverage());
    }

    private static void printTable(PrintWriter out, List<Measurement> measurements) {
        String format = "%-34s %7s %9s %12s %10s %10s %10s %11s %9s %10s %10s %10s%n";
        out.println();
        out.printf(
                format,
                "APPROACH",
                "HISTORY",
                "POINTS",
                "FIRST RENDER",
                "REDRAW P50",
                "REDRAW MAX",
                "OFF-FX P50",
                "WORST STALL",
                "P99 WAIT",
                "REDRAW×REF",
                "FX CPU",
                "RENDER CPU");
        for (Measurement row : measurements) {
            Optional<Measurement> reference = measurements.stream()
                    .filter(candidate -> candidate.role() == Role.REFERENCE && candidate.hours() == row.hours())
                    .findFirst();
            out.printf(
                    format,
                    (row.role() == Role.REFERENCE ? "* " : "") + row.approach(),
                    row.hours() + " h",
                    String.format(Locale.ROOT, "%,d", row.points()),
                    millis(row.firstRender()),
                    millis(row.redrawMedian()),
                    millis(row.redrawWorst()),
                    row.offFx().map(ChartBench::millis).orElse("-"),
                    millis(row.worstStall()),
                    millis(row.p99Wait()),
                    ratio(row.redrawMedian(), reference.map(Measurement::redrawMedian)),
                    millis(row.fxCpu()),
                    millis(row.renderCpu()));
        }
        out.println(
                "POINTS: handed to the FX thread per redraw. REDRAW: FX-thread time to take one new sample per series, plus");
        out.println(
                "the next pulse's CSS and layout pass. OFF-FX: Flightdeck's frame (incremental min/max decimation) on its own thread. WORST STALL: longest gap");
        out.println(
                "between 5 ms heartbeats on the FX thread during the updates (includes rendering). ×REF: ÷ the row marked *.");
        out.println(
                "FX CPU / RENDER CPU: CPU time of the FX thread / the renderer's thread per update (not inflated by other load).");
    }

    private static void printGoal(PrintWriter out, List<Measurement> measurements) {
        List<Measurement> ours = measurements.stream()
                .filter(row -> row.role() == Role.FLIGHTDECK)
                .toList();
        if (ours.size() < 2) {
            return;
        }
        Measurement shortest = ours.get(0);
        Measurement longest = ours.get(ours.size() - 1);
        boolean fast = ours.stream().allMatch(row -> row.redrawWorst().toMillis() <= GOAL_MILLIS);
        double growth = (double) longest.redrawMedian().toNanos()
                / Math.max(1, shortest.redrawMedian().toNanos());
        out.printf(
                Locale.ROOT,
                "goal Flightdeck redraw <= %d ms at every history, and flat (%d h / %d h = %.2f <= %.1f) -> %s%n",
                GOAL_MILLIS,
                longest.hours(),
                shortest.hours(),
                growth,
                FLAT_RATIO,
                fast && growth <= FLAT_RATIO ? "met" : "MISSED");
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    private static String ratio(Duration value, Optional<Duration> reference) {
        return reference
                .filter(ref -> !ref.isZero())
                .map(ref -> String.format(Locale.ROOT, "%.3f", (double) value.toNanos() / ref.toNanos()))
                .orElse("-");
    }
}
