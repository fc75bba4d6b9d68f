package dev.flightdeck.rollback;

import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.session.StepStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pass/fail table of a rollback's verification: one row per check, as journaled in {@link SessionEvent.Verification}. */
public record VerificationTable(List<Row> rows) {

    public VerificationTable {
        rows = List.copyOf(rows);
    }

    /** One check: {@code result} is PASS, FAIL or UNKNOWN (could not run, or its outcome was never recorded). */
    public record Row(String number, String check, String kind, String result, String detail) {

        public boolean passed() {
            return result.equals("PASS");
        }

        /** The kind as the plan and the console name it ("Data check"); the journal keeps the runbook's key. */
        public String kindLabel() {
            return StepKind.ofKey(kind).map(StepKind::label).orElse(kind);
        }
    }

    public boolean passed() {
        return rows.stream().allMatch(Row::passed);
    }

    public long failures() {
        return rows.stream().filter(row -> !row.passed()).count();
    }

    /** The table as the session's records of the plan's verification entries say it is now. */
    public static VerificationTable of(RollbackPlan plan, SessionState state) {
        List<Row> rows = new ArrayList<>();
        for (RollbackPlan.Entry entry : plan.verification()) {
            StepRecord record = state.record(entry.step().id());
            String result = record.status() == StepStatus.SUCCEEDED
                    ? "PASS"
                    : record.status() == StepStatus.FAILED ? "FAIL" : "UNKNOWN";
            String detail = entry.blocker().orElse(record.message());
            rows.add(new Row(entry.number(), entry.title(), entry.step().kind().key(), result, detail));
        }
        return new VerificationTable(rows);
    }

    /** The table as it was journaled. */
    public static VerificationTable of(SessionEvent.Verification journaled) {
        return new VerificationTable(journaled.rows().stream()
                .map(row -> new Row(
                        row.getOrDefault("number", ""),
                        row.getOrDefault("check", ""),
                        row.getOrDefault("kind", ""),
                        row.getOrDefault("result", ""),
                        row.getOrDefault("detail", "")))
                .toList());
    }

    public List<Map<String, String>> journalRows() {
        return rows.stream()
                .map(row -> {
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("number", row.number());
                    fields.put("check", row.check());
                    fields.put("kind", row.kind());
                    fields.put("result", row.result());
                    fields.put("detail", row.detail());
                    return fields;
                })
                .toList();
    }

    /** A plain-text table for a terminal. */
    public String render() {
        int checkWidth = Math.max(
                5, rows.stream().mapToInt(row -> row.check().length()).max().orElse(0));
        String format = "  %-4s %-" + checkWidth + "s  %-12s  %-7s  %s%n";
        StringBuilder text =
                new StringBuilder(String.format(Locale.ROOT, format, "#", "check", "kind", "result", "detail"));
        for (Row row : rows) {
            text.append(String.format(
                    Locale.ROOT,
                    format,
                    row.number(),
                    row.check(),
                    row.kindLabel(),
                    row.result(),
                    firstLine(row.detail())));
        }
        return text.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end) + " …";
    }
}
