package dev.flightdeck.ui.setup;

import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.WriterLock;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.session.DryRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The setup's dry run, as the text the operator reads: the problems first, then every step that will run with where
 * it runs; and what the journal folder already holds. Plain values, no toolkit: run on the background executor.
 *
 * @param runnable        nothing stands in the way of starting
 * @param existingJournal the folder holds a session of this runbook: starting resumes it
 * @param closedJournal   and that session was closed: it opens to be looked at
 */
record DryRunText(String text, boolean runnable, boolean existingJournal, boolean closedJournal) {

    static DryRunText of(Runbook runbook, Inventory chosen, Map<String, String> values, Path journalFolder)
            throws IOException {
        Problems targets = new Problems(runbook.origin());
        new RunbookValidator(targets).checkTargets(runbook, chosen);
        List<Problem> errors =
                targets.sorted().stream().filter(Problem::isError).toList();
        DryRun.Plan plan = DryRun.plan(runbook, chosen, values);
        StringBuilder text = new StringBuilder();
        errors.forEach(
                problem -> text.append("problem: ").append(problem.format()).append('\n'));
        plan.problems()
                .forEach(problem -> text.append("problem: ").append(problem).append('\n'));
        for (DryRun.PlannedStep step : plan.steps()) {
            text.append(step.number())
                    .append("  ")
                    .append(step.step().kind().label())
                    .append(": ")
                    .append(step.step().displayTitle())
                    .append('\n');
            if (!step.where().isEmpty()) {
                text.append("      where: ")
                        .append(String.join(", ", step.where()))
                        .append('\n');
            }
        }
        boolean existing = Files.isDirectory(journalFolder) && hasFiles(journalFolder);
        return new DryRunText(
                text.toString(), errors.isEmpty() && plan.isRunnable(), existing, existing && isClosed(journalFolder));
    }

    /** Checkpoints are signed in the clear: whether the session was closed is known without the passphrase. */
    private static boolean isClosed(Path journalFolder) {
        return JournalVerifier.verify(journalFolder, Optional.empty(), Optional.empty())
                .isClosed();
    }

    private static boolean hasFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.anyMatch(file -> !WriterLock.isLockFile(file));
        }
    }
}
