package dev.flightdeck.testing.db;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 access to a real PostgreSQL: register it as a static field, then ask for
 * {@link #freshDatabase()} in each test. Every database a test creates is dropped after that test.
 *
 * <pre>
 * {@literal @}RegisterExtension
 * static final PostgresExtension postgres = PostgresExtension.sharedServer();
 * </pre>
 */
public final class PostgresExtension implements AfterEachCallback, AfterAllCallback {

    private final EmbeddedPostgresServer server;
    private final boolean ownsServer;
    private final List<TestDatabase> created = new ArrayList<>();

    private PostgresExtension(EmbeddedPostgresServer server, boolean ownsServer) {
        this.server = server;
        this.ownsServer = ownsServer;
    }

    /** The JVM-wide server: cheapest, for tests that do not stop or reconfigure the server. */
    public static PostgresExtension sharedServer() {
        return new PostgresExtension(EmbeddedPostgresServer.shared(), false);
    }

    /** A server for this test class alone (it may be restarted or reconfigured), stopped after the class. */
    public static PostgresExtension dedicatedServer() {
        return new PostgresExtension(EmbeddedPostgresServer.startDedicated(), true);
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    /** A new empty database for the current test. */
    public synchronized TestDatabase freshDatabase() {
        TestDatabase database = server.createDatabase();
        created.add(database);
        return database;
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        for (TestDatabase database : created) {
            server.dropDatabaseAndCopies(database.name());
        }
        created.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (ownsServer) {
            server.close();
        }
    }
}
