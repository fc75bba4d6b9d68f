package dev.flightdeck.ui.compose;

import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.sandbox.RunningSandbox;
import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.error.SandboxException;
import dev.flightdeck.ui.ScreenFit;
import dev.flightdeck.ui.Tasks;
import dev.flightdeck.ui.metrics.MetricsPanel;
import dev.flightdeck.ui.output.OutputFeed;
import dev.flightdeck.ui.output.OutputPaneView;
import dev.flightdeck.ui.rehearsal.RehearsalBanner;
import dev.flightdeck.ui.setup.FxCredentials;
import dev.flightdeck.ui.setup.FxPasswordPrompt;
import dev.flightdeck.ui.setup.OpenSession;
import dev.flightdeck.ui.setup.SessionSetupViewModel;
import dev.flightdeck.ui.wizard.ChannelNotices;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Dimension2D;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A window for one session: its setup first, then the wizard. Closing it closes the session (the journal can
 * resume it). A rehearsal's window first starts the sandbox it runs against, says so in a banner, and stops the
 * sandbox when it closes.
 */
public final class SessionWindow {

    private static final Logger LOG = LoggerFactory.getLogger(SessionWindow.class);

    private final ConsoleServices services;
    private final SessionWindows windows;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flightdeck-session");
        thread.setDaemon(true);
        return thread;
    });
    private final Stage stage = new Stage();
    private LiveSession live;
    private RunningSandbox sandbox;
    private MetricsPanel instruments;
    private WizardViewModel wizard;
    /** What was open when the operator chose to close the window anyway; journaled and sealed on the way out. */
    private volatile String leftOpen;

    public SessionWindow(ConsoleServices services, SessionWindows windows) {
        this.services = services;
        this.windows = windows;
        stage.setOnShown(event -> windows.opened(this));
        // the session has the whole screen of a laptop: maximised (else as large as the console, where it is), not a
        // smaller second window over the console
        windows.place(stage);
        stage.setOnCloseRequest(event -> {
            if (!mayClose()) {
                event.consume();
            }
        });
        stage.setOnHidden(event -> close());
    }

    /** Ctrl+W and the banner's "End rehearsal…": the same question as the window's close button. */
    public void requestClose() {
        if (mayClose()) {
            stage.close();
        }
    }

    /**
     * Closing is deliberate: with a session open, or a rollback running or stopped, the operator is told the state
     * first and must choose to close; then the journal gets who closed it in which state, and a sealing checkpoint.
     */
    private boolean mayClose() {
        Optional<String> open = openState();
        if (open.isEmpty()) {
            return true;
        }
        boolean closing = CloseQuestion.ask(
                stage,
                "Close the session's window?",
                open.get(),
                CloseQuestion.consequence(rehearsal()),
                rehearsal() ? "End rehearsal" : "Close window");
        if (closing) {
            leftOpen = open.get();
        }
        return closing;
    }

    /** What would be left open if this window closed now; empty when nothing would (no session, or a closed one). */
    Optional<String> openState() {
        if (live == null || wizard == null) {
            return Optional.empty();
        }
        return OpenSession.describe(
                live.session().state(), wizard.rollback().runningProperty().get());
    }

    boolean rehearsal() {
        return sandbox != null;
    }

    String title() {
        return stage.getTitle();
    }

    /** Closes without asking: the operator already answered for every window (the console is quitting). */
    void closeAnyway(Optional<String> open) {
        leftOpen = open.orElse(null);
        stage.close();
    }

    public void show(Runbook runbook, String sha256, String stylesheet) {
        PasswordSource passwords = services.databasePasswords(
                new PromptedPassword(new FxPasswordPrompt("the databases of " + runbook.title())));
        SessionSetupViewModel setup = new SessionSetupViewModel(
                runbook, sha256, services.newLauncher(), sessionThread, new FxCredentials(), passwords);
        stage.setScene(new Scene(
                setupScreen(setup), firstSize().getWidth(), firstSize().getHeight()));
        stage.getScene().getStylesheets().add(stylesheet);
        installCloseShortcut(stage.getScene());
        stage.setTitle("Flightdeck — " + runbook.title());
        stage.show();
    }

    /**
     * Starts the rehearsal sandbox (seconds; the window says what it is doing meanwhile), then shows the setup of
     * the rehearsal runbook against the sandbox's inventory, journaled as a rehearsal.
     */
    public void rehearse(boolean fault, String stylesheet) {
        Label doing = new Label(
                "Starting the clinic sandbox: database with synthetic patients, the clinic app on app1 and app2, "
                        + "SSH hosts app1, app2 and db1 on 127.0.0.1" + (fault ? ", with the fault switch on" : "")
                        + "…");
        doing.setWrapText(true);
        doing.getStyleClass().add("setup-message");
        VBox starting = new VBox(18, new ProgressIndicator(), doing);
        starting.setAlignment(Pos.CENTER);
        starting.getStyleClass().add("starting-pane");
        stage.setScene(new Scene(starting, firstSize().getWidth(), firstSize().getHeight()));
        stage.getScene().getStylesheets().add(stylesheet);
        installCloseShortcut(stage.getScene());
        stage.setTitle("Flightdeck — rehearsal");
        stage.show();
        Tasks.create(() -> services.startSandbox(fault))
                .onSuccess(started -> {
                    if (!stage.isShowing()) {
                        // closed while the sandbox started: the session thread is gone with the window
                        closeInBackground(started::close);
                        return;
                    }
                    sandbox = started;
                    Runbook runbook = started.runbook();
                    SessionSetupViewModel setup = new SessionSetupViewModel(
                            runbook,
                            RunbookDigest.sha256(
                                    BuiltinRunbooks.source(Sandbox.RUNBOOK_ID).orElseThrow()),
                            services.newLauncher(),
                            sessionThread,
                            started.sshCredentials(),
                            started.databasePasswords());
                    setup.rehearseAgainst(started.inventoryFile(), started.inventory());
                    stage.getScene().setRoot(setupScreen(setup));
                    stage.setTitle("Flightdeck — REHEARSAL — " + runbook.title());
                })
                .onError(error -> doing.setText(
                        error instanceof SandboxException sandboxError
                                        && sandboxError.code() == SandboxException.Code.TOOL_MISSING
                                ? "This computer cannot rehearse yet. " + sandboxError.describe()
                                : "The sandbox did not start: " + error.getMessage()))
                .runOnce(sessionThread);
    }

    private Parent setupScreen(SessionSetupViewModel setup) {
        return framed(ConsoleViews.sessionSetup(setup, started -> showWizard(started, setup.journalFolder())));
    }

    private Parent framed(Parent screen) {
        return sandbox == null ? screen : RehearsalBanner.around(screen, sandbox, this::requestClose);
    }

    /** Ctrl+W closes the window, asking first like its close button. */
    private void installCloseShortcut(Scene scene) {
        scene.getAccelerators()
                .put(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN), this::requestClose);
    }

    private void showWizard(LiveSession started, Path journalFolder) {
        this.live = started;
        wizard = new WizardViewModel(
                started.session(),
                sessionThread,
                Platform::runLater,
                Clock.systemDefaultZone(),
                (host, fingerprint) ->
                        started.services().trust(host, fingerprint).toString());
        wizard.writeApprovalRequestsInto(journalFolder);
        OutputPaneView console = new OutputPaneView();
        OutputFeed.attach(started.session(), console.console());
        instruments = MetricsPanel.create(
                started.metrics(), started.session().operator(), services.settings(), ConsoleViews::metricsPanel);
        // once the rollback runs, a trigger's countdown has nothing left to count down to
        wizard.rollback().startedProperty().addListener((observable, was, underway) -> {
            if (underway) {
                instruments.viewModel().rollbackStarted();
            }
        });
        ChannelNotices notices =
                new ChannelNotices(started.notifications().outbox(), Platform::runLater, ZoneId.systemDefault());
        Parent screen = framed(ConsoleViews.wizard(wizard, console, instruments.view(), notices));
        screen.getProperties().put(WizardViewModel.class, wizard);
        stage.getScene().setRoot(screen);
        stage.getScene()
                .getStylesheets()
                .add(SessionWindow.class.getResource("/styles/console.css").toExternalForm());
        stage.setTitle("Flightdeck — " + (sandbox == null ? "" : "REHEARSAL — ")
                + started.session().runbook().title() + " — "
                + started.session().operator());
    }

    /** The operator closed the window with the session open: say so in the journal and seal its tail. */
    private static void sealOnLeaving(LiveSession session, String open) {
        if (open == null) {
            return;
        }
        try {
            String checkpoint = session.session().recordWindowClosed(open);
            LOG.info("window closed with the session open; journal sealed with checkpoint {}", checkpoint);
        } catch (RuntimeException e) {
            LOG.error("could not seal the journal when the window closed", e);
        }
    }

    /** Closing takes seconds (journal seal, connections, a sandbox's database): never on the FX thread, never lost. */
    private static void closeInBackground(Runnable closing) {
        new Thread(closing, "flightdeck-session-close").start();
    }

    /** The session first (its closing is journaled), then the sandbox it ran against; off the FX thread. */
    private void close() {
        windows.closed(this);
        LiveSession session = live;
        RunningSandbox rehearsal = sandbox;
        sessionThread.shutdownNow();
        if (instruments != null) {
            instruments.close();
        }
        closeInBackground(() -> {
            String open = leftOpen;
            try {
                if (session != null) {
                    sealOnLeaving(session, open);
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

    /** Before it is placed over the console and maximised (SessionWindows.place); never larger than the screen. */
    private static Dimension2D firstSize() {
        return ScreenFit.scene(1280, 820);
    }
}
