package dev.flightdeck.journal.verify;

import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.TornTail;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The verdict on a journal or evidence pack. Intact means: no problem, and no interrupted write that a reopening
 * has not recorded. Sealed means: the last record is a signed checkpoint, so nothing at the end can have been
 * cut off without the reviewer noticing (compare the last short hash with the change ticket).
 */
public record VerificationReport(
        String subject,
        int segments,
        long records,
        List<CheckpointSummary> checkpoints,
        Optional<JournalProblem> problem,
        List<TornTail> tornTails,
        long recordsAfterLastCheckpoint,
        String keyNote,
        List<String> notes,
        boolean everyRecordDecrypted,
        ContentBinding content) {

    /** The same report with {@code found} as its first problem (a check made after the walk, e.g. the ticket's hashes). */
    public VerificationReport withProblem(JournalProblem found) {
        return new VerificationReport(
                subject,
                segments,
                records,
                checkpoints,
                Optional.of(found),
                tornTails,
                recordsAfterLastCheckpoint,
                keyNote,
                notes,
                everyRecordDecrypted,
                content);
    }

    public boolean isIntact() {
        return problem.isEmpty() && tornTails.stream().allMatch(TornTail::acknowledged);
    }

    public boolean isSealed() {
        return records > 0 && recordsAfterLastCheckpoint == 0;
    }

    /** Sealed by the checkpoint that closed the session: the journal is complete, not just consistent. */
    public boolean isClosed() {
        return isSealed()
                && !checkpoints.isEmpty()
                && checkpoints.get(checkpoints.size() - 1).closesSession();
    }

    public String verdict() {
        if (problem.isPresent()) {
            return "PROBLEM FOUND";
        }
        if (!isIntact()) {
            return "INTERRUPTED WRITE NOT YET RECOVERED";
        }
        return content.isFullyCommitted() ? "INTACT" : "INTACT (format 1 records: content not committed)";
    }

    /** The report as the command line prints it. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("journal:      " + subject);
        lines.add("verdict:      " + verdict());
        lines.add("records:      " + records + " in " + segments + " segment(s), " + checkpoints.size()
                + " signed checkpoint(s)");
        lines.add("first problem: " + problem.map(JournalProblem::describe).orElse("none"));
        tornTails.forEach(tear -> lines.add("torn tail:    " + tear.describe()));
        lines.add("closed:       " + (isClosed() ? "closed" : "NOT closed"));
        lines.add("tail:         "
                + (isClosed()
                        ? "sealed by the checkpoint that closed the session"
                        : isSealed()
                                ? "sealed by a checkpoint, but the session was NOT closed (still open, or cut short after it)"
                                : recordsAfterLastCheckpoint + " record(s) after the last checkpoint are NOT sealed"));
        checkpoints.stream()
                .reduce((first, second) -> second)
                .ifPresent(last -> lines.add("last checkpoint: " + last.shortHash() + " at record "
                        + last.coveredSequence() + " (" + last.reason() + ", " + last.time() + ")"));
        lines.add("signatures:   " + keyNote);
        lines.add("contents:     "
                + (everyRecordDecrypted
                        ? "every record decrypted and authenticated with the passphrase"
                        : "not decrypted (checksums, chain and signatures checked without the passphrase)"));
        lines.add("commitments:  " + content.describe());
        if (!content.withheld().isEmpty()) {
            lines.add("withheld:     " + content.withheld().describe()
                    + " — their commitments are in the chain, their text is not in this pack");
        }
        notes.forEach(note -> lines.add("note:         " + note));
        return lines;
    }
}
