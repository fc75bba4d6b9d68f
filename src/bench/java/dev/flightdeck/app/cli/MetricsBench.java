package dev.flightdeck.app.cli;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import dev.flightdeck.metrics.prometheus.PrometheusTextParser;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Decimator;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.runbook.TriggerRuleParser;
import dev.flightdeck.runbook.TriggerSpec;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench metrics}: the engine's side of the metrics goals, each against a reference measured in
 * the same run. The chart redraw part comes with the metrics panel.
 */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description = "Samples/s the metrics engine and the Prometheus, host (SSH) and PostgreSQL collectors sustain, "
                + "and memory for 50 series x 4 h at 1 s.")
public final class MetricsBench implements Callable<Integer> {

    static final int SERIES = 50;
    static final int FOUR_HOURS = 4 * 3600;
    private static final long START = Instant.parse("2026-03-14T00:00:00Z").toEpochMilli();

    @Spec
    private CommandSpec spec;

    /** The usual way to keep samples: boxed records in a deque per series, trimmed to the window. */
    private record BoxedSample(Instant time, Double value) {}

    @Option(names = "--promql-only", description = "only the PromQL rows (needs prometheus installed)")
    private boolean promqlOnly;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-46s %16s %16s %8s%n", "measure", "flightdeck", "reference", "ratio");
        if (promqlOnly) {
            PromQlBench.run(
                    (measure, flightdeck, reference) -> row(out, measure, flightdeck, reference),
                    spec.commandLine().getErr());
            out.flush();
            return Cli.OK;
        }
        ingest(out);
        memory(out);
        decimation(out);
        scrape(out);
        CollectorBench.host(
                (measure, flightdeck, reference) -> row(out, measure, flightdeck, reference),
                spec.commandLine().getErr());
        CollectorBench.postgres((measure, flightdeck, reference) -> row(out, measure, flightdeck, reference));
        PromQlBench.run(
                (measure, flightdeck, reference) -> row(out, measure, flightdeck, reference),
                spec.commandLine().getErr());
        out.println();
        out.println(
                "reference: ingest and memory = ArrayDeque<record(Instant, Double)> per series (no rule evaluation);");
        out.println(
                "  decimation = copying the same range without decimating; scrape = the bare HTTP GET of the same page;");
        out.println(
                "  host collector = 'exec true' over the same reused SSH session; PostgreSQL collector = 'SELECT 1' on a plain");
        out.println("  JDBC connection to the same server (one reading after the other, median of 31 and 310 runs).");
        out.println(
                "  PromQL queries = the bare HTTP POST of the same query to the same Prometheus (median over 3 s);");
        out.println("  panel frame 4 h = the same frame at 1 h (flat with history means a ratio near 1).");
        out.flush();
        return Cli.OK;
    }

    private void ingest(PrintWriter out) throws Exception {
        int samples = SERIES * FOUR_HOURS;
        double engine = 0;
        double ring = 0;
        double boxed = 0;
        for (int round = 0; round < 3; round++) {
            engine = Math.max(engine, samples / seconds(MetricsBench::fillEngine));
            ring = Math.max(ring, samples / seconds(MetricsBench::fillStore));
            boxed = Math.max(boxed, samples / seconds(MetricsBench::fillBoxed));
        }
        row(out, "ingest: ring store only (samples/s)", ring, boxed);
        row(out, "ingest: store + summaries + 3 triggers (samples/s)", engine, boxed);
    }

    private void memory(PrintWriter out) throws Exception {
        long before = usedHeap();
        MetricsEngine engine = fillEngine();
        long engineBytes = usedHeap() - before;
        String keepEngine = engine.store().all().get(0).id().toString();
        before = usedHeap();
        Map<String, ArrayDeque<BoxedSample>> boxed = fillBoxed();
        long boxedBytes = usedHeap() - before;
        row(out, "memory: 50 series x 4 h at 1 s (MB, less is better)", engineBytes / 1e6, boxedBytes / 1e6);
        spec.commandLine()
                .getErr()
                .printf("(kept %s and %d boxed series alive while measuring)%n", keepEngine, boxed.size());
    }

    private void decimation(PrintWriter out) throws Exception {
        RingSeries series = new RingSeries(new SeriesId("bench", "latency_p95"), FOUR_HOURS + 2);
        for (int second = 0; second < FOUR_HOURS; second++) {
            series.append(START + second * 1000L, 100 + (second * 7919 % 113));
        }
        long end = START + FOUR_HOURS * 1000L;
        for (int hours : new int[] {1, 4}) {
            long from = end - hours * 3_600_000L;
            double decimate = best(() -> Decimator.minMax(series, from, end, 600));
            double copy = best(() -> series.range(from, end));
            row(
                    out,
                    String.format(Locale.ROOT, "decimate %d h to 600 buckets, 20 series (ms)", hours),
                    decimate * 20 * 1000,
                    copy * 20 * 1000);
        }
    }

    private void scrape(PrintWriter out) throws Exception {
        String page = MetricsBenchServer.page(1);
        int lines = MetricsBenchServer.lines(page);
        double parse = best(() -> PrometheusTextParser.parse(page));
        row(out, "parse a " + lines + "-line exposition (lines/s)", lines / parse, Double.NaN);
        try (MetricsBenchServer server = new MetricsBenchServer()) {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            PrometheusCollector collector = new PrometheusCollector(
                    "bench",
                    URI.create(server.url()),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(1),
                    PrometheusMapping.defaults(),
                    client,
                    Clock.systemUTC());
            SampleSink sink = (signal, time, value) -> {};
            double collect = best(() -> {
                collector.collect(sink);
                return null;
            });
            HttpRequest get =
                    HttpRequest.newBuilder(URI.create(server.url())).GET().build();
            double bare = best(
                    () -> client.send(get, HttpResponse.BodyHandlers.ofString()).body());
            row(out, "scrape + parse + rates/quantiles (samples/s)", lines / collect, lines / bare);
            row(out, "scrapes/s one collector sustains", 1 / collect, 1 / bare);
        }
    }

    private static MetricsEngine fillEngine() throws Exception {
        List<TriggerSpec> specs = new ArrayList<>();
        for (String rule : List.of("cpu > 90% for 5m", "cpu > 2x baseline for 10m", "cpu < 0.5%")) {
            specs.add(new TriggerSpec(
                    rule,
                    TriggerRuleParser.parse(rule),
                    TriggerSpec.Action.ALERT,
                    TriggerSpec.DEFAULT_COUNTDOWN,
                    Position.UNKNOWN));
        }
        MetricsEngine engine = new MetricsEngine(
                specs,
                Clock.fixed(Instant.ofEpochMilli(START), ZoneOffset.UTC),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {},
                minute -> {});
        SeriesId[] ids = new SeriesId[SERIES];
        for (int i = 0; i < SERIES; i++) {
            ids[i] = new SeriesId("host-" + i, "cpu");
        }
        for (int second = 0; second < FOUR_HOURS; second++) {
            long time = START + second * 1000L;
            for (int i = 0; i < SERIES; i++) {
                engine.record(ids[i], time, 20 + (second + i) % 40);
            }
        }
        engine.close();
        return engine;
    }

    private static SeriesStore fillStore() {
        SeriesStore store = SeriesStore.withDefaults();
        RingSeries[] rings = new RingSeries[SERIES];
        for (int i = 0; i < SERIES; i++) {
            rings[i] = store.series(new SeriesId("host-" + i, "cpu"));
        }
        for (int second = 0; second < FOUR_HOURS; second++) {
            long time = START + second * 1000L;
            for (int i = 0; i < SERIES; i++) {
                rings[i].append(time, 20 + (second + i) % 40);
            }
        }
        return store;
    }

    private static Map<String, ArrayDeque<BoxedSample>> fillBoxed() {
        Map<String, ArrayDeque<BoxedSample>> series = new HashMap<>();
        for (int second = 0; second < FOUR_HOURS; second++) {
            Instant time = Instant.ofEpochMilli(START + second * 1000L);
            Instant oldest = time.minusSeconds(FOUR_HOURS);
            for (int i = 0; i < SERIES; i++) {
                ArrayDeque<BoxedSample> samples =
                        series.computeIfAbsent("host-" + i + "/cpu", key -> new ArrayDeque<>());
                samples.addLast(new BoxedSample(time, (double) (20 + (second + i) % 40)));
                while (samples.peekFirst().time().isBefore(oldest)) {
                    samples.pollFirst();
                }
            }
        }
        return series;
    }

    private static double seconds(Callable<?> work) throws Exception {
        long started = System.nanoTime();
        work.call();
        return (System.nanoTime() - started) / 1e9;
    }

    /** Best of repeated runs (seconds per run), after warming up, over at least half a second. */
    private static double best(Callable<?> work) throws Exception {
        for (int warm = 0; warm < 20; warm++) {
            work.call();
        }
        double best = Double.MAX_VALUE;
        long until = System.nanoTime() + 500_000_000L;
        int runs = 0;
        while (System.nanoTime() < until || runs < 5) {
            best = Math.min(best, seconds(work));
            runs++;
        }
        return best;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void row(PrintWriter out, String measure, double flightdeck, double reference) {
        String ratio = Double.isNaN(reference) ? "-" : String.format(Locale.ROOT, "%.2fx", flightdeck / reference);
        out.printf(
                Locale.ROOT,
                "%-46s %16s %16s %8s%n",
                measure,
                figure(flightdeck),
                Double.isNaN(reference) ? "-" : figure(reference),
                ratio);
        out.flush();
    }

    private static String figure(double value) {
        return value >= 1000 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
