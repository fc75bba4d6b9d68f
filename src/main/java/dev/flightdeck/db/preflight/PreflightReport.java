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

    /**
     * One line for the step's result, naming what is not fine: {@code preflight of clinic: 1 warning — long
     * transactions: 1 open for 12 min (...)}, or {@code preflight of clinic: every check ok}.
     */
    public String summary() {
        List<CheckResult> notOk = checks.stream()
                .filter(result -> result.status() != CheckStatus.OK)
                .toList();
        if (notOk.isEmpty()) {
            return "preflight of " + database + ": every check ok";
        }
        long problems = count(CheckStatus.PROBLEM);
        long warnings = count(CheckStatus.WARNING);
        String counts = (problems == 0 ? "" : problems + (problems == 1 ? " problem" : " problems"))
                + (problems > 0 && warnings > 0 ? ", " : "")
                + (warnings == 0 ? "" : warnings + (warnings == 1 ? " warning" : " warnings"));
        return "preflight of " + database + ": " + counts + " — "
                + String.join(
                        "; ",
                        notOk.stream()
                                .map(result -> result.check() + ": " + result.observed()
                                        + (result.advice().isBlank() ? "" : " (" + result.advice() + ")"))
                                .toList());
    }
}
