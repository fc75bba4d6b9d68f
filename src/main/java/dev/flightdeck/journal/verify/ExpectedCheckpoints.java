package dev.flightdeck.journal.verify;

import dev.flightdeck.journal.format.JournalProblem;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code journal verify --expect SHORTHASH}: the short hashes the operator wrote into the change ticket must each be
 * a valid checkpoint of what is verified. Anyone holding the operator's key can re-sign a rewritten journal so that
 * it verifies on its own; they cannot make it reach a short hash already written down elsewhere.
 */
public final class ExpectedCheckpoints {

    private static final Pattern SHORT_HASH = Pattern.compile("[0-9a-f]{4}(-?[0-9a-f]{4}){3}");

    private ExpectedCheckpoints() {}

    /** "3f2a-9c1b-77d0-e4a2" from that form or from 16 hex digits, any case; throws when it is neither. */
    public static String normalize(String shortHash) {
        String lower = shortHash.trim().toLowerCase(Locale.ROOT);
        if (!SHORT_HASH.matcher(lower).matches()) {
            throw new IllegalArgumentException("--expect " + shortHash
                    + ": a short hash is 16 hex digits, grouped by four with '-' (3f2a-9c1b-77d0-e4a2)");
        }
        String hex = lower.replace("-", "");
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12);
    }

    /** The report, or the report with a problem naming the first expected short hash no valid checkpoint has. */
    public static VerificationReport check(VerificationReport report, List<String> expected) {
        for (String wanted : expected) {
            String shortHash = normalize(wanted);
            boolean found =
                    report.checkpoints().stream().anyMatch(c -> c.shortHash().equals(shortHash));
            if (!found && report.problem().isEmpty()) {
                List<String> present = report.checkpoints().stream()
                        .map(CheckpointSummary::shortHash)
                        .toList();
                return report.withProblem(new JournalProblem(
                        "--expect " + shortHash,
                        -1,
                        -1,
                        "this short hash is not a checkpoint of this journal: the records"
                                + " it signed were changed since it was written down, or it belongs to another session"
                                + " (checkpoints here: " + (present.isEmpty() ? "none" : String.join(", ", present))
                                + ")"));
            }
        }
        return report;
    }
}
