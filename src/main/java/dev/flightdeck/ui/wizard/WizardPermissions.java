package dev.flightdeck.ui.wizard;

import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;

/** What the operator may do with the current step now: the rules the buttons and the shortcuts obey, as one function. */
final class WizardPermissions {

    private WizardPermissions() {}

    /**
     * @param row         the current step (null when none is left)
     * @param busy        a command is being carried out
     * @param canRollBack the emergency rollback is still possible in this window
     */
    static boolean allows(
            WizardViewModel.Action action, StepRow row, boolean busy, SessionState now, boolean canRollBack) {
        // a paused window (inconclusive analysis) is answered in its own card first
        if (row == null
                || busy
                || now.rollback() != SessionFold.RollbackState.NOT_STARTED
                || now.paused().isPresent()) {
            return false;
        }
        StepStatus status = row.statusProperty().get();
        StepKind kind = row.step().kind();
        return switch (action) {
            case RUN -> kind != StepKind.CONFIRM && kind != StepKind.APPROVE && status != StepStatus.RUNNING;
            case CONFIRM -> kind == StepKind.CONFIRM;
            case APPROVE -> kind == StepKind.APPROVE;
            case SKIP -> !row.step().required() && status != StepStatus.RUNNING;
            case MARK_DONE -> status == StepStatus.UNKNOWN || status == StepStatus.FAILED;
            case UNDO ->
                status == StepStatus.FAILED
                        && row.step().undo().isPresent()
                        && now.record(row.step().undo().get().id()).status() != StepStatus.SUCCEEDED;
            case ROLL_BACK -> (status == StepStatus.FAILED || status == StepStatus.UNKNOWN) && canRollBack;
        };
    }
}
