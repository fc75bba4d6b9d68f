package dev.flightdeck.ui.compose;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.Settings;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxOptions;
import dev.flightdeck.ui.BackgroundExecutors;
import javafx.application.Platform;

/**
 * Everything the console's screens use that is not a view: the process context, the background executors, session
 * launchers, the rehearsal sandbox, the settings and the operator's {@code ~/.pgpass}. Built once, by
 * {@link ConsoleLauncher} before the toolkit starts (or by a test with its own home), and handed to screens by
 * constructor: no screen builds a service or reads a file of Flightdeck's home itself.
 */
public final class ConsoleServices implements AutoCloseable {

    private final AppContext context;
    private final BackgroundExecutors executors;
    private final Settings settings;

    private ConsoleServices(AppContext context, BackgroundExecutors executors, Settings settings) {
        this.context = context;
        this.executors = executors;
        this.settings = settings;
    }

    /**
     * Reads the settings file, so never on the FX thread: the launcher calls it before the toolkit starts. The console
     * then keeps that one {@link Settings}, which the theme and the alarm sound change and save, so no screen reads the
     * file again.
     */
    public static ConsoleServices forProduction(AppContext context) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the console's services read files: build them before the FX thread runs");
        }
        return new ConsoleServices(context, new BackgroundExecutors(), Settings.load(context.home()));
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

    /** The settings, read once at start; the theme and the alarm sound change and save them while the console runs. */
    public Settings settings() {
        return settings;
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
