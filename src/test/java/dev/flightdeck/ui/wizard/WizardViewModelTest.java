package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.approval.RosterLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.ui.WizardTestSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's permissions and its projection of the session, without the toolkit: commands and their results run on
 * the calling thread, so each assertion sees the state the command left.
 */
class WizardViewModelTest {

    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    private Session session;
    private WizardViewModel wizard;

    @BeforeEach
    void open() {
        session = WizardTestSessions.confirmOnly(dir.resolve("journal"));
        wizard = new WizardViewModel(
                session, SAME_THREAD, SAME_THREAD, Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        session.close();
    }

    @Test
    void aChecklistItemMayOnlyBeConfirmed() {
        assertThat(allowed()).containsExactly(WizardViewModel.Action.CONFIRM);
        assertThat(wizard.currentProperty().get().titleProperty().get()).isEqualTo("First item");
        assertThat(wizard.progressProperty().get()).isEqualTo("Phase 1 of 1 · p · 0 of 2 steps done");
        assertThat(CardFocus.of(wizard.currentProperty().get())).isEqualTo(CardFocus.CONFIRM);
    }

    @Test
    void confirmingMovesTheProjectionToTheNextStep() {
        wizard.confirmCurrent("checked");

        assertThat(wizard.rows().get(0).statusProperty().get()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(wizard.currentProperty().get().step().id()).isEqualTo("two");
        assertThat(wizard.progressProperty().get()).endsWith("1 of 2 steps done");
        assertThat(wizard.phases())
                .singleElement()
                .satisfies(phase -> assertThat(phase.settled()).isEqualTo(1));
        assertThat(wizard.journalStatusProperty().get()).startsWith("Journal: ");
    }

    @Test
    void aCompleteSessionAllowsNoStepActionAndCloses() {
        wizard.confirmCurrent("");
        wizard.confirmCurrent("");

        assertThat(wizard.completeProperty().get()).isTrue();
        assertThat(wizard.currentProperty().get()).isNull();
        assertThat(allowed()).isEmpty();
        wizard.finishSession();
        assertThat(wizard.stateProperty().get().closed()).isPresent();
        assertThat(wizard.messageProperty().get()).startsWith("Session closed. Closing checkpoint ");
        assertThat(wizard.messageIsProblemProperty().get()).isFalse();
    }

    @Test
    void onceTheRollbackStartsNoStepOfTheWizardMayBeActedOn() {
        wizard.startRollback(step -> Optional.of("done"));

        assertThat(wizard.stateProperty().get().rollback()).isNotEqualTo(SessionFold.RollbackState.NOT_STARTED);
        assertThat(allowed()).isEmpty();
        assertThat(wizard.rollback().startedProperty().get()).isTrue();
    }

    @Test
    void aRequestForAnApproverElsewhereIsAlsoWrittenIntoTheJournalFolderAsTheRunCommandDoes() throws Exception {
        OperatorKey operatorKey = JournalFixture.newOperatorKey();
        Path journal = dir.resolve("gated");
        try (Session gated = WizardTestSessions.start(journal, """
                runbook: Gated
                phases:
                  - id: p
                    steps:
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                rollback:
                  - confirm: Rolled back
                """, Map.of(), operatorKey)) {
            String approverKey =
                    PublicKeys.toBase64(JournalFixture.newOperatorKey().publicKey());
            gated.recordRoster(
                    RosterLoader.parse(
                                    "team: Clinic North\npeople:\n  - name: Lee Compliance\n    roles: [COMPLIANCE]\n"
                                            + "    key: " + approverKey + "\n",
                                    "roster.yaml",
                                    Optional.empty())
                            .orElseThrow(),
                    operatorKey.publicKey());
            WizardViewModel view = new WizardViewModel(
                    gated,
                    SAME_THREAD,
                    SAME_THREAD,
                    Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
            view.writeApprovalRequestsInto(journal);

            view.requestApproval();

            Path file = journal.resolve("approval-request-gate.json");
            assertThat(view.messageIsProblemProperty().get())
                    .as(view.messageProperty().get())
                    .isFalse();
            assertThat(view.approvalRequestFileProperty().get()).isEqualTo(file.toString());
            assertThat(view.messageProperty().get()).contains("the file " + file);
            ApprovalRequest written = ApprovalRequest.read(file.toString());
            assertThat(written)
                    .isEqualTo(
                            ApprovalRequest.read(view.approvalRequestProperty().get()));
            assertThat(written.stepId()).isEqualTo("gate");
            assertThat(written.roles()).containsExactly("COMPLIANCE");
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void aStepThatPassedWithWarningsIsShownAsSuchNotAsAPlainTick() {
        // the key a preflight sets when a check warned (DatabaseStepExecutor), from a step executor on this thread
        StepExecutor warns = run -> StepResult.succeeded(
                "preflight of clinic: 1 warning — long-running transactions: 1 open", Map.of(StepRecord.WARNINGS, "1"));
        try (Session checked = WizardTestSessions.start(dir.resolve("warned"), """
                runbook: Warned
                phases:
                  - id: p
                    steps:
                      - id: look
                        title: Look before changing
                        run: "true"
                        on: local
                      - id: two
                        confirm: Second item
                rollback:
                  - confirm: Rolled back
                """, Map.of(StepKind.RUN, warns))) {
            WizardViewModel view = new WizardViewModel(
                    checked,
                    SAME_THREAD,
                    SAME_THREAD,
                    Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC));
            StepRow row = view.rows().get(0);
            assertThat(row.glyph()).isEqualTo("▶");
            assertThat(CardFocus.of(row)).as("a command: its Run button").isEqualTo(CardFocus.RUN);

            view.runCurrent();

            assertThat(row.statusProperty().get()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(row.glyph()).isEqualTo("⚠");
            assertThat(row.statusText()).isEqualTo("passed with 1 warning");
            assertThat(row.statusStyle()).isEqualTo("status-warned");
            assertThat(view.rows().get(1).glyph()).as("the next step is ready").isEqualTo("▶");
        }
    }

    @Test
    void anInconclusiveAnalysisPausesTheStepsUntilTheOperatorContinues() {
        session.recordInconclusive(
                "error_rate > 5%",
                "inconclusive",
                "app1/error_rate",
                List.of("app1: 2.50% is inconclusive (between 1.00% to 5.00%, neither healthy nor failed)"));

        assertThat(wizard.pauseProperty().get())
                .isEqualTo("Paused: rule 'error_rate > 5%' is inconclusive on app1/error_rate. No step starts until "
                        + "you continue the window or roll back.");
        assertThat(wizard.pauseEvidenceProperty().get()).startsWith("app1: 2.50% is inconclusive");
        assertThat(allowed()).as("no step action while paused").isEmpty();

        wizard.continuePaused("known noise");

        assertThat(wizard.pauseProperty().get()).isEmpty();
        assertThat(wizard.stateProperty().get().paused()).isEmpty();
        assertThat(allowed()).containsExactly(WizardViewModel.Action.CONFIRM);
        assertThat(wizard.messageProperty().get())
                .isEqualTo("The window goes on, as " + session.operator() + " decided.");
    }

    private List<WizardViewModel.Action> allowed() {
        return Arrays.stream(WizardViewModel.Action.values())
                .filter(action -> wizard.allowedProperty(action).get())
                .toList();
    }
}
