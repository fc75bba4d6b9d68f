package dev.flightdeck.db.preflight;

import dev.flightdeck.db.sql.ResultTable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Every preflight check for one database, in a fixed order. Passes unless a check found a problem. */
public record PreflightReport(String inventoryName, String database, Instant at, List<CheckResult> checks) {

    public PreflightReport {
        checks = List.copyOf(checks);
    }

    public CheckStatus worst() {
        return checks.stream().map(CheckResult::status).reduce(CheckStatus.OK, CheckStatus::worse);
    }

    public boolean passed() {
        return worst() != CheckStatus.PROBLEM;
    }

    public Optional<CheckResult> check(String name) {
        return checks.stream().filter(result -> result.check().equals(name)).findFirst();
    }

    public long count(CheckStatus status) {
        return checks.stream().filter(result -> result.status() == status).count();
    }

    public ResultTable table() {
        List<List<String>> rows = checks.stream()
                .map(result -> List.of(
                        result.check(),
                        result.status().name().toLowerCase(Locale.ROOT),
                        result.observed(),
                        result.advice()))
                .toList();
        return new ResultTable(List.of("check", "status", "observed", "advice"), rows, rows.size());
    }

    /** The {@code report} output: one line per check. */
    public Map<String, String> outputs() {
        return Map.of("report", table().render());
    }
}
