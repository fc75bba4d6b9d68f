package dev.flightdeck.runbook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The wizard's vocabulary. Each kind is written as one key in a step ({@code run: ...}) and names the
 * outputs later steps may refer to as {@code ${steps.ID.OUTPUT}}.
 */
public enum StepKind {
    CONFIRM("confirm", "Checklist item", List.of("note")),
    RUN("run", "Command", List.of("exit", "stdout", "output")),
    SQL("sql", "SQL", List.of("rows", "value", "hash")),
    HTTP("http", "HTTP check", List.of("status", "body", "latency")),
    APPROVE("approve", "Approval", List.of("approvers")),
    WAIT("wait", "Watch", List.of()),
    BASELINE("baseline", "Baseline", List.of("series")),
    BACKUP("backup", "Backup", List.of("file", "sha256", "size")),
    SNAPSHOT("snapshot", "Snapshot", List.of("name")),
    RESTORE("restore", "Restore", List.of("from")),
    VERIFY_DATA("verify-data", "Data check", List.of("tables", "differences")),
    PREFLIGHT("preflight", "Preflight", List.of("report")),
    NOTIFY("notify", "Notice", List.of());

    private final String key;
    private final String label;
    private final List<String> outputs;

    StepKind(String key, String label, List<String> outputs) {
        this.key = key;
        this.label = label;
        this.outputs = outputs;
    }

    /** The YAML key that introduces this kind of step. */
    public String key() {
        return key;
    }

    /** A short word for people ("Command", "Approval"). */
    public String label() {
        return label;
    }

    public List<String> outputs() {
        return outputs;
    }

    public static Optional<StepKind> ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key.equals(key)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(StepKind::key).toList();
    }
}
