package dev.flightdeck.session;

import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import java.util.List;

/** The approval request of a gate, as the session's state describes it for the approver. */
final class ApprovalRequests {

    /** How many of the steps after the gate the approver is shown ("what comes next"). */
    static final int NEXT_STEPS_SHOWN = 3;

    private ApprovalRequests() {}

    static ApprovalRequest of(SessionState state, Step step, StepAction.Approve gate) {
        SessionEvent.SessionOpened opening = state.opened().orElseThrow();
        SessionState.OpenRequest open = state.approvalRequests().get(step.id());
        List<Step> steps = state.runbook().steps().toList();
        int at = steps.indexOf(step);
        List<String> next = steps.subList(at + 1, Math.min(steps.size(), at + 1 + NEXT_STEPS_SHOWN)).stream()
                .map(later -> state.runbook().numberOf(later.id()) + " " + state.title(later))
                .toList();
        return new ApprovalRequest(
                opening.sessionId(),
                step.id(),
                gate.roles().stream().map(Role::name).toList(),
                opening.runbookId(),
                opening.runbookTitle(),
                opening.runbookSha256(),
                open.chainHead(),
                open.requestedAt(),
                opening.operator(),
                state.runbook().numberOf(step.id()) + " " + state.title(step),
                gate.reason(),
                next);
    }
}
