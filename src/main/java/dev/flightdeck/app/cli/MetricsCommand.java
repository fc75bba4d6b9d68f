package dev.flightdeck.app.cli;

import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.live.SessionServices;
import dev.flightdeck.metrics.InventoryCollectors;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.MetricsTable;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.HealthCollector;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.notify.SecretSource;
import dev.flightdeck.session.AlarmWatch;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.text.Durations;
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

@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        description =
                "Print the live figures of the inventory's health and prometheus endpoints, hosts (over SSH) and databases "
                        + "(pg_stat_*) as a table every few seconds (until interrupted), or once with --once.")
public final class MetricsCommand implements Callable<Integer> {

    private final AppContext context;

    MetricsCommand(AppContext context) {
        this.context = context;
    }

    /** Rates (and a host's CPU) need two readings; --once takes them this far apart. */
    private static final Duration ONCE_GAP = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--inventory",
            paramLabel = "FILE",
            required = true,
            description = "the inventory whose endpoints to read")
    private Path inventoryFile;

    @Option(
            names = "--once",
            description = "print one table and exit (takes two readings 1 s apart, for rates and CPU)")
    private boolean once;

    @Option(
            names = "--every",
            paramLabel = "DURATION",
            defaultValue = "5s",
            description = "time between tables and readings (default: ${DEFAULT-VALUE})")
    private String every;

    @Option(
            names = "--json",
            description =
                    "print one JSON object per sample round (time, series [{source, signal, value, unit, text, sampledAt}], failing)")
    private boolean json;

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
            parsed = InventoryLoader.load(inventoryFile, context.environment());
        } catch (IOException e) {
            err.println("flightdeck: cannot read the inventory " + inventoryFile + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
            return Cli.PROBLEM;
        }
        parsed.problems().forEach(problem -> err.println(problem.format()));
        if (!parsed.isValid()) {
            return Cli.PROBLEM;
        }
        Inventory inventory = parsed.value().orElseThrow();
        try (SessionServices services = connections(inventory)) {
            return show(inventory, services, interval, out, err);
        } catch (IOException e) {
            err.println("flightdeck: cannot set up SSH (" + e.getMessage() + ")");
            return Cli.PROBLEM;
        }
    }

    /** The same SSH pool, host keys and database passwords a session would use; no journal, no steps are run. */
    private SessionServices connections(Inventory inventory) throws IOException {
        return new SessionServices(
                context,
                inventory,
                new TerminalCredentials(),
                PgPassFile.standardLocation(context.environment())
                        .orElse(new PromptedPassword(RunCommand::promptDatabasePassword)),
                SshEventListener.NONE,
                AlarmWatch.NONE,
                Clock.systemUTC());
    }

    private int show(Inventory inventory, SessionServices services, Duration interval, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        Clock clock = Clock.systemUTC();
        List<Collector> collectors = InventoryCollectors.forInventory(
                inventory,
                InventoryCollectors.defaultClient(),
                new InventoryCollectors.Connections(
                        services.ssh(),
                        services.targets(),
                        services.databasePasswords(),
                        new SecretSource(context.environment(), NotificationWarnings::prompt)::resolve),
                InventoryCollectors.Intervals.all(interval),
                clock);
        if (collectors.isEmpty()) {
            err.println("flightdeck: " + inventoryFile
                    + " has no host, database or endpoint of kind 'health' or 'prometheus' to read");
            return Cli.PROBLEM;
        }
        try (MetricsEngine engine = new MetricsEngine(
                List.of(), clock, MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {})) {
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

    private static void readTwiceForRates(MetricsEngine engine, List<Collector> collectors)
            throws InterruptedException {
        engine.collectNow(collectors);
        List<Collector> scrapers = collectors.stream()
                .filter(collector -> !(collector instanceof HealthCollector))
                .toList();
        if (!scrapers.isEmpty()) {
            Thread.sleep(ONCE_GAP.toMillis());
            engine.collectNow(scrapers);
        }
    }

    private void print(PrintWriter out, MetricsEngine engine, Instant now) {
        if (json) {
            JsonOutput.println(out, JsonOutput.metricsRound(engine.store(), engine.collectorStatuses(), now));
            return;
        }
        out.println(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
                .withZone(ZoneId.systemDefault())
                .format(now));
        MetricsTable.lines(engine.store(), engine.collectorStatuses(), now).forEach(out::println);
        out.println();
        out.flush();
    }
}
