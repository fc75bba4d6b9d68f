package dev.flightdeck.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.journal.verify.CheckpointSummary;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.metrics.collect.CollectorStatus;
import dev.flightdeck.metrics.signal.SignalCatalog;
import dev.flightdeck.metrics.store.RingSeries;
import dev.flightdeck.metrics.store.SeriesSnapshot;
import dev.flightdeck.metrics.store.SeriesStore;
import dev.flightdeck.review.ApprovalAudit;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEventCodec;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What {@code --json} prints: one JSON document per line, for scripts and CI. The field names here are the
 * contract documented in README.md ("Machine-readable output"); the texts inside are the ones the plain output prints.
 */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonOutput() {}

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes the document on one line and flushes, so a reader of a pipe sees each as it comes. */
    static void println(PrintWriter out, JsonNode document) {
        try {
            out.println(JSON.writeValueAsString(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
        out.flush();
    }

    static ObjectNode runbook(Runbook runbook) {
        ObjectNode node = object();
        node.put("id", runbook.id());
        node.put("title", runbook.title());
        node.put("source", runbook.source());
        node.put("phases", runbook.phases().size());
        node.put("steps", runbook.stepCount());
        return node;
    }

    static ObjectNode problem(Problem problem) {
        ObjectNode node = object();
        node.put("file", problem.file());
        if (problem.position().isKnown()) {
            node.put("line", problem.position().line());
            node.put("column", problem.position().column());
        } else {
            node.putNull("line");
            node.putNull("column");
        }
        node.put("severity", problem.severity().name().toLowerCase(Locale.ROOT));
        node.put("message", problem.message());
        return node;
    }

    static ObjectNode validation(List<String> files, List<Problem> problems) {
        ObjectNode node = object();
        node.put("valid", problems.stream().noneMatch(Problem::isError));
        ArrayNode fileNames = node.putArray("files");
        files.forEach(fileNames::add);
        node.put("errors", problems.stream().filter(Problem::isError).count());
        node.put(
                "warnings",
                problems.stream().filter(problem -> !problem.isError()).count());
        ArrayNode list = node.putArray("problems");
        problems.forEach(problem -> list.add(problem(problem)));
        return node;
    }

    /**
     * The whole verification report and the session's approvals: every line the plain output prints, as fields. The
     * approvals come from the same {@link ApprovalAudit.Result} the plain output formats.
     */
    static ObjectNode verification(VerificationReport report, ApprovalAudit.Result approvals, int exitCode) {
        ObjectNode node = object();
        node.put("journal", report.subject());
        node.put("verdict", report.verdict());
        node.put("intact", report.isIntact());
        node.put("sealed", report.isSealed());
        node.put("closed", report.isClosed());
        node.put("exitCode", exitCode);
        node.put("records", report.records());
        node.put("segments", report.segments());
        node.put("recordsAfterLastCheckpoint", report.recordsAfterLastCheckpoint());
        if (report.problem().isPresent()) {
            var problem = report.problem().get();
            ObjectNode first = node.putObject("problem");
            first.put("segment", problem.segment());
            first.put("offset", problem.offset());
            first.put("sequence", problem.sequence());
            first.put("what", problem.what());
            first.put("description", problem.describe());
        } else {
            node.putNull("problem");
        }
        ArrayNode tears = node.putArray("tornTails");
        report.tornTails().forEach(tear -> {
            ObjectNode item = tears.addObject();
            item.put("segment", tear.segment());
            item.put("offset", tear.offset());
            item.put("afterSequence", tear.afterSequence());
            item.put("bytes", tear.bytes());
            item.put("acknowledged", tear.acknowledged());
            item.put("description", tear.describe());
        });
        ArrayNode checkpoints = node.putArray("checkpoints");
        for (CheckpointSummary checkpoint : report.checkpoints()) {
            ObjectNode item = checkpoints.addObject();
            item.put("sequence", checkpoint.sequence());
            item.put("coveredSequence", checkpoint.coveredSequence());
            item.put("time", checkpoint.time().toString());
            item.put("reason", checkpoint.reason());
            item.put("closesSession", checkpoint.closesSession());
            item.put("shortHash", checkpoint.shortHash());
        }
        node.put("signatures", report.keyNote());
        node.put("everyRecordDecrypted", report.everyRecordDecrypted());
        ObjectNode content = node.putObject("content");
        content.put("committedRecords", report.content().committed());
        content.put("uncommittedRecords", report.content().uncommitted());
        content.put("openedCommitments", report.content().opened());
        content.put("description", report.content().describe());
        ObjectNode withheld = content.putObject("withheld");
        withheld.put("records", report.content().withheld().records());
        report.content().withheld().types().forEach(withheld.putObject("types")::put);
        report.content().withheld().steps().forEach(withheld.putObject("steps")::put);
        ArrayNode notes = node.putArray("notes");
        report.notes().forEach(notes::add);
        node.set("approvals", approvals(approvals));
        return node;
    }

    /** {@code {checkedAgainst, list: [{stepId, approver, role, keyFingerprint, verdict, mark, reason}]}}. */
    static ObjectNode approvals(ApprovalAudit.Result approvals) {
        ObjectNode node = object();
        node.put("checkedAgainst", approvals.checkedAgainst());
        node.put("anyRefused", approvals.anyRefused());
        ArrayNode list = node.putArray("list");
        for (ApprovalAudit.Line line : approvals.lines()) {
            ObjectNode item = list.addObject();
            item.put("stepId", line.stepId());
            item.put("approver", line.approver());
            item.put("role", line.role());
            item.put("keyFingerprint", line.fingerprint());
            item.put("verdict", line.verdict().name());
            item.put("mark", line.verdict().mark());
            item.put("reason", line.detail());
        }
        return node;
    }

    /** One sample round of {@code metrics}: the newest value of every series, and the sources that fail. */
    static ObjectNode metricsRound(SeriesStore store, List<CollectorStatus> collectors, Instant now) {
        ObjectNode node = object();
        node.put("time", now.toString());
        ArrayNode series = node.putArray("series");
        for (RingSeries one : store.all()) {
            SeriesSnapshot last = one.last(1);
            if (last.isEmpty()) {
                continue;
            }
            ObjectNode item = series.addObject();
            item.put("source", one.id().source());
            item.put("signal", one.id().signal());
            double value = last.valueAt(0);
            if (Double.isFinite(value)) {
                item.put("value", value);
            } else {
                item.putNull("value");
            }
            item.put("unit", SignalCatalog.unitOf(one.id().signal()).name().toLowerCase(Locale.ROOT));
            item.put("text", SignalCatalog.unitOf(one.id().signal()).format(value));
            item.put("sampledAt", Instant.ofEpochMilli(last.timeAt(0)).toString());
        }
        ArrayNode failing = node.putArray("failing");
        for (CollectorStatus status : collectors) {
            status.lastError().ifPresent(error -> {
                ObjectNode item = failing.addObject();
                item.put("source", status.source());
                item.put("error", error);
                item.put("attemptsInARow", status.failuresInARow());
            });
        }
        return node;
    }

    /** A session event as the journal records it: sequence, time, actor, type and the event's own fields. */
    static ObjectNode event(Recorded recorded) {
        ObjectNode node = object();
        node.put("sequence", recorded.sequence());
        node.put("time", recorded.time().toString());
        node.put("actor", recorded.actor());
        node.put("type", recorded.event().type());
        node.set("event", SessionEventCodec.encode(recorded.event()));
        return node;
    }
}
