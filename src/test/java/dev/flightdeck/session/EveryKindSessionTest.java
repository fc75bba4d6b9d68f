package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.db.HealthcareSample;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.tools.RequiresTool;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One runbook with every step kind, through the real launcher: MINA SSH, embedded PostgreSQL, an HTTP endpoint, the journal. */
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class EveryKindSessionTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void everyKindRunsToTheEndAndTheJournalVerifies() throws Exception {
        TestDatabase database = POSTGRES.freshDatabase();
        HealthcareSample.load(database, 200);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/api/health", exchange -> {
            byte[] body = "{\"status\":\"ok\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
        try (MinaSshServer ssh = MinaSshServer.start(dir.resolve("ssh"))) {
            Path userHome = Files.createDirectories(dir.resolve("user/.ssh")).getParent();
            Files.writeString(userHome.resolve(".ssh/known_hosts"), ssh.knownHostsLine() + "\n");
            Path backups = Files.createDirectories(dir.resolve("backups"));
            Inventory inventory = InventoryLoader.load(
                            """
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app], metrics: { every: 1s } }
                    databases:
                      healthcare: { host: 127.0.0.1, port: %d, database: %s, user: postgres, sslmode: disable, metrics: { every: 1s } }
                    endpoints:
                      health: { url: "http://127.0.0.1:%d/api/health", kind: http }
                    """.formatted(
                                            ssh.port(),
                                            System.getProperty("user.name"),
                                            ssh.userKey(),
                                            database.server().port(),
                                            database.name(),
                                            http.getAddress().getPort()),
                            "inv.yaml")
                    .orElseThrow();
            Runbook runbook = RunbookLoader.load("""
                    runbook: Every kind
                    variables: { backups: "%s" }
                    phases:
                      - id: protect
                        steps:
                          - id: notice
                            confirm: Users were notified
                          - id: baselines
                            baseline: { window: 3s, require: [cpu, db_connections] }
                          - id: preflight
                            preflight: { database: healthcare }
                          - id: dump
                            backup: { database: healthcare, directory: "${backups}" }
                          - id: snap
                            snapshot: { database: healthcare }
                          - id: before
                            verify-data: { database: healthcare, tables: [patients, visits] }
                      - id: change
                        steps:
                          - id: gate
                            approve: { role: ENGINEERING }
                          - id: stop
                            run: echo stopping the app; echo ${steps.dump.file}
                            on: app
                          - id: migrate
                            sql: UPDATE visits SET status = 'done' WHERE status = 'cancelled'
                            database: healthcare
                          - id: count
                            sql: SELECT count(*) FROM visits WHERE status = 'cancelled'
                            database: healthcare
                            expect: { value: 0 }
                          - id: health
                            http: health
                            expect: { status: 200, body-contains: ok }
                          - id: watch
                            wait: 1s
                          - id: restore
                            restore: { database: healthcare }
                          - id: after
                            verify-data: { database: healthcare, compare-to: before }
                          - id: done
                            notify: { message: "Window finished; backup ${steps.dump.file}", audience: clinic staff }
                    rollback:
                      - restore: { database: healthcare }
                    """.formatted(backups), "every.runbook.yaml", "every")
                    .orElseThrow();
            AppContext context =
                    new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of("HOME", userHome.toString()));
            Path journal = dir.resolve("journal");
            try (LiveSession live = new SessionLauncher(
                            context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                    .start(new SessionLauncher.Choices(
                            runbook,
                            "sha",
                            inventory,
                            "inv.yaml",
                            Map.of("backups", backups.toString()),
                            "Dana",
                            journal,
                            JournalFixture.PASSPHRASE.clone(),
                            target -> Optional.empty(),
                            Credentials.NONE,
                            SessionEvent.Mode.LIVE))) {
                Session session = live.session();
                Set<StepKind> ran = EnumSet.noneOf(StepKind.class);
                for (Step step = session.state().currentStep().orElse(null);
                        step != null;
                        step = session.state().currentStep().orElse(null)) {
                    ran.add(step.kind());
                    if (step.kind() == StepKind.CONFIRM) {
                        session.confirm(step.id(), "");
                    } else if (step.kind() == StepKind.APPROVE) {
                        session.approve(step.id(), "Lee Engineer", Role.ENGINEERING, "ok");
                    } else {
                        SessionEvent.StepOutcome outcome = session.run(step.id());
                        assertThat(outcome.status())
                                .as(step.id() + ": " + outcome.message())
                                .isEqualTo(SessionEvent.Status.SUCCEEDED);
                    }
                }
                assertThat(ran).isEqualTo(EnumSet.allOf(StepKind.class));
                assertThat(session.state().record("stop").outputs().get("stdout"))
                        .startsWith(backups.toString());
                assertThat(session.state().record("after").outputs()).containsEntry("differences", "0");
                assertThat(live.metrics().baselines().all())
                        .as("taken by the step, over the host and the database")
                        .extracting(baseline -> baseline.id().signal())
                        .contains("cpu", "db_connections");
                session.finishSession("all steps done");
            }
            assertThat(JournalVerifier.verify(journal, Optional.empty(), Optional.empty())
                            .isClosed())
                    .isTrue();
        } finally {
            http.stop(0);
        }
    }
}
