package dev.flightdeck.app.cli;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.MetricsTable;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.prometheus.PrometheusCollector;
import dev.flightdeck.metrics.prometheus.PrometheusMapping;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.yaml.Durations;
import dev.flightdeck.yaml.Parsed;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = "Print the live figures of the inventory's health and prometheus endpoints as a table every few seconds "
                + "(until interrupted), or once with --once.")
public final class MetricsCommand implements Callable<Integer> {

    /** Rates need two scrapes; --once takes them this far apart. */
    private static final Duration ONCE_GAP = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--inventory", paramLabel = "FILE", required = true, description = "the inventory whose endpoints to read")
    private Path inventoryFile;

    @Option(names = "--once", description = "print one table and exit (takes two readings 1 s apart, for rates)")
    private boolean once;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "5s", description = "time between tables and readings (default: ${DEFAULT-VALUE})")
    private String every;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration interval = Durations.parse(every).filter(d -> !d.isZero()).orElse(null);
        if (interval == null) {
            err.println("flightdeck: --every wants " + Durations.EXPECTED + ", not '" + every + "'");
            return Cli.USAGE;
        }
        Parsed<Inventory> parsed;
        try {
            parsed = InventoryLoader.load(inventoryFile);
        } catch (IOException e) {
            err.println("flightdeck: cannot read the inventory " + inventoryFile + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Cli.PROBLEM;
        }
        parsed.problems().forEach(problem -> err.println(problem.format()));
        if (!parsed.isValid()) {
            return Cli.PROBLEM;
        }
        Clock clock = Clock.systemUTC();
        List<Collector> collectors = InventoryCollectors.of(parsed.value().orElseThrow(), InventoryCollectors.defaultClient(), clock,
                interval, interval, name -> PrometheusMapping.defaults());
        if (collectors.isEmpty()) {
            err.println("flightdeck: " + inventoryFile + " has no endpoint of kind 'health' or 'prometheus' to read");
            return Cli.PROBLEM;
        }
        try (MetricsEngine engine = new MetricsEngine(List.of(), clock, MetricsEngine.Options.defaults(), new TriggerListener() { }, minute -> { })) {
            if (once) {
                readTwiceForRates(engine, collectors);
                print(out, engine, clock.instant());
                return Cli.OK;
            }
            engine.start(collectors);
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(interval.toMillis());
                print(out, engine, clock.instant());
            }
        }
        return Cli.OK;
    }

    private static void readTwiceForRates(MetricsEngine engine, List<Collector> collectors) throws InterruptedException {
        engine.collectNow(collectors);
        List<Collector> scrapers = collectors.stream().filter(PrometheusCollector.class::isInstance).toList();
        if (!scrapers.isEmpty()) {
            Thread.sleep(ONCE_GAP.toMillis());
            engine.collectNow(scrapers);
        }
    }

    private static void print(PrintWriter out, MetricsEngine engine, Instant now) {
        out.println(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z").withZone(ZoneId.systemDefault()).format(now));
        MetricsTable.lines(engine.store(), engine.collectorStatuses(), now).forEach(out::println);
        out.println();
        out.flush();
    }
}
