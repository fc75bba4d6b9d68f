package dev.flightdeck.ui;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Settings;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;

/**
 * Everything the console's screens use that is not a view: the process context, the background executors, session
 * launchers, the rehearsal sandbox, the settings and the operator's {@code ~/.pgpass}. Built once, by {@link MainWindow}
 * for {@link ConsoleLauncher} (or by a test with its own home), and handed to screens by constructor: no screen builds a
 * service or reads a file of Flightdeck's home itself.
 */
public final class ConsoleServices implements AutoCloseable {

    private final AppContext context;
    private final BackgroundExecutors executors;

    private ConsoleServices(AppContext context, BackgroundExecutors executors) {
        this.context = context;
        this.executors = executors;
    }

    public static ConsoleServices forProduction(AppContext context) {
        return new ConsoleServices(context, new BackgroundExecutors());
    }

    public AppContext context() {
        return context;
    }

    public BackgroundExecutors executors() {
        return executors;
    }

    /**
     * A launcher for one session window. Each window gets its own: a launcher keeps what its window asks for
     * (prompts for notification secrets, the delivery policy), which must not leak into another window's session.
     */
    public SessionLauncher newLauncher() {
        return SessionLauncher.forProduction(context);
    }

    /** Starts the rehearsal sandbox in this Flightdeck home; takes seconds, so never on the FX thread. */
    public RunningSandbox startSandbox(boolean fault) {
        return Sandbox.start(new SandboxOptions(
                context.home().sandbox(), fault, context.home().knownHosts(), context.environment()));
    }

    /** The settings as saved now (the theme and the alarm sound change them while the console runs). */
    public Settings settings() {
        return Settings.load(context.home());
    }

    /** Database passwords from the operator's {@code ~/.pgpass} (or {@code PGPASSFILE}) as libpq finds it, else {@code otherwise}. */
    public PasswordSource databasePasswords(PasswordSource otherwise) {
        return PgPassFile.standardLocation(context.environment()).orElse(otherwise);
    }

    @Override
    public void close() {
        executors.close();
    }
}
