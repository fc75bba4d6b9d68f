package dev.flightdeck.ui.setup;

import dev.flightdeck.app.AppContext;
import dev.flightdeck.app.LiveSession;
import dev.flightdeck.app.SessionLauncher;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.ui.FxmlFile;
import dev.flightdeck.ui.FxmlViews;
import dev.flightdeck.ui.console.OutputConsoleView;
import dev.flightdeck.ui.wizard.ConsoleFeed;
import dev.flightdeck.ui.wizard.WizardScreen;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** A window for one session: its setup first, then the wizard. Closing it closes the session (the journal can resume it). */
public final class SessionWindow {

    private final AppContext context;
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flightdeck-session");
        thread.setDaemon(true);
        return thread;
    });
    private final Stage stage = new Stage();
    private LiveSession live;
    private dev.flightdeck.ui.metrics.MetricsPanel instruments;

    public SessionWindow(AppContext context) {
        this.context = context;
    }

    public void show(Runbook runbook, String sha256, String stylesheet) {
        SessionSetupViewModel setup = new SessionSetupViewModel(runbook, sha256, SessionLauncher.forProduction(context), sessionThread,
                new FxCredentials());
        PasswordSource passwords = PgPassFile.standardLocation(context.environment())
                .orElse(new PromptedPassword(new FxPasswordPrompt("the databases of " + runbook.title())));
        Map<Class<?>, Supplier<?>> controllers = Map.of(SessionSetupController.class,
                () -> new SessionSetupController(setup, passwords, this::showWizard));
        Parent root = new FxmlViews(controllers).load(FxmlFile.SESSION_SETUP);
        Scene scene = new Scene(root, 1280, 820);
        scene.getStylesheets().add(stylesheet);
        stage.setTitle("Flightdeck — " + runbook.title());
        stage.setScene(scene);
        stage.setOnHidden(event -> close());
        stage.show();
    }

    private void showWizard(LiveSession started) {
        this.live = started;
        WizardViewModel wizard = new WizardViewModel(started.session(), sessionThread, Platform::runLater, Clock.systemDefaultZone(),
                (host, fingerprint) -> started.services().trust(host, fingerprint).toString());
        OutputConsoleView console = new OutputConsoleView();
        ConsoleFeed.attach(started.session(), console.console());
        instruments = dev.flightdeck.ui.metrics.MetricsPanel.create(started.metrics(), started.session().operator(),
                dev.flightdeck.app.Settings.load(context.home()));
        stage.getScene().setRoot(WizardScreen.load(wizard, console, instruments.view()));
        stage.getScene().getStylesheets().add(SessionWindow.class.getResource("/styles/console.css").toExternalForm());
        stage.setTitle("Flightdeck — " + started.session().runbook().title() + " — " + started.session().operator());
    }

    private void close() {
        sessionThread.shutdownNow();
        if (instruments != null) {
            instruments.close();
        }
        if (live != null) {
            live.close();
        }
    }
}
