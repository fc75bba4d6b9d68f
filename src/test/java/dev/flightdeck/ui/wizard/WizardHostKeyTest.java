package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.compose.ConsoleViews;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** An unknown host key in the wizard: shown with its fingerprint, trusted only by a deliberate, journaled click. */
@ExtendWith(ApplicationExtension.class)
class WizardHostKeyTest {

    @TempDir
    static Path dir;

    private MinaSshServer server;
    private LiveSession live;
    private final List<SessionEvent> recorded = new CopyOnWriteArrayList<>();
    private final ExecutorService sessionThread = Executors.newSingleThreadExecutor();

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "case");
        server = MinaSshServer.start(root.resolve("server"));
        Path userHome = Files.createDirectories(root.resolve("user/.ssh")).getParent();
        Inventory inventory = InventoryLoader.load(
                        """
                hosts:
                  app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s" }
                """.formatted(server.port(), System.getProperty("user.name"), server.userKey()), "inv.yaml")
                .orElseThrow();
        Runbook runbook = RunbookLoader.load("""
                runbook: Remote hello
                phases:
                  - id: p
                    steps:
                      - id: hello
                        run: echo hello from app1
                        on: app1
                rollback:
                  - confirm: Rolled back
                """, "r.runbook.yaml", "r").orElseThrow();
        AppContext context =
                new AppContext(new FlightdeckHome(root.resolve("home")), Map.of("HOME", userHome.toString()));
        live = new SessionLauncher(context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                .start(new SessionLauncher.Choices(
                        runbook,
                        "sha",
                        inventory,
                        "inv.yaml",
                        Map.of(),
                        "Dana",
                        root.resolve("journal"),
                        JournalFixture.PASSPHRASE.clone(),
                        target -> Optional.empty(),
                        Credentials.NONE,
                        SessionEvent.Mode.LIVE));
        live.session().addListener(new SessionListener() {
            @Override
            public void recorded(Recorded event, SessionState state) {
                recorded.add(event.event());
            }
        });
        WizardViewModel wizard = new WizardViewModel(
                live.session(),
                sessionThread,
                Platform::runLater,
                Clock.systemUTC(),
                (host, fingerprint) -> live.services().trust(host, fingerprint).toString());
        TestStages.show(stage, ConsoleViews.wizard(wizard, null), 1280, 800);
    }

    /** Keyboard input goes to the focused window: click once into ours, on a label that does nothing, as a user would. */
    private static void focusOurWindow(FxRobot robot) {
        robot.clickOn(".wizard-title");
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        sessionThread.shutdownNow();
        live.close();
        server.close();
    }

    @Test
    void anUnknownKeyIsShownAndTrustedOnlyByTheOperatorsClick(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".connection-state").queryLabeled().getAccessibleText())
                .isEqualTo("app1: not connected yet");
        focusOurWindow(robot);
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> live.session().state().status("hello") == StepStatus.FAILED);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> robot.lookup(".button")
                        .match((Button button) ->
                                button.getText().equals("Trust this key for app1") && !button.isDisabled())
                        .tryQuery()
                        .isPresent());
        WaitForAsyncUtils.waitForFxEvents();

        Button trust = robot.lookup(".button")
                .match((Button button) -> button.getText().equals("Trust this key for app1"))
                .queryButton();
        String fingerprint = trust.getAccessibleText().replaceAll(".*(SHA256:\\S+).*", "$1");
        assertThat(fingerprint).startsWith("SHA256:");
        robot.clickOn(trust);
        WaitForAsyncUtils.waitFor(
                10,
                TimeUnit.SECONDS,
                () -> recorded.stream()
                        .anyMatch(event -> event instanceof SessionEvent.HostKeyDecision decision
                                && decision.decision().startsWith("trusted by Dana in the console")));
        assertThat(recorded)
                .anySatisfy(event -> assertThat(event)
                        .isInstanceOfSatisfying(
                                SessionEvent.HostKeyDecision.class,
                                decision -> assertThat(decision.fingerprint()).isEqualTo(fingerprint)));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !trust.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> live.session().state().status("hello") == StepStatus.SUCCEEDED);
        assertThat(live.session().state().record("hello").outputs()).containsEntry("stdout", "hello from app1");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".connection-state").queryAllAs(Label.class))
                .extracting(Label -> Label.getAccessibleText())
                .containsExactly("app1: connected");
    }
}
