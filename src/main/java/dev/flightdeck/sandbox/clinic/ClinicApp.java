package dev.flightdeck.sandbox.clinic;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinic app as it runs on one sandbox host: an HTTP service on a fixed loopback port whose release and
 * running state follow the host's {@link ServiceFiles}. A deploy or a stop by {@code clinicctl} over SSH is picked
 * up by {@link #reconcile()} (called a few times a second): stopping closes the port, a new release restarts the
 * service with fresh counters, as a real restart does.
 */
public final class ClinicApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClinicApp.class);

    private final String host;
    private final ServiceFiles files;
    private final AppDatabase database;
    private final BooleanSupplier fault;
    private int port;
    private ClinicHttpServer server;
    private HikariDataSource pool;
    private String runningVersion;
    /** What run/actual says, so it is rewritten only when the state changes (reconcile runs ten times a second). */
    private String reported;

    private ClinicApp(String host, ServiceFiles files, AppDatabase database, BooleanSupplier fault) {
        this.host = host;
        this.files = files;
        this.database = database;
        this.fault = fault;
    }

    /** Starts the app as its files say (normally running v1) on a free port it keeps for every restart. */
    public static ClinicApp start(String host, ServiceFiles files, AppDatabase database, BooleanSupplier fault)
            throws IOException {
        ClinicApp app = new ClinicApp(host, files, database, fault);
        app.reconcile();
        if (app.server == null) {
            throw new IOException("the clinic app on " + host + " was asked to stay stopped at its first start");
        }
        return app;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Applies the state the host's files ask for; reports it in {@code run/actual}. */
    public synchronized void reconcile() throws IOException {
        boolean wanted = files.wantsRunning();
        String version = files.currentVersion();
        if (server != null && (!wanted || !version.equals(runningVersion))) {
            stopService();
        }
        if (wanted && server == null && !version.isEmpty()) {
            startService(version);
        }
        String state = server == null ? ServiceFiles.STOPPED : ServiceFiles.RUNNING + " " + runningVersion;
        if (!state.equals(reported)) {
            files.reportActual(state);
            reported = state;
        }
    }

    private void startService(String version) throws IOException {
        pool = pool();
        ClinicApi api = new ClinicApi(version, pool, fault);
        server = new ClinicHttpServer(host, port, api::answer);
        port = server.port();
        runningVersion = version;
        LOG.info("sandbox {}: clinic app {} listening on 127.0.0.1:{}", host, version, port);
    }

    private void stopService() {
        server.close();
        pool.close();
        server = null;
        pool = null;
        LOG.info("sandbox {}: clinic app {} stopped", host, runningVersion);
        runningVersion = null;
    }

    private HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("sandbox-" + host + "-db");
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5000);
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            stopService();
        }
    }
}
