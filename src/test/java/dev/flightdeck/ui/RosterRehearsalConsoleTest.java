package dev.flightdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.testing.tools.RequiresTool;
import dev.flightdeck.ui.wizard.WizardViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The rehearsal walked in the console with a roster chosen in the setup, and the operator's own personal key (file and
 * passphrase typed into the setup): the session is opened and its checkpoints signed with that key, which {@code
 * journal verify} names. At the change approval the approver, at the operator's laptop, picks their own key file and
 * types their own passphrase in the approval card; the gate opens only with their signature, journaled with their
 * key's fingerprint.
 */
@ExtendWith(ApplicationExtension.class)
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class RosterRehearsalConsoleTest {

    private static final String APPROVER_PASSPHRASE = "lee keeps a long own passphrase";
    private static final String OPERATOR_PASSPHRASE = "dana keeps a long own passphrase";

    @TempDir
    static Path dir;

    private Stage console;
    private Path roster;
    private Path leeKey;
    private String leeFingerprint;
    private Path home;
    private Path danaKey;
    private PublicKey dana;

    @AfterEach
    void closeTheRehearsal(FxRobot robot) throws Exception {
        robot.interact(() -> robot.listWindows().stream()
                .filter(window -> window != console && window instanceof Stage)
                .map(Stage.class::cast)
                .filter(Stage::isShowing)
                .toList()
                .forEach(Stage::close));
        RehearsalWalk.awaitSessionWindowsClosed();
    }

    @Start
    void start(Stage stage) throws Exception {
        console = stage;
        home = Files.createDirectories(dir.resolve("home"));
        leeKey = dir.resolve("lee.fdkey");
        var lee = PersonalKeyFile.create(
                leeKey, "Lee Compliance", APPROVER_PASSPHRASE.toCharArray(), KdfCost.production());
        leeFingerprint = PublicKeys.groupedFingerprint(lee.publicKey());
        danaKey = dir.resolve("dana.fdkey");
        dana = PersonalKeyFile.create(danaKey, "Dana Operator", OPERATOR_PASSPHRASE.toCharArray(), KdfCost.production())
                .publicKey();
        roster = Files.writeString(dir.resolve("team.yaml"), """
                team: Clinic North maintenance
                people:
                  - name: Lee Compliance
                    roles: [COMPLIANCE]
                    key: %s
                  - name: Dana Operator
                    roles: [OPERATIONS]
                    key: %s
                """.formatted(
                        PublicKeys.toBase64(lee.publicKey()), PublicKeys.toBase64(dana)));
        TestConsoles.mainWindow(new AppContext(
                        new FlightdeckHome(home.resolve(".flightdeck")), Map.of("HOME", home.toString())))
                .show(stage);
    }

    @Test
    void theRehearsalsApprovalIsSignedWithTheApproversKeyInTheCard(FxRobot robot) throws Exception {
        WizardViewModel wizard = RehearsalWalk.openRehearsal(
                robot,
                "Healthy upgrade",
                stage -> {},
                scene -> {},
                Optional.of(roster),
                Optional.of(new RehearsalWalk.PersonalKeyChoice(danaKey, OPERATOR_PASSPHRASE)));
        assertThat(wizard.takesSignedApprovals()).isTrue();

        assertThat(RehearsalWalk.walk(
                        robot,
                        wizard,
                        step -> {
                            // the card of the gate, as the approver sees it before signing
                            if (wizard.currentProperty().get() != null
                                    && wizard.currentProperty()
                                            .get()
                                            .step()
                                            .id()
                                            .equals("change-approval")) {
                                WaitForAsyncUtils.waitForFxEvents();
                                ScreenChecks.snapshot(
                                        RehearsalWalk.sessionScene(robot).orElseThrow(),
                                        Path.of("target", "screens", "roster-approval-card.png"));
                            }
                        },
                        Optional.of(new RehearsalWalk.Approver(leeKey, APPROVER_PASSPHRASE))))
                .as("a failed step")
                .isEmpty();

        SessionState state = wizard.stateProperty().get();
        assertThat(state.roster()).map(r -> r.team()).contains("Clinic North maintenance");
        assertThat(state.status("change-approval")).isEqualTo(StepStatus.SUCCEEDED);
        StepRecord.ApprovalRecord approval =
                state.record("change-approval").approvals().get(0);
        assertThat(approval.verified()).isTrue();
        assertThat(approval.keyFingerprint()).isEqualTo(leeFingerprint);
        assertThat(approval.approver()).isEqualTo("Lee Compliance");
        assertThat(state.record("change-approval").message())
                .isEqualTo("approved by Lee Compliance (COMPLIANCE), signed with key " + leeFingerprint);
        assertThat(robot.lookup(".wizard-message").queryAs(Labeled.class).getText())
                .doesNotContain("refused");

        assertThatTheOperatorsKeySignedTheJournal();
    }

    /** Every segment and checkpoint is the operator's personal key's: verify names it, and refuses any other key. */
    private void assertThatTheOperatorsKeySignedTheJournal() throws Exception {
        Path journals = new FlightdeckHome(home.resolve(".flightdeck")).journals();
        Path journal;
        try (Stream<Path> sessions = Files.list(journals)) {
            journal = sessions.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        String fingerprint = PublicKeys.fingerprint(dana);
        CliRun itself = CliRun.run(home, "journal", "verify", journal.toString(), "--allow-open");
        assertThat(itself.exitCode()).as(itself.out() + itself.err()).isZero();
        assertThat(itself.out()).contains("checked against the key recorded in the journal itself (" + fingerprint);

        Path published = Files.writeString(dir.resolve("dana.pub"), PublicKeys.toPem(dana));
        CliRun against = CliRun.run(
                home, "journal", "verify", journal.toString(), "--allow-open", "--public-key", published.toString());
        assertThat(against.exitCode()).as(against.out() + against.err()).isZero();
        assertThat(against.out()).contains("checked against the given public key " + fingerprint);
        System.out.println("operator's personal key in the console: "
                + itself.out()
                        .lines()
                        .filter(line -> line.contains(fingerprint))
                        .findFirst()
                        .orElseThrow());
    }
}
