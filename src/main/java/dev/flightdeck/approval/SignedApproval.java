package dev.flightdeck.approval;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * An approval signed with the approver's personal key over {@link #signedBytes()}: the session, the gate, the
 * runbook's SHA-256, the chain head of the request it answers, the time, the role, the approver's name and the note.
 * Changing any of them (a word of the note included) breaks the signature. See docs/journal.md, "Signed approvals".
 *
 * @param signedAt milliseconds precision (what is signed)
 */
public record SignedApproval(
        String sessionId,
        String stepId,
        String runbookSha256,
        String chainHead,
        Instant signedAt,
        String role,
        String approver,
        String note,
        PublicKey publicKey,
        byte[] signature) {

    public static final String FORMAT = "flightdeck-signed-approval-v1";
    static final byte[] DOMAIN = "flightdeck-approval-v1".getBytes(StandardCharsets.US_ASCII);

    /** The approver's answer to {@code request}, signed now with their key. */
    public static SignedApproval sign(ApprovalRequest request, String role, String note, PersonalKey key, Instant now) {
        Instant signedAt = Instant.ofEpochMilli(now.toEpochMilli());
        SignedApproval unsigned = new SignedApproval(
                request.sessionId(),
                request.stepId(),
                request.runbookSha256(),
                request.chainHead(),
                signedAt,
                role,
                key.name(),
                note == null ? "" : note.strip(),
                key.publicKey(),
                new byte[0]);
        return unsigned.withSignature(key.sign(unsigned.signedBytes()));
    }

    private SignedApproval withSignature(byte[] signatureBytes) {
        return new SignedApproval(
                sessionId, stepId, runbookSha256, chainHead, signedAt, role, approver, note, publicKey, signatureBytes);
    }

    /**
     * {@code "flightdeck-approval-v1"} (22 ASCII bytes), then session id, step id, runbook SHA-256 (hex), chain head
     * (hex), each as u32 big-endian length ‖ UTF-8; signedAt as i64 big-endian epoch milliseconds; then role, approver
     * and note, each as u32 length ‖ UTF-8.
     */
    public byte[] signedBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(DOMAIN);
        for (String field : new String[] {sessionId, stepId, runbookSha256, chainHead}) {
            field(out, field);
        }
        out.writeBytes(
                ByteBuffer.allocate(Long.BYTES).putLong(signedAt.toEpochMilli()).array());
        for (String field : new String[] {role, approver, note}) {
            field(out, field);
        }
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    public boolean signatureMatches() {
        return OperatorKey.verify(publicKey, signedBytes(), signature);
    }

    public String fingerprint() {
        return PublicKeys.groupedFingerprint(publicKey);
    }

    public String signatureBase64() {
        return Base64.getEncoder().encodeToString(signature);
    }

    public ObjectNode toJson() {
        return ApprovalText.JSON
                .createObjectNode()
                .put("format", FORMAT)
                .put("sessionId", sessionId)
                .put("stepId", stepId)
                .put("runbookSha256", runbookSha256)
                .put("chainHead", chainHead)
                .put("signedAt", signedAt.toString())
                .put("role", role)
                .put("approver", approver)
                .put("note", note)
                .put("publicKey", PublicKeys.toBase64(publicKey))
                .put("signature", signatureBase64());
    }

    public String toLine() {
        return ApprovalText.line(FORMAT, toJson());
    }

    public byte[] toFile() {
        return ApprovalText.file(toJson());
    }

    /** A signed approval from its file or pasted line; {@link IllegalArgumentException} says what is wrong. */
    public static SignedApproval read(String textOrFile) {
        ObjectNode json = ApprovalText.read(textOrFile, FORMAT, "signed approval");
        return fromJson(json);
    }

    static SignedApproval fromJson(ObjectNode json) {
        String what = "signed approval";
        PublicKey key = PublicKeys.fromBase64OrNull(ApprovalText.text(json, "publicKey", what));
        if (key == null) {
            throw new IllegalArgumentException("the signed approval's publicKey is not an Ed25519 key");
        }
        try {
            return new SignedApproval(
                    ApprovalText.text(json, "sessionId", what),
                    ApprovalText.text(json, "stepId", what),
                    ApprovalText.text(json, "runbookSha256", what),
                    ApprovalText.text(json, "chainHead", what),
                    Instant.parse(ApprovalText.text(json, "signedAt", what)),
                    ApprovalText.text(json, "role", what),
                    ApprovalText.text(json, "approver", what),
                    ApprovalText.text(json, "note", what),
                    key,
                    Base64.getDecoder().decode(ApprovalText.text(json, "signature", what)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("the signed approval's signedAt is not a time (" + e.getMessage() + ")");
        }
    }
}
