package dev.flightdeck.review;

import dev.flightdeck.approval.ApprovalCheck;
import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.RosterLoader;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.verify.CheckpointSummary;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every approval of a session, checked again after the fact: a signed one against the roster the journal recorded (or
 * one the reviewer passes), with the same rules the session applied ({@link ApprovalCheck}); a typed one is
 * <em>unverified</em>, never shown as proven. What {@code journal verify}, {@code journal show} and the report list.
 */
public final class ApprovalAudit {

    public enum Verdict {
        VERIFIED("✓"),
        REFUSED("✗"),
        UNVERIFIED("unverified"),
        /** Only the checkpoint's reason was read (no passphrase): the signature was not checked. */
        NOT_CHECKED("?");

        private final String mark;

        Verdict(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    /** One approval as the reviewer sees it; {@code fingerprint} is null for a typed approval. */
    public record Line(
            String stepId, String approver, String role, String fingerprint, Verdict verdict, String detail) {
        public String format() {
            return "  " + verdict.mark() + " " + stepId + ": " + approver + " (" + role + ")"
                    + (fingerprint == null ? "" : ", key " + fingerprint) + " — " + detail;
        }
    }

    /** The approvals and what they were checked against ("the roster 'Clinic North' (SHA-256 …) recorded in the journal"). */
    public record Result(String checkedAgainst, List<Line> lines) {
        public List<String> format() {
            List<String> text = new ArrayList<>();
            text.add("approvals: " + (lines.isEmpty() ? "none" : lines.size() + ", checked against " + checkedAgainst));
            lines.forEach(line -> text.add(line.format()));
            return text;
        }

        public boolean anyRefused() {
            return lines.stream().anyMatch(line -> line.verdict() == Verdict.REFUSED);
        }
    }

    private ApprovalAudit() {}

    /** The session's approvals checked against {@code given} (a reviewer's {@code --roster}), else the journaled roster. */
    public static Result of(List<Recorded> history, Optional<Roster> given) {
        Optional<SessionEvent.SessionOpened> opened = first(history, SessionEvent.SessionOpened.class);
        Optional<SessionEvent.SessionRoster> journaled = first(history, SessionEvent.SessionRoster.class);
        RosterChoice choice = rosterChoice(journaled, given);
        PublicKey operatorKey = journaled
                .map(r -> PublicKeys.fromBase64OrNull(r.operatorPublicKey()))
                .orElse(null);
        Map<String, String> requests = new HashMap<>();
        List<Line> lines = new ArrayList<>();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.ApprovalRequested request) {
                requests.put(request.stepId(), request.chainHead());
            } else if (recorded.event() instanceof SessionEvent.Approval approval) {
                lines.add(check(
                        approval, opened, choice, Optional.ofNullable(requests.get(approval.stepId())), operatorKey));
            }
        }
        return new Result(choice.description(), lines);
    }

    private record RosterChoice(Optional<Roster> roster, String description, Optional<String> problem) {}

    private static RosterChoice rosterChoice(Optional<SessionEvent.SessionRoster> journaled, Optional<Roster> given) {
        if (given.isPresent()) {
            String recorded = journaled
                    .map(r -> r.rosterSha256().equals(given.get().sha256())
                            ? " (the one the journal recorded)"
                            : " (the journal recorded another: SHA-256 "
                                    + r.rosterSha256().substring(0, 12) + "…)")
                    .orElse(" (the journal recorded none)");
            return new RosterChoice(
                    given, given.get().describe() + " given with --roster" + recorded, Optional.empty());
        }
        if (journaled.isEmpty()) {
            return new RosterChoice(
                    Optional.empty(), "no roster (none was recorded at the session's start)", Optional.empty());
        }
        SessionEvent.SessionRoster recorded = journaled.get();
        String digest = Sha256.hex(Sha256.of(recorded.rosterText().getBytes(StandardCharsets.UTF_8)));
        if (!digest.equals(recorded.rosterSha256())) {
            return new RosterChoice(
                    Optional.empty(),
                    "the roster recorded in the journal",
                    Optional.of("the roster's text in the journal does not match its recorded SHA-256"));
        }
        var parsed = RosterLoader.parse(
                recorded.rosterText(), "the journaled roster", Optional.ofNullable(recorded.rosterSignedBy()));
        if (!parsed.isValid()) {
            return new RosterChoice(
                    Optional.empty(),
                    "the roster recorded in the journal",
                    Optional.of("the roster recorded in the journal cannot be read: "
                            + parsed.errors().get(0).format()));
        }
        return new RosterChoice(
                parsed.value(), parsed.value().get().describe() + " recorded in the journal", Optional.empty());
    }

