package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.text.Durations;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the value under a step's kind key ({@code run: ...}, {@code approve: {...}}) into a {@link StepAction}.
 * Most kinds accept a short form (text) and a long form (a mapping).
 */
final class ActionReader {

    private final Problems problems;

    ActionReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * @param step the step's own mapping, for keys that sit beside the kind key (such as {@code database:} for sql)
     */
    Optional<StepAction> read(StepKind kind, YamlNode value, MappingReader step) {
        String what = step.what() + " (" + kind.key() + ")";
        return switch (kind) {
            case CONFIRM -> confirm(value, what);
            case RUN -> text(value, what, "command").map(StepAction.Run::new);
            case SQL -> sql(value, what, step);
            case HTTP -> http(value, what);
            case APPROVE -> approve(value, what);
            case WAIT -> waitFor(value, what);
            case BASELINE -> baseline(value, what);
            case BACKUP ->
                mapping(value, what, Set.of("database", "format", "directory")).map(m -> backup(m));
            case SNAPSHOT -> databaseOnly(value, what).map(StepAction.Snapshot::new);
            case RESTORE ->
                mapping(value, what, Set.of("database", "from"))
                        .map(m -> new StepAction.Restore(m.requiredText("database"), m.text("from")));
            case VERIFY_DATA ->
                mapping(value, what, Set.of("database", "tables", "compare-to", "hash-columns"))
                        .map(this::verifyData);
            case PREFLIGHT -> databaseOnly(value, what).map(StepAction.Preflight::new);
            case NOTIFY -> notify(value, what);
        };
    }

