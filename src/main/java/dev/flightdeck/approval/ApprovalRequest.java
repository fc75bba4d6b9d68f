package dev.flightdeck.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operator sends an approver: which session, gate, runbook and chain head the approval will be bound to, and
 * what the approver needs to decide (the step, its reason, what comes next). Only the binding fields are signed
 * ({@link SignedApproval}); the rest is for the approver's eyes. See docs/journal.md, "Approval requests".
 *
 * @param chainHead the journal's chain hash (hex) when the request was made: an approval answers exactly this request
 */
public record ApprovalRequest(
        String sessionId,
        String stepId,
        List<String> roles,
        String runbookId,
        String runbookTitle,
        String runbookSha256,
        String chainHead,
        Instant requestedAt,
        String operator,
        String stepTitle,
        String reason,
        List<String> nextSteps) {

    public static final String FORMAT = "flightdeck-approval-request-v1";

    public ApprovalRequest {
        roles = List.copyOf(roles);
        nextSteps = List.copyOf(nextSteps);
    }

    /** "gate compliance-approval · session 5f0c2a1e · chain 3f2a-9c1b-77d0-e4a2": what both sides compare. */
    public String shortText() {
        return "gate " + stepId + " · session " + sessionId.substring(0, 8) + " · chain " + chainHead.substring(0, 4)
                + "-" + chainHead.substring(4, 8) + "-" + chainHead.substring(8, 12) + "-"
                + chainHead.substring(12, 16);
    }

    public ObjectNode toJson() {
        ObjectNode json = ApprovalText.JSON
                .createObjectNode()
                .put("format", FORMAT)
                .put("sessionId", sessionId)
                .put("stepId", stepId);
        ArrayNode roleArray = json.putArray("roles");
        roles.forEach(roleArray::add);
        json.put("runbookId", runbookId)
                .put("runbookTitle", runbookTitle)
                .put("runbookSha256", runbookSha256)
                .put("chainHead", chainHead)
                .put("requestedAt", requestedAt.toString())
                .put("operator", operator)
                .put("stepTitle", stepTitle)
                .put("reason", reason);
        ArrayNode next = json.putArray("nextSteps");
        nextSteps.forEach(next::add);
        return json;
    }

    /** The one line to paste. */
    public String toLine() {
        return ApprovalText.line(FORMAT, toJson());
    }

    public byte[] toFile() {
        return ApprovalText.file(toJson());
    }

    /**
     * Writes the request as {@code approval-request-STEP.json} into {@code folder} (the session's journal folder, where
     * {@code flightdeck run} and the console both put it), readable by its owner only, durably; returns the file.
     */
    public Path writeInto(Path folder) throws IOException {
        Path file = folder.resolve("approval-request-" + stepId + ".json");
        DurableWrites.writeOwnerOnly(file, toFile());
        return file;
    }

    /** A request from its file or its pasted line; {@link IllegalArgumentException} says what is wrong. */
    public static ApprovalRequest read(String textOrFile) {
        ObjectNode json = ApprovalText.read(textOrFile, FORMAT, "approval request");
        String what = "approval request";
        return new ApprovalRequest(
                ApprovalText.text(json, "sessionId", what),
                ApprovalText.text(json, "stepId", what),
                texts(json.path("roles")),
                ApprovalText.text(json, "runbookId", what),
                ApprovalText.text(json, "runbookTitle", what),
                ApprovalText.text(json, "runbookSha256", what),
                ApprovalText.text(json, "chainHead", what),
                Instant.parse(ApprovalText.text(json, "requestedAt", what)),
                ApprovalText.text(json, "operator", what),
                ApprovalText.text(json, "stepTitle", what),
                json.path("reason").asText(""),
                texts(json.path("nextSteps")));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
