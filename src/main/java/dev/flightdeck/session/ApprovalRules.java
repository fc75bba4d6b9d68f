package dev.flightdeck.session;

import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.StepAction;
import java.util.Locale;
import java.util.stream.Collectors;

/** Separation of duties at approval gates. */
final class ApprovalRules {

    private ApprovalRules() {}

    static void check(StepAction.Approve gate, StepRecord record, String operator, String approver, Role role)
            throws SessionRuleException {
        if (approver == null || approver.isBlank()) {
            throw new SessionRuleException("an approval needs the approver's name");
        }
        if (same(approver, operator)) {
            throw new SessionRuleException(approver.strip() + " is running this session and cannot approve its gates: "
                    + "another person with the " + role + " role must approve");
        }
        if (!gate.roles().contains(role)) {
            throw new SessionRuleException("this gate needs "
                    + gate.roles().stream().map(Role::name).collect(Collectors.joining(" and ")) + ", not " + role);
        }
        if (record.approvals().stream().anyMatch(given -> same(given.approver(), approver))) {
            throw new SessionRuleException(approver.strip()
                    + " has already approved this gate; each approval must come from a different person");
        }
        long ofRole = record.approvals().stream()
                .filter(given -> given.role().equals(role.name()))
                .count();
        if (ofRole >= gate.approversPerRole()) {
            throw new SessionRuleException("this gate already has the " + role + " approval it needs");
        }
    }

    static boolean isSatisfied(StepAction.Approve gate, StepRecord record) {
        return gate.roles().stream()
                .allMatch(role -> record.approvals().stream()
                                .filter(given -> given.role().equals(role.name()))
                                .count()
                        >= gate.approversPerRole());
    }

    static String approvers(StepRecord record) {
        return record.approvals().stream()
                .map(StepRecord.ApprovalRecord::describe)
                .collect(Collectors.joining("; "));
    }

    private static boolean same(String a, String b) {
        return a != null
                && b != null
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
