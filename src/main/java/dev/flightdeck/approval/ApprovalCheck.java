package dev.flightdeck.approval;

import dev.flightdeck.runbook.Role;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a signed approval proves what it claims: the signature matches its content, it answers this session's open
 * request at this gate (same session, gate, runbook and chain head), and its key is a roster person's, not the
 * operator's, holding the role the gate needs. The session checks before it journals an approval; the reviewer's
 * {@code journal verify} checks again against the roster recorded in the journal.
 */
public final class ApprovalCheck {

    /**
     * What an approval must be bound to.
     *
     * @param requestChainHead the chain head of the gate's open request (hex), empty when none was made
     * @param operatorKey      the key signing the session's checkpoints: it never approves (null when unknown)
     */
    public record Gate(
            String sessionId,
            String stepId,
            String runbookSha256,
            List<Role> roles,
            Optional<String> requestChainHead,
            PublicKey operatorKey) {}

    public sealed interface Verdict {
        boolean accepted();
    }

    /** The signature is the roster person's and they hold the role. */
    public record Accepted(RosterPerson person, Role role) implements Verdict {
        public boolean accepted() {
            return true;
        }
    }

    public record Refused(String reason) implements Verdict {
        public boolean accepted() {
            return false;
        }
    }

    private ApprovalCheck() {}

    public static Verdict check(SignedApproval approval, Gate gate, Roster roster) {
        String key = "key " + approval.fingerprint();
        if (!approval.signatureMatches()) {
            return new Refused(
                    "the signature of " + key + " does not match the approval's content: its note, time, role"
                            + " or gate was changed after it was signed");
        }
        if (!approval.sessionId().equals(gate.sessionId())) {
            return new Refused("this approval was signed for another session (" + approval.sessionId()
                    + "), not this one (" + gate.sessionId() + ")");
        }
        if (!approval.stepId().equals(gate.stepId())) {
            return new Refused("this approval was signed for gate '" + approval.stepId() + "', not for gate '"
                    + gate.stepId() + "'");
        }
        if (!approval.runbookSha256().equals(gate.runbookSha256())) {
            return new Refused("this approval was signed for another version of the runbook (SHA-256 "
                    + approval.runbookSha256()
                            .substring(0, Math.min(12, approval.runbookSha256().length())) + "…)");
        }
        if (gate.requestChainHead().isEmpty()) {
            return new Refused("no approval was requested at gate '" + gate.stepId() + "' in this session");
        }
        if (!approval.chainHead().equals(gate.requestChainHead().get())) {
            return new Refused("this approval answers a request made at chain head " + shortHead(approval.chainHead())
                    + ", not the open request at gate '" + gate.stepId() + "' (chain head "
                    + shortHead(gate.requestChainHead().get()) + ")");
        }
        if (gate.operatorKey() != null
                && Arrays.equals(
                        approval.publicKey().getEncoded(), gate.operatorKey().getEncoded())) {
            return new Refused(key + " is the operator's own key, which signs this session: the operator never "
                    + "approves their own gate");
        }
        Optional<RosterPerson> person = roster.holder(approval.publicKey());
        if (person.isEmpty()) {
            return new Refused(key + " (" + approval.approver() + ") is not in " + roster.describe()
                    + "; the roster's roles: " + roster.rolesSummary());
        }
        Role role;
        try {
            role = Role.valueOf(approval.role().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return new Refused("the approval names an unknown role '" + approval.role() + "'");
        }
        if (!person.get().roles().contains(role)) {
            return new Refused(key + " (" + person.get().name() + ") does not hold the " + role + " role in "
                    + roster.describe() + "; the roster's roles: " + roster.rolesSummary());
        }
        if (!gate.roles().contains(role)) {
            return new Refused("gate '" + gate.stepId() + "' needs "
                    + gate.roles().stream().map(Role::name).collect(Collectors.joining(" and ")) + ", not " + role);
        }
        return new Accepted(person.get(), role);
    }

    private static String shortHead(String hex) {
        return hex.length() < 16
                ? hex
                : hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                        + hex.substring(12, 16);
    }
}
