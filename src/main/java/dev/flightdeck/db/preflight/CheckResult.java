package dev.flightdeck.db.preflight;

/**
 * One line of the preflight report.
 *
 * @param observed what was measured ("15.13", "1.2 GB free")
 * @param advice   what it means and what to do; empty when all is well
 */
public record CheckResult(String check, CheckStatus status, String observed, String advice) {

    public static CheckResult ok(String check, String observed) {
        return new CheckResult(check, CheckStatus.OK, observed, "");
    }

    public static CheckResult warning(String check, String observed, String advice) {
        return new CheckResult(check, CheckStatus.WARNING, observed, advice);
    }

    public static CheckResult problem(String check, String observed, String advice) {
        return new CheckResult(check, CheckStatus.PROBLEM, observed, advice);
    }
}
