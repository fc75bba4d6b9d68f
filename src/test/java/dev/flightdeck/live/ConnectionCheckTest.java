package dev.flightdeck.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.hostkey.TrustResult;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Test connections" in the setup: real SSH, PostgreSQL and HTTP servers on the loopback. */
class ConnectionCheckTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void everyKindOfTargetIsReachedAndAnUnknownHostKeyIsMetBeforeTheWindow() throws Exception {
        TestDatabase database = POSTGRES.freshDatabase();
        HttpServer web = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        web.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/health") ? 200 : 404, -1);
            exchange.close();
        });
        web.start();
        int closedPort = freePort();
        try (MinaSshServer ssh = MinaSshServer.start(dir.resolve("ssh"))) {
            Inventory inventory = InventoryLoader.load(
                            """
                    hosts:
                      app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s" }
                      gone: { address: 127.0.0.1, port: %d, user: nobody, identity: "%s" }
                    databases:
                      records: { host: 127.0.0.1, port: %d, database: %s, user: postgres, sslmode: disable }
                    endpoints:
                      web: { url: "http://127.0.0.1:%d/health", kind: health }
                      missing: { url: "http://127.0.0.1:%d/nothing-here" }
                    """.formatted(
                                            ssh.port(),
                                            System.getProperty("user.name"),
                                            ssh.userKey(),
                                            closedPort,
                                            ssh.userKey(),
                                            database.server().port(),
                                            database.name(),
                                            web.getAddress().getPort(),
                                            web.getAddress().getPort()),
                            "inv.yaml")
                    .orElseThrow();
            AppContext context =
                    new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of("HOME", dir.toString()));
            PasswordSource noPassword = target -> Optional.empty();
            try (ConnectionCheck check = ConnectionCheck.open(context, inventory, Credentials.NONE, noPassword)) {
                List<ConnectionCheck.Target> targets = ConnectionCheck.targets(inventory);
                assertThat(targets)
                        .extracting(ConnectionCheck.Target::name)
                        .containsExactly("app1", "gone", "records", "web", "missing");

                ConnectionCheck.Outcome first = check.check(targets.get(0)).outcome();
                assertThat(first).isInstanceOf(ConnectionCheck.Outcome.HostKeyUnknown.class);
                String fingerprint = ((ConnectionCheck.Outcome.HostKeyUnknown) first).fingerprint();
                assertThat(fingerprint).startsWith("SHA256:");
                assertThat(check.trust("app1", fingerprint)).isEqualTo(TrustResult.STORED);
                assertThat(check.check(targets.get(0)).outcome())
                        .isInstanceOfSatisfying(
                                ConnectionCheck.Outcome.Reached.class,
                                reached -> assertThat(reached.detail())
                                        .startsWith("logged in as " + System.getProperty("user.name")));

                assertThat(check.check(targets.get(1)).outcome())
                        .isInstanceOfSatisfying(
                                ConnectionCheck.Outcome.Failed.class,
                                failed -> assertThat(failed.problem())
                                        .contains("127.0.0.1")
                                        .contains(String.valueOf(closedPort)));
                assertThat(check.check(targets.get(2)).outcome())
                        .isInstanceOfSatisfying(
                                ConnectionCheck.Outcome.Reached.class,
                                reached -> assertThat(reached.detail()).startsWith("PostgreSQL 15"));
                assertThat(check.check(targets.get(3)).outcome())
                        .isEqualTo(new ConnectionCheck.Outcome.Reached("HTTP 200"));
                assertThat(check.check(targets.get(4)).outcome())
                        .isInstanceOfSatisfying(
                                ConnectionCheck.Outcome.Failed.class,
                                failed -> assertThat(failed.problem()).startsWith("HTTP 404"));
            }
        } finally {
            web.stop(0);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
