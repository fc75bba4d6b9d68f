package dev.flightdeck.session;

import dev.flightdeck.journal.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the journal keeps of text that came from a {@code sensitive-output} step (its message, the values it captured,
 * each host's message): only its size and SHA-256, as for the output itself. Statuses, exit codes, HTTP statuses, row counts
 * and latencies stay. A later
 * step that refers to such a value ({@code ${steps.ID.NAME}}) gets this withheld form, never the text.
 */
final class SensitiveOutput {

    private SensitiveOutput() {}

    static String withheld(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return "(sensitive output withheld: " + bytes.length + " bytes, SHA-256 " + Sha256.hex(Sha256.of(bytes)) + ")";
    }

    static Map<String, String> withheld(Map<String, String> values) {
        Map<String, String> kept = new LinkedHashMap<>();
        values.forEach((name, value) -> kept.put(name, isFigureAboutTheRun(name, value) ? value : withheld(value)));
        return kept;
    }

    /** An exit code, HTTP status, row count or latency says how the step went, not what it printed. */
    private static boolean isFigureAboutTheRun(String name, String value) {
        return FIGURES.contains(name) && value != null && value.matches("-?\\d{1,6}");
    }

    private static final Set<String> FIGURES = Set.of("exit", "status", "rows", "latency");

    static List<SessionEvent.HostResult> withheldHosts(List<SessionEvent.HostResult> hosts) {
        return hosts.stream()
                .map(host -> new SessionEvent.HostResult(
                        host.host(), host.status(), host.exitCode(), withheld(host.message())))
                .toList();
    }
}
