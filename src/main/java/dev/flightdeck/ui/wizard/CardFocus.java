package dev.flightdeck.ui.wizard;

import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.StepStatus;

/**
 * Where the focus goes when a step's card shows: what the step needs typed first, else the button that does it. A
 * function of the row, so the view only maps the answer to its control.
 */
public enum CardFocus {
    /** an approval gate: the approver's name */
    APPROVER_NAME,
    /** a step whose outcome is unknown, or a checklist item that needs a note: the note */
    NOTE,
    /** a checklist item: Confirm */
    CONFIRM,
    /** anything else: Run (or Retry) */
    RUN;

    public static CardFocus of(StepRow row) {
        if (row.step().kind() == StepKind.APPROVE) {
            return APPROVER_NAME;
        }
        if (row.statusProperty().get() == StepStatus.UNKNOWN
                || row.step().action() instanceof StepAction.Confirm confirm && confirm.noteRequired()) {
            return NOTE;
        }
        return row.step().kind() == StepKind.CONFIRM ? CONFIRM : RUN;
    }
}
