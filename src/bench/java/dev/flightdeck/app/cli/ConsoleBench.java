package dev.flightdeck.app.cli;

import dev.flightdeck.ui.output.bench.ConsoleBenchHarness;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench console}: floods the live output console and the usual JavaFX approaches with the same
 * lines in one run and prints how long the FX thread stalled. Needs a display (run it under {@code xvfb-run -a}).
 */
@Command(
        name = "console",
        mixinStandardHelpOptions = true,
        description = "Measure the live output console against TextArea and ListView approaches (needs a display).")
public final class ConsoleBench implements Runnable {

    /**
     * The JavaFX half of the bench, in the UI package. It is constructed only when the bench runs, so the command
     * line still starts, and answers --help, without loading JavaFX.
     */
    public interface Harness {
        List<Measurement> run(Settings settings, Consumer<String> progress) throws Exception;
    }

    public record Settings(int floodLines, int steadyRate, Duration steadyFor, Duration naiveLimit, Duration limit) {}

    /** Flightdeck's own console, the reference the ratios divide by, or another reference approach. */
    public enum Role {
        FLIGHTDECK,
        RATIO_BASE,
        REFERENCE
    }

    /**
     * One approach in one scenario. {@code untilVisible} (from the first line sent) is empty when the last line
     * never showed within the limit; {@code measuredFor} is how long the heartbeat ran; {@code heapBytes} is what
     * the view holds after a GC, above the heap before it was built.
     */
    public record Measurement(
            String approach,
            String scenario,
            Role role,
            Duration worstStall,
            Duration p99Wait,
            Optional<Duration> untilVisible,
            Duration measuredFor,
            long linesSent,
            long linesShown,
            long heapBytes) {}

    @Spec
    private CommandSpec spec;

    @Option(names = "--lines", defaultValue = "100000", description = "lines in the flood (default ${DEFAULT-VALUE})")
    private int floodLines;

    @Option(
            names = "--rate",
            defaultValue = "10000",
            description = "lines per second in the steady scenario (default ${DEFAULT-VALUE})")
    private int steadyRate;

    @Option(
            names = "--seconds",
            defaultValue = "5",
            description = "length of the steady scenario in seconds (default ${DEFAULT-VALUE})")
    private int steadySeconds;

    @Option(
            names = "--naive-limit",
            defaultValue = "10",
            description = "seconds given to runLater per line, which never finishes (default ${DEFAULT-VALUE})")
    private int naiveLimitSeconds;

    @Option(
            names = "--limit",
            defaultValue = "60",
            description = "seconds after which any approach counts as not finished (default ${DEFAULT-VALUE})")
    private int limitSeconds;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Settings settings = new Settings(
                floodLines,
                steadyRate,
                Duration.ofSeconds(steadySeconds),
                Duration.ofSeconds(naiveLimitSeconds),
                Duration.ofSeconds(limitSeconds));
        List<Measurement> measurements;
        try {
            measurements = harness().run(settings, line -> {
                out.println(line);
                out.flush();
            });
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the console bench could not run: " + e.getMessage()
                            + " (it needs a display; try: xvfb-run -a java -jar flightdeck.jar bench console)",
                    e);
        }
        printTable(out, measurements);
        printGoals(out, measurements);
    }

    private static void printTable(PrintWriter out, List<Measurement> measurements) {
        String format = "%-46s %-22s %12s %10s %18s %11s %9s %9s %9s%n";
        out.println();
        out.printf(
                format,
                "APPROACH",
                "SCENARIO",
                "WORST STALL",
                "P99 WAIT",
                "ALL VISIBLE AFTER",
                "LINES/S",
                "HEAP",
                "STALL×REF",
                "P99×REF");
        for (Measurement row : measurements) {
            Optional<Measurement> reference = measurements.stream()
                    .filter(candidate -> candidate.role() == Role.RATIO_BASE
                            && candidate.scenario().equals(row.scenario()))
                    .findFirst();
            out.printf(
                    format,
                    (row.role() == Role.RATIO_BASE ? "* " : "") + row.approach(),
                    row.scenario(),
                    millis(row.worstStall()),
                    millis(row.p99Wait()),
                    visible(row),
                    String.format("%,d", linesPerSecond(row)),
                    String.format("%,d MB", row.heapBytes() >> 20),
                    ratio(row.worstStall(), reference.map(Measurement::worstStall)),
                    ratio(row.p99Wait(), reference.map(Measurement::p99Wait)));
        }
        out.println(
                "WORST STALL: longest gap between two 5 ms heartbeats on the FX thread. P99 WAIT: 99th percentile of how");
        out.println(
                "long a heartbeat waited for the FX thread. ×REF: this row divided by the row marked * in the same scenario.");
    }

    /** The goals of PERFORMANCE.md, judged on the rows that are not references. */
    private static void printGoals(PrintWriter out, List<Measurement> measurements) {
        for (Measurement row : measurements) {
            if (row.role() != Role.FLIGHTDECK) {
                continue;
            }
            boolean flood = row.scenario().startsWith("flood");
            long worstGoal = flood ? 100 : 50;
            boolean met = row.untilVisible().isPresent()
                    && row.worstStall().toMillis() < worstGoal
                    && (flood || row.p99Wait().toMillis() < 20);
            out.printf(
                    "goal %s, %s: worst < %d ms%s -> %s%n",
                    row.approach(), row.scenario(), worstGoal, flood ? "" : ", p99 < 20 ms", met ? "met" : "MISSED");
        }
    }

    private static String millis(Duration duration) {
        return duration.toMillis() >= 10_000
                ? String.format("%.1f s", duration.toMillis() / 1000.0)
                : String.format("%.1f ms", duration.toNanos() / 1e6);
    }

    private static String visible(Measurement row) {
        if (row.linesSent() == 0) {
            return "-";
        }
        return row.untilVisible().map(ConsoleBench::millis).orElse(String.format("never (%,d)", row.linesShown()));
    }

    /** Lines per second that reached the screen: all of them over the time until the last showed, else those shown. */
    private static long linesPerSecond(Measurement row) {
        long lines = row.untilVisible().isPresent() ? row.linesSent() : row.linesShown();
        long nanos = row.untilVisible().orElse(row.measuredFor()).toNanos();
        return nanos == 0 ? 0 : Math.round(lines * 1e9 / nanos);
    }

    private static String ratio(Duration value, Optional<Duration> reference) {
        return reference
                .filter(ref -> !ref.isZero())
                .map(ref -> (double) value.toNanos() / ref.toNanos())
                .map(ratio -> String.format(ratio < 0.01 ? "%.4f" : "%.2f", ratio))
                .orElse("-");
    }

    private static Harness harness() {
        return new ConsoleBenchHarness();
    }
}
