package dev.flightdeck.ui.setup;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxException;
import dev.flightdeck.sandbox.SandboxOptions;
import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import dev.flightdeck.ui.Tasks;
import dev.flightdeck.ui.console.OutputConsoleView;
import dev.flightdeck.ui.rehearsal.RehearsalBanner;
import dev.flightdeck.ui.wizard.ConsoleFeed;
import dev.flightdeck.ui.wizard.WizardScreen;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * A window for one session: its setup first, then the wizard. Closing it closes the session (the journal can
 * resume it). A rehearsal's window first starts the sandbox it runs against, says so in a banner, and stops the
 * sandbox when it closes.
 */
public final class SessionWindow {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SessionWindow.class);

    private final AppContext context;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flightdeck-session");
        thread.setDaemon(true);
        return thread;
    });
    private final Stage stage = new Stage();
    private LiveSession live;
    private RunningSandbox sandbox;
    private dev.flightdeck.ui.metrics.MetricsPanel instruments;

    public SessionWindow(AppContext context) {
        this.context = context;
        stage.setOnHidden(event -> close());
    }

    public void show(Runbook runbook, String sha256, String stylesheet) {
        PasswordSource passwords = PgPassFile.standardLocation(context.environment())
                .orElse(new PromptedPassword(new FxPasswordPrompt("the databases of " + runbook.title())));
        SessionSetupViewModel setup = new SessionSetupViewModel(runbook, sha256, SessionLauncher.forProduction(context), sessionThread,
                new FxCredentials(), passwords);
        stage.setScene(new Scene(setupScreen(setup), 1280, 820));
        stage.getScene().getStylesheets().add(stylesheet);
        stage.setTitle("Flightdeck — " + runbook.title());
        stage.show();
    }

    /**
     * Starts the rehearsal sandbox (seconds; the window says what it is doing meanwhile), then shows the setup of
     * the rehearsal runbook against the sandbox's inventory, journaled as a rehearsal.
     */
    public void rehearse(boolean fault, String stylesheet) {
        Label doing = new Label("Starting the clinic sandbox: database with synthetic patients, the clinic app on app1 and app2, "
                + "SSH hosts app1, app2 and db1 on 127.0.0.1" + (fault ? ", with the fault switch on" : "") + "…");
        doing.setWrapText(true);
        doing.getStyleClass().add("setup-message");
        VBox starting = new VBox(18, new ProgressIndicator(), doing);
        starting.setAlignment(Pos.CENTER);
        starting.getStyleClass().add("starting-pane");
        stage.setScene(new Scene(starting, 1280, 820));
        stage.getScene().getStylesheets().add(stylesheet);
        stage.setTitle("Flightdeck — rehearsal");
        stage.show();
        Tasks.create(() -> Sandbox.start(new SandboxOptions(context.home().sandbox(), fault, context.home().knownHosts(), context.environment())))
                .onSuccess(started -> {
                    if (!stage.isShowing()) {
                        // closed while the sandbox started: the session thread is gone with the window
                        closeInBackground(started::close);
                        return;
                    }
                    sandbox = started;
                    Runbook runbook = started.runbook();
                    SessionSetupViewModel setup = new SessionSetupViewModel(runbook,
                            RunbookDigest.sha256(BuiltinRunbooks.source(Sandbox.RUNBOOK_ID).orElseThrow()), SessionLauncher.forProduction(context),
                            sessionThread, started.sshCredentials(), started.databasePasswords());
                    setup.rehearseAgainst(started.inventoryFile(), started.inventory());
                    stage.getScene().setRoot(setupScreen(setup));
                    stage.setTitle("Flightdeck — REHEARSAL — " + runbook.title());
                })
                .onError(error -> doing.setText(error instanceof SandboxException sandboxError
                        && sandboxError.code() == SandboxException.Code.TOOL_MISSING
                        ? "This computer cannot rehearse yet. " + sandboxError.describe()
                        : "The sandbox did not start: " + error.getMessage()))
                .runOnce(sessionThread);
    }

    private Parent setupScreen(SessionSetupViewModel setup) {
        Map<Class<?>, Supplier<?>> controllers = Map.of(SessionSetupController.class, () -> new SessionSetupController(setup, this::showWizard));
        return framed(new FxmlViews(controllers).load(FxmlFile.SESSION_SETUP));
    }

    private Parent framed(Parent screen) {
        return sandbox == null ? screen : RehearsalBanner.around(screen, sandbox);
    }

    private void showWizard(LiveSession started) {
        this.live = started;
        WizardViewModel wizard = new WizardViewModel(started.session(), sessionThread, Platform::runLater, Clock.systemDefaultZone(),
                (host, fingerprint) -> started.services().trust(host, fingerprint).toString());
        OutputConsoleView console = new OutputConsoleView();
        ConsoleFeed.attach(started.session(), console.console());
        instruments = dev.flightdeck.ui.metrics.MetricsPanel.create(started.metrics(), started.session().operator(),
                dev.flightdeck.home.Settings.load(context.home()));
        Parent screen = framed(WizardScreen.load(wizard, console, instruments.view()));
        screen.getProperties().put(WizardViewModel.class, wizard);
        stage.getScene().setRoot(screen);
        stage.getScene().getStylesheets().add(SessionWindow.class.getResource("/styles/console.css").toExternalForm());
        stage.setTitle("Flightdeck — " + (sandbox == null ? "" : "REHEARSAL — ") + started.session().runbook().title() + " — "
                + started.session().operator());
    }

    /** Closing takes seconds (journal seal, connections, a sandbox's database): never on the FX thread, never lost. */
    private static void closeInBackground(Runnable closing) {
        new Thread(closing, "flightdeck-session-close").start();
    }

    /** The session first (its closing is journaled), then the sandbox it ran against; off the FX thread. */
    private void close() {
        LiveSession session = live;
        RunningSandbox rehearsal = sandbox;
        sessionThread.shutdownNow();
        if (instruments != null) {
            instruments.close();
        }
        closeInBackground(() -> {
            try {
                if (session != null) {
                    session.close();
                }
            } finally {
                if (rehearsal != null) {
                    rehearsal.close();
                    LOG.info("rehearsal sandbox stopped");
                }
            }
        });
    }
}
