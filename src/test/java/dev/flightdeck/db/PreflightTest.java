package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.preflight.CheckResult;
import dev.flightdeck.db.preflight.CheckStatus;
import dev.flightdeck.db.preflight.PreflightReport;
import dev.flightdeck.db.preflight.PreflightThresholds;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PreflightTest {

    @RegisterExtension
    static final PostgresExtension postgres = PostgresExtension.sharedServer();

    private static final PreflightThresholds ONE_SECOND =
            new PreflightThresholds(Duration.ofSeconds(1), Duration.ofSeconds(30), 5);

    private final List<Object> events = new ArrayList<>();
    private TestDatabase database;
    private DatabaseSteps steps;

    @BeforeEach
    void loadClinic() {
        database = postgres.freshDatabase();
        HealthcareSample.load(database, 100);
        steps = HealthcareSample.steps(database, events);
    }

    @AfterEach
    void close() {
        steps.close();
    }

    @Test
    void quietServerPassesWithEveryCheckReported() {
        PreflightReport report = steps.preflight(Optional.of("/tmp"), ONE_SECOND);

        assertThat(report.checks())
                .extracting(CheckResult::check)
                .containsExactly(
                        "server version",
                        "database size",
                        "free disk for a snapshot",
                        "free disk for a backup",
                        "active connections",
                        "long-running transactions",
                        "blocking locks",
                        "replication",
                        "max_connections headroom");
        assertThat(report.check("server version").orElseThrow().observed()).startsWith("15.");
        assertThat(report.check("blocking locks").orElseThrow().status()).isEqualTo(CheckStatus.OK);
        assertThat(report.check("replication").orElseThrow().observed()).isEqualTo("no replicas connected");
        assertThat(report.passed()).isTrue();
        assertThat(report.table().render()).contains("max_connections headroom");
        assertThat(report.summary())
                .as("a quiet server, in words")
                .isEqualTo("preflight of " + report.database() + ": every check ok");
    }

    @Test
    void reportsTheBlockingLockAndTheLongTransactionItFinds() throws Exception {
        try (Connection holder = database.connect();
                Connection waiter = database.connect()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SET application_name = 'nightly-report'");
                lock.execute("LOCK TABLE visits IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<Void> blocked =
                    CompletableFuture.runAsync(() -> database.execute("SELECT count(*) FROM visits"));
            waitUntilSomeoneWaits();
            Thread.sleep(1_100);

            PreflightReport report = steps.preflight(Optional.empty(), ONE_SECOND);

            CheckResult locks = report.check("blocking locks").orElseThrow();
            CheckResult longTransactions =
                    report.check("long-running transactions").orElseThrow();
            assertThat(locks.status()).isEqualTo(CheckStatus.PROBLEM);
            assertThat(locks.observed()).contains("waits for Lock lock held by").contains("nightly-report");
            assertThat(longTransactions.status()).isEqualTo(CheckStatus.WARNING);
            assertThat(longTransactions.observed()).contains("nightly-report").contains("open for 00:00:0");
            assertThat(report.check("active connections").orElseThrow().status())
                    .isEqualTo(CheckStatus.WARNING);
            assertThat(report.passed()).isFalse();
            assertThat(report.summary())
                    .as("the step's result names what is not fine, not only the worst status")
                    .startsWith("preflight of " + report.database() + ": 1 problem, 2 warnings — ")
                    .contains("blocking locks: ", "long-running transactions: ", "nightly-report");
            holder.rollback();
            blocked.get(10, TimeUnit.SECONDS);
        }
    }

    private void waitUntilSomeoneWaits() throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            String waiting =
                    database.queryValue("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'");
            if (!"0".equals(waiting)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the blocked session never started waiting");
    }
}