    private Optional<StepAction> confirm(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "text").map(text -> new StepAction.Confirm(text, false));
        }
        return mapping(value, what, Set.of("text", "note")).map(m -> {
            String note = m.text("note").orElse("optional");
            if (!note.equals("optional") && !note.equals("required")) {
                problems.error(
                        m.positionOf("note"),
                        "'note' in " + what + " must be 'optional' or 'required', not '" + note + "'");
            }
            return new StepAction.Confirm(m.requiredText("text"), note.equals("required"));
        });
    }

    private Optional<StepAction> sql(YamlNode value, String what, MappingReader step) {
        if (value.isScalar()) {
            Optional<String> statement = text(value, what, "statement");
            if (!step.has("database")) {
                problems.error(step.position(), what + " needs 'database:' naming the inventory database to run on");
            }
            return statement.map(
                    s -> new StepAction.Sql(s, step.text("database").orElse(""), List.of(), false));
        }
        return mapping(value, what, Set.of("statement", "database", "parameters", "journal-rows"))
                .map(m -> {
                    String database =
                            m.text("database").or(() -> step.text("database")).orElse("");
                    if (database.isEmpty()) {
                        problems.error(
                                m.position(), what + " needs 'database:' naming the inventory database to run on");
                    }
                    return new StepAction.Sql(
                            m.requiredText("statement"),
                            database,
                            m.textList("parameters"),
                            m.bool("journal-rows", false));
                });
    }

    private Optional<StepAction> http(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "endpoint").map(e -> new StepAction.Http(e, "GET", Map.of(), Optional.empty()));
        }
        return mapping(value, what, Set.of("endpoint", "url", "method", "headers", "body"))
                .map(m -> {
                    String endpoint = m.text("endpoint").or(() -> m.text("url")).orElse("");
                    if (endpoint.isEmpty()) {
                        problems.error(m.position(), what + " needs 'endpoint:' (a name from the inventory) or 'url:'");
                    }
                    String method = m.text("method").orElse("GET").toUpperCase(Locale.ROOT);
                    if (!Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                            .contains(method)) {
                        problems.error(m.positionOf("method"), "'" + method + "' is not an HTTP method");
                    }
                    return new StepAction.Http(endpoint, method, m.textMap("headers"), m.text("body"));
                });
    }

    private Optional<StepAction> approve(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "role")
                    .flatMap(role -> role(role, value, what))
                    .map(role -> new StepAction.Approve(List.of(role), "", 1));
        }
        return mapping(value, what, Set.of("role", "roles", "reason", "approvers"))
                .map(m -> {
                    List<String> names = new ArrayList<>(m.textList("role"));
                    names.addAll(m.textList("roles"));
                    if (names.isEmpty()) {
                        problems.error(m.position(), what + " needs 'role:' (one of " + roleNames() + ")");
                    }
                    List<Role> roles = names.stream()
                            .map(name -> role(
                                    name,
                                    m.node("role").or(() -> m.node("roles")).orElse(value),
                                    what))
                            .flatMap(Optional::stream)
                            .distinct()
                            .toList();
                    int approvers = m.integer("approvers", 1, 5).orElse(1);
                    return new StepAction.Approve(roles, m.text("reason").orElse(""), approvers);
                });
    }

    private Optional<Role> role(String name, YamlNode at, String what) {
        try {
            return Optional.of(Role.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            problems.error(
                    at.position(),
                    "unknown role '" + name + "' in " + what + ": use one of " + roleNames()
                            + DidYouMean.hint(name.toUpperCase(Locale.ROOT), roleNames()));
            return Optional.empty();
        }
    }

    private static List<String> roleNames() {
        return Arrays.stream(Role.values()).map(Role::name).toList();
    }

    private Optional<StepAction> waitFor(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "duration")
                    .flatMap(text -> duration(text, value, what))
                    .map(d -> new StepAction.Wait(d, ""));
        }
        return mapping(value, what, Set.of("duration", "watch")).flatMap(m -> {
            Optional<Duration> duration = m.duration("duration");
            if (!m.has("duration")) {
                problems.error(m.position(), what + " is missing the required key 'duration'");
            }
            return duration.map(d -> new StepAction.Wait(d, m.text("watch").orElse("")));
        });
    }

    private Optional<StepAction> baseline(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "window")
                    .flatMap(text -> duration(text, value, what))
                    .filter(window -> fitsTheHistory(window, value.position(), what))
                    .map(window -> new StepAction.Baseline(window, List.of()));
        }
        return mapping(value, what, Set.of("window", "require")).flatMap(m -> {
            if (!m.has("window")) {
                problems.error(m.position(), what + " is missing the required key 'window'");
            }
            List<String> required = m.textList("require").stream()
                    .map(signal -> requiredSignal(signal, m, what))
                    .distinct()
                    .toList();
            return m.duration("window")
                    .filter(window -> fitsTheHistory(window, m.positionOf("window"), what))
                    .map(window -> new StepAction.Baseline(window, required));
        });
    }

    private boolean fitsTheHistory(Duration window, Position at, String what) {
        if (window.isZero() || window.compareTo(StepAction.Baseline.LONGEST_WINDOW) > 0) {
            problems.error(
                    at,
                    "the window of " + what + " must be longer than 0s and at most "
                            + Durations.format(StepAction.Baseline.LONGEST_WINDOW)
                            + " (the readings the instruments keep), not " + Durations.format(window));
            return false;
        }
        return true;
    }

    /** A signal the baseline must cover, by its canonical name; one only a Prometheus endpoint knows is kept as written. */
    private String requiredSignal(String written, MappingReader m, String what) {
        // written as in a trigger rule: "response time" is response_time, the p95 latency
        String signal = written.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "_");
        Optional<String> canonical = Signals.canonical(signal);
        if (canonical.isEmpty()) {
            problems.warning(
                    m.positionOf("require"),
                    "no collector measures '" + signal + "' required by " + what
                            + "; it must come from a Prometheus endpoint or the inventory's prometheus: signals"
                            + DidYouMean.hint(signal, Signals.known()));
        }
        return canonical.orElse(signal);
    }

    private Optional<Duration> duration(String text, YamlNode at, String what) {
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            problems.error(
                    at.position(),
                    Durations.isOutOfRange(text)
                            ? what + " is out of range: '" + text + "' is longer than the longest duration allowed ("
                                    + Durations.format(Durations.LONGEST) + ")"
                            : what + " must be " + Durations.EXPECTED + ", not '" + text + "'");
        }
        return parsed;
    }

    private StepAction backup(MappingReader m) {
        String format = m.text("format").orElse("custom");
        StepAction.BackupFormat parsed = switch (format) {
            case "custom" -> StepAction.BackupFormat.CUSTOM;
            case "plain" -> StepAction.BackupFormat.PLAIN;
            default -> {
                problems.error(
                        m.positionOf("format"),
                        "'format' must be 'custom' (pg_dump -Fc) or 'plain', not '" + format + "'");
                yield StepAction.BackupFormat.CUSTOM;
            }
        };
        return new StepAction.Backup(m.requiredText("database"), parsed, m.text("directory"));
    }

    private StepAction verifyData(MappingReader m) {
        Map<String, List<String>> hashColumns = new LinkedHashMap<>();
        m.node("hash-columns")
                .ifPresent(node -> MappingReader.of(node, "'hash-columns' of " + m.what(), keysOf(node), problems)
                        .ifPresent(columns ->
                                keysOf(node).forEach(table -> hashColumns.put(table, columns.textList(table)))));
        Optional<String> compareTo = m.text("compare-to");
        List<String> tables = m.textList("tables");
        if (compareTo.isEmpty() && tables.isEmpty()) {
            problems.error(
                    m.position(),
                    m.what() + " needs 'tables:' to capture, or 'compare-to:' naming an earlier verify-data step");
        }
        return new StepAction.VerifyData(m.requiredText("database"), tables, compareTo, hashColumns);
    }

    private static Set<String> keysOf(YamlNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.entries().forEach(entry -> keys.add(entry.name()));
        return keys;
    }

    private Optional<String> databaseOnly(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "database");
        }
        return mapping(value, what, Set.of("database")).map(m -> m.requiredText("database"));
    }

    private Optional<StepAction> notify(YamlNode value, String what) {
        if (value.isScalar()) {
            return text(value, what, "message").map(message -> new StepAction.Notify(message, "", Optional.empty()));
        }
        return mapping(value, what, Set.of("message", "to", "audience", "webhook"))
                .map(m -> {
                    List<String> channels = m.textList("to");
                    for (String channel : channels) {
                        if (!Subscriptions.isChannelName(channel)) {
                            problems.error(
                                    m.positionOf("to"),
                                    "'to' in " + what
                                            + " names notification channels (letters, digits, '-', '_'), not '"
                                            + channel + "'; say who it is for in words under 'audience:'");
                        }
                    }
                    return new StepAction.Notify(
                            m.requiredText("message"), m.text("audience").orElse(""), channels, m.text("webhook"));
                });
    }

    private Optional<String> text(YamlNode value, String what, String role) {
        if (!value.isScalar() || value.isNull() || value.text().orElse("").isBlank()) {
            problems.error(value.position(), what + " needs its " + role + " as text, not " + value.describe());
            return Optional.empty();
        }
        return value.text();
    }

    private Optional<MappingReader> mapping(YamlNode value, String what, Set<String> keys) {
        return MappingReader.of(value, what, keys, problems);
    }
}