    private static Line check(
            SessionEvent.Approval approval,
            Optional<SessionEvent.SessionOpened> opened,
            RosterChoice choice,
            Optional<String> requestChainHead,
            PublicKey operatorKey) {
        if (!approval.signed()) {
            return new Line(
                    approval.stepId(),
                    approval.approver(),
                    approval.role(),
                    null,
                    Verdict.UNVERIFIED,
                    "unverified approval: a typed name, nothing the approver signed (no roster)");
        }
        Optional<SignedApproval> signed = signedApproval(approval, opened);
        if (signed.isEmpty()) {
            return refused(approval, "the journaled signature or key cannot be read");
        }
        if (choice.problem().isPresent()) {
            return refused(approval, choice.problem().get());
        }
        if (choice.roster().isEmpty()) {
            return new Line(
                    approval.stepId(),
                    approval.approver(),
                    approval.role(),
                    approval.keyFingerprint(),
                    Verdict.UNVERIFIED,
                    "signed, but there is no roster to check the key against (pass --roster FILE)");
        }
        Role role;
        try {
            role = Role.valueOf(approval.role().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return refused(approval, "unknown role " + approval.role());
        }
        ApprovalCheck.Verdict verdict = ApprovalCheck.check(
                signed.get(),
                new ApprovalCheck.Gate(
                        opened.get().sessionId(),
                        approval.stepId(),
                        opened.get().runbookSha256(),
                        List.of(role),
                        requestChainHead,
                        operatorKey),
                choice.roster().get());
        if (verdict instanceof ApprovalCheck.Accepted accepted) {
            return new Line(
                    approval.stepId(),
                    approval.approver(),
                    approval.role(),
                    approval.keyFingerprint(),
                    Verdict.VERIFIED,
                    "signed by " + accepted.person().name() + ", who holds " + accepted.role() + " in the roster");
        }
        return refused(approval, ((ApprovalCheck.Refused) verdict).reason());
    }

    private static Line refused(SessionEvent.Approval approval, String reason) {
        return new Line(
                approval.stepId(),
                approval.approver(),
                approval.role(),
                approval.keyFingerprint(),
                Verdict.REFUSED,
                reason);
    }

    private static Optional<SignedApproval> signedApproval(
            SessionEvent.Approval approval, Optional<SessionEvent.SessionOpened> opened) {
        PublicKey key = PublicKeys.fromBase64OrNull(approval.publicKey());
        if (key == null || opened.isEmpty() || approval.signedAt() == null || approval.chainHead() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SignedApproval(
                    opened.get().sessionId(),
                    approval.stepId(),
                    opened.get().runbookSha256(),
                    approval.chainHead(),
                    Instant.parse(approval.signedAt()),
                    approval.role(),
                    approval.approver(),
                    approval.note() == null ? "" : approval.note(),
                    key,
                    Base64.getDecoder().decode(approval.signature())));
        } catch (DateTimeParseException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static final Pattern CHECKPOINT_REASON =
            Pattern.compile("approval of (\\S+) by (.+) \\(([A-Z]+)\\)(?: key ([0-9a-f-]{19}))?");

    /**
     * Without the passphrase only the checkpoints' reasons (in the clear) say who approved: listed, but nothing signed is
     * checked. A typed approval is still plainly unverified.
     */
    public static Result fromCheckpoints(List<CheckpointSummary> checkpoints) {
        List<Line> lines = new ArrayList<>();
        for (CheckpointSummary checkpoint : checkpoints) {
            Matcher matcher = CHECKPOINT_REASON.matcher(checkpoint.reason());
            if (matcher.matches()) {
                String fingerprint = matcher.group(4);
                lines.add(
                        fingerprint == null
                                ? new Line(
                                        matcher.group(1),
                                        matcher.group(2),
                                        matcher.group(3),
                                        null,
                                        Verdict.UNVERIFIED,
                                        "unverified approval: a typed name, nothing the approver signed (no roster)")
                                : new Line(
                                        matcher.group(1),
                                        matcher.group(2),
                                        matcher.group(3),
                                        fingerprint,
                                        Verdict.NOT_CHECKED,
                                        "signed; the signature is checked with --decrypt or in the evidence pack"));
            }
        }
        return new Result("nothing: the records are encrypted (read from the checkpoints' reasons)", lines);
    }

    private static <T extends SessionEvent> Optional<T> first(List<Recorded> history, Class<T> type) {
        return history.stream()
                .map(Recorded::event)
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst();
    }
}
