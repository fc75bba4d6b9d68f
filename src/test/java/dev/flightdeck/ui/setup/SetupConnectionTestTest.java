package dev.flightdeck.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.ui.TestStages;
import dev.flightdeck.ui.compose.ConsoleViews;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Test connections" in the setup: an unknown host key is met there, trusted by a click, and the host answers. */
@ExtendWith(ApplicationExtension.class)
class SetupConnectionTestTest {

    @TempDir
    static Path dir;

    private MinaSshServer server;
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private int closedPort;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory(dir, "case");
        server = MinaSshServer.start(root.resolve("server"));
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path inventory = Files.writeString(root.resolve("inventory.yaml"), """
                hosts:
                  app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s" }
                endpoints:
                  web: { url: "http://127.0.0.1:%d/health", kind: health }
                """.formatted(
                        server.port(), System.getProperty("user.name"), server.userKey(), closedPort));
        Runbook runbook = RunbookLoader.load("""
                runbook: Remote hello
                phases:
                  - id: p
                    steps:
                      - id: hello
                        run: echo hello
                        on: app1
                rollback:
                  - confirm: Rolled back
                """, "r.runbook.yaml", "r").orElseThrow();
        Path userHome = Files.createDirectories(root.resolve("user/.ssh")).getParent();
        SessionLauncher launcher = new SessionLauncher(
                new AppContext(new FlightdeckHome(root.resolve("home")), Map.of("HOME", userHome.toString())),
                JournalFixture.fastOptions(),
                KdfCost.insecureForTestsOnly(64));
        SessionSetupViewModel setup = new SessionSetupViewModel(
                runbook, "sha", launcher, background, Credentials.NONE, target -> Optional.empty());
        setup.inventoryProperty().set(inventory.toString());
        TestStages.show(stage, ConsoleViews.sessionSetup(setup, live -> {}), 1100, 800);
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        server.close();
    }

    @Test
    void anUnknownHostKeyIsTrustedByAClickAndTheHostThenAnswers(FxRobot robot) throws Exception {
        robot.clickOn("Test connections");
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> trustButton(robot).filter(button -> !button.isDisabled()).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rowText(robot, "web")).startsWith("web: ✗").contains(String.valueOf(closedPort));
        assertThat(rowText(robot, "app1"))
                .startsWith("app1: ? presented a host key nobody has trusted yet: ")
                .contains(" SHA256:");

        robot.clickOn(trustButton(robot).orElseThrow());
        WaitForAsyncUtils.waitFor(
                20, TimeUnit.SECONDS, () -> rowText(robot, "app1").startsWith("app1: ✓"));
        WaitForAsyncUtils.waitForFxEvents(); // the row and the message change in one FX event: read them after it
        assertThat(rowText(robot, "app1")).contains("logged in as " + System.getProperty("user.name"));
        assertThat(robot.lookup(".setup-message").queryLabeled().getText())
                .contains("STORED")
                .contains("1 of 2 connections need attention");
        assertThat(trustButton(robot)).isEmpty();
    }

    private static Optional<Button> trustButton(FxRobot robot) {
        return robot.lookup(".button")
                .match((Button button) -> button.getText().equals("Trust this key for app1"))
                .tryQuery();
    }

    private static String rowText(FxRobot robot, String name) {
        return robot.lookup(".connection-row")
                .match((Node row) -> row.getAccessibleText().startsWith(name + ":"))
                .tryQuery()
                .map(Node::getAccessibleText)
                .orElse("");
    }
}
