package dev.flightdeck.app.cli;

import dev.flightdeck.db.DatabaseSteps;
import dev.flightdeck.db.RestoreOutcome;
import dev.flightdeck.db.admin.DiskSpace;
import dev.flightdeck.db.admin.OperatorConsent;
import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.snapshot.SnapshotRecord;
import dev.flightdeck.db.sql.SqlRequest;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.StepAction.BackupFormat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench db}: database rollback the seeds' way (psql replaying a plain dump), with pg_restore, and
 * with Flightdeck's snapshot swap, on one generated database (pgbench-like accounts with secondary indexes) on an
 * embedded PostgreSQL 15, all in one run.
 */
@Command(
        name = "db",
        description = "Measure database rollback: psql restore, pg_restore, snapshot swap.",
        mixinStandardHelpOptions = true)
public final class DbBench implements Callable<Integer> {

    /** Rows of accounts per MB of database, with the primary key and two secondary indexes (measured). */
    private static final int ROWS_PER_MB = 6_000;

    private static final Duration TOOL_TIMEOUT = Duration.ofHours(1);

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--size-mb",
            paramLabel = "MB",
            description = "approximate database size (default: ${DEFAULT-VALUE})")
    private int sizeMb = 500;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "where the server and dumps go (default: a temporary directory)")
    private Optional<Path> workDirectory = Optional.empty();

    private final AppContext context;

    DbBench(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path work = workDirectory.isPresent()
                ? Files.createDirectories(workDirectory.get())
                : Files.createTempDirectory("fd-bench-db-");
        Path scratch = Files.createTempDirectory(work, "run-");
        try (EmbeddedPostgres server = startServer(scratch.resolve("data"))) {
            ConnectionTarget target = new ConnectionTarget(
                    "bench", "127.0.0.1", server.getPort(), "bench", "postgres", SslMode.DISABLE, Optional.empty());
            createDatabase(target);
            try (DatabaseSteps steps = DatabaseSteps.open(
                    target,
                    PasswordSource.none(),
                    PoolSettings.withStatementTimeout(Duration.ofHours(1)),
                    new LocalCommandPlace(context.environment()),
                    Clock.systemUTC(),
                    DatabaseEventListener.ignoring())) {
                generate(steps, out);
                measure(steps, scratch, out);
            }
        } finally {
            deleteTree(workDirectory.isPresent() ? scratch : work);
        }
        return Cli.OK;
    }

    private void measure(DatabaseSteps steps, Path work, PrintWriter out) throws IOException {
        Path dumps = Files.createDirectories(work.resolve("dumps"));
        Timed<BackupArtifact> plain = Timed.of(() -> steps.backup(BackupFormat.PLAIN, dumps.toString(), TOOL_TIMEOUT));
        Timed<BackupArtifact> custom =
                Timed.of(() -> steps.backup(BackupFormat.CUSTOM, dumps.toString(), TOOL_TIMEOUT));
        out.printf(
                "dumps: plain %s in %.1f s, custom %s in %.1f s (each including verification)%n",
                DiskSpace.human(plain.value().sizeBytes()),
                plain.seconds(),
                DiskSpace.human(custom.value().sizeBytes()),
                custom.seconds());
        out.flush();
        double psql = Timed.of(() -> steps.restoreInto(plain.value(), "bench_psql", TOOL_TIMEOUT))
                .seconds();
        double pgRestore = Timed.of(() -> steps.restoreInto(custom.value(), "bench_pg_restore", TOOL_TIMEOUT))
                .seconds();
        Timed<SnapshotRecord> snapshot = Timed.of(() -> steps.snapshot(OperatorConsent.none()));
        steps.sql(statement("DROP TABLE pgbench_accounts"));
        RestoreOutcome swap =
                steps.restore(Optional.of(snapshot.value()), Optional.empty(), OperatorConsent.none(), TOOL_TIMEOUT);
        String accountsBack = steps.sql(statement("SELECT count(*) FROM pgbench_accounts"))
                .firstValue()
                .orElse("?");
        double swapSeconds = swap.elapsed().toNanos() / 1e9;

        out.println();
        out.printf("%-52s %10s %14s%n", "database rollback method", "seconds", "vs psql restore");
        row(out, "psql --single-transaction < plain dump (seeds' method)", psql, psql);
        row(out, "pg_restore --single-transaction of custom dump", pgRestore, psql);
        row(out, "snapshot swap (rename aside + rename into place)", swapSeconds, psql);
        out.printf(
                "%-52s %10.3f %14s%n",
                "snapshot creation (CREATE DATABASE ... TEMPLATE)", snapshot.seconds(), "before window");
        out.printf(
                "%naccounts after swap rollback: %s rows (expected %d); goal: rollback under 1 s at any size -> %s%n",
                accountsBack, (long) sizeMb * ROWS_PER_MB, swapSeconds < 1.0 ? "met" : "NOT met");
    }

    private void generate(DatabaseSteps steps, PrintWriter out) {
        long rows = (long) sizeMb * ROWS_PER_MB;
        out.printf(
                "generating about %d MB: %,d accounts with primary key and two secondary indexes...%n", sizeMb, rows);
        out.flush();
        double seconds = Timed.of(() -> {
                    steps.sql(statement(
                            "CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88))"));
                    steps.sql(
                            statement(
                                    "CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84))"));
                    steps.sql(statement(
                            "CREATE TABLE pgbench_accounts (aid int, bid int, abalance int, filler char(84))"));
                    steps.sql(
                            statement(
                                    "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))"));
                    long branches = Math.max(1, rows / 100_000);
                    steps.sql(statement("INSERT INTO pgbench_branches SELECT g, 0, '' FROM generate_series(1, "
                            + branches + ") g"));
                    steps.sql(statement(
                            "INSERT INTO pgbench_tellers SELECT g, 1 + (g - 1) / 10, 0, '' FROM generate_series(1, "
                                    + branches * 10 + ") g"));
                    steps.sql(statement(
                            "INSERT INTO pgbench_accounts SELECT g, 1 + (g - 1) / 100000, (g::bigint * 7919 % 100000 - 50000)::int,"
                                    + " md5(g::text) FROM generate_series(1, " + rows + ") g"));
                    steps.sql(statement("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)"));
                    steps.sql(statement("CREATE INDEX pgbench_accounts_bid ON pgbench_accounts (bid)"));
                    steps.sql(statement("CREATE INDEX pgbench_accounts_abalance ON pgbench_accounts (abalance)"));
                    steps.sql(statement("VACUUM ANALYZE"));
                    return null;
                })
                .seconds();
        String size = steps.sql(statement("SELECT pg_size_pretty(pg_database_size(current_database()))"))
                .firstValue()
                .orElse("?");
        out.printf("generated %s in %.1f s%n%n", size, seconds);
        out.flush();
    }

    private static void row(PrintWriter out, String method, double seconds, double reference) {
        String ratio = seconds >= reference
                ? String.format(Locale.ROOT, "%.2fx slower", seconds / reference)
                : String.format(Locale.ROOT, "%.2fx faster", reference / seconds);
        out.printf(Locale.ROOT, "%-52s %10.3f %14s%n", method, seconds, seconds == reference ? "1.00x (ref)" : ratio);
    }

    private static SqlRequest statement(String sql) {
        return new SqlRequest(sql, List.of(), Expectation.none(), false);
    }

    private static EmbeddedPostgres startServer(Path data) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("maintenance_work_mem", "256MB")
                .start();
    }

    private void createDatabase(ConnectionTarget target) {
        try (DatabaseSteps maintenance = DatabaseSteps.open(
                target.withDatabase("postgres"),
                PasswordSource.none(),
                PoolSettings.console(),
                new LocalCommandPlace(context.environment()),
                Clock.systemUTC(),
                DatabaseEventListener.ignoring())) {
            maintenance.sql(statement("CREATE DATABASE bench"));
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    /** A value and how long it took to produce. */
    private record Timed<T>(T value, double seconds) {
        static <T> Timed<T> of(Supplier<T> work) {
            long start = System.nanoTime();
            T value = work.get();
            return new Timed<>(value, (System.nanoTime() - start) / 1e9);
        }
    }
}
