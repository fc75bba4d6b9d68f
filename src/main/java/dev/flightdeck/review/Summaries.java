package dev.flightdeck.review;

import dev.flightdeck.journal.Replay;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.text.Durations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The report's summary: which runbook, against what, by whom, when, and how it ended, in words. */
final class Summaries {

    private Summaries() {}

    static ReviewModel.Summary summary(
            Replay replay,
            List<Recorded> history,
            Optional<SessionEvent.SessionOpened> openedEvent,
            Optional<Runbook> runbook,
            StepRows steps,
            boolean closed) {
        Optional<Recorded> opened = history.stream()
                .filter(r -> r.event() instanceof SessionEvent.SessionOpened)
                .findFirst();
        Instant start = opened.map(Recorded::time)
                .orElse(
                        replay.entries().isEmpty()
                                ? Instant.EPOCH
                                : replay.entries().get(0).time());
        Optional<Recorded> closing = Optional.empty();
        String reopened = "";
        Optional<SessionEvent.RollbackFinished> rollback = Optional.empty();
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.SessionClosed) {
                closing = Optional.of(recorded);
            } else if (recorded.event() instanceof SessionEvent.SessionReopened reopen) {
                reopened = Words.time(recorded.time()) + " by " + reopen.reopenedBy() + ": " + reopen.reason();
                closing = Optional.empty();
            } else if (recorded.event() instanceof SessionEvent.RollbackStarted) {
                rollback = Optional.empty();
            } else if (recorded.event() instanceof SessionEvent.RollbackFinished finished) {
                rollback = Optional.of(finished);
            }
        }
        String end = closing.map(c -> Words.time(c.time())).orElse("not closed");
        String length = closing.map(c -> ReviewModel.length(start, c.time()))
                .orElse("not closed (last record at "
                        + (replay.entries().isEmpty()
                                ? "—"
                                : Words.time(replay.entries()
                                        .get(replay.entries().size() - 1)
                                        .time()))
                        + ")");
        String plan = runbook.flatMap(book -> book.window().duration())
                .map(d -> "planned " + Durations.readable(d))
                .orElse("no planned length");
        String[] outcome = outcome(closed, closing, rollback, steps);
        SessionEvent.SessionOpened open = openedEvent.orElse(null);
        boolean rehearsal = open != null && open.mode() == SessionEvent.Mode.REHEARSAL;
        return new ReviewModel.Summary(
                String.valueOf(replay.sessionId()),
                replay.entries().size(),
                open == null ? "—" : open.runbookTitle(),
                open == null ? "—" : open.runbookId(),
                open == null ? "—" : open.runbookSha256(),
                open == null
                        ? "—"
                        : open.runbookText() != null
                                ? "kept in the journal"
                                : runbook.isPresent()
                                        ? "the built-in of the same SHA-256"
                                        : "not kept in this journal (written before runbooks were journaled)",
                open == null ? "—" : open.inventory(),
                open == null || open.inventorySha256() == null ? "not kept in this journal" : open.inventorySha256(),
                open == null ? "—" : open.operator(),
                rehearsal,
                rehearsal
                        ? "Rehearsal against the sandbox on the operator's computer (no real system was touched)"
                        : "Real window",
                Words.time(start),
                end,
                length,
                plan,
                outcome[0],
                outcome[1],
                reopened);
    }

    /** The outcome in words and its style: completed · rolled back and verified · rollback failed · failed at step X · not closed. */
    private static String[] outcome(
            boolean closed,
            Optional<Recorded> closing,
            Optional<SessionEvent.RollbackFinished> rollback,
            StepRows steps) {
        if (!closed || closing.isEmpty()) {
            return new String[] {"not closed", "failed"};
        }
        if (rollback.isPresent()) {
            return rollback.get().result() == SessionEvent.Status.SUCCEEDED
                    ? new String[] {"rolled back and verified", "rolled-back"}
                    : new String[] {"rollback failed: " + rollback.get().message(), "failed"};
        }
        Optional<String> failure = steps.firstFailure();
        if (failure.isPresent()) {
            return new String[] {"failed at step " + failure.get(), "failed"};
        }
        String result = ((SessionEvent.SessionClosed) closing.get().event()).result();
        boolean complete = steps.phases().stream()
                .flatMap(phase -> phase.steps().stream())
                .allMatch(row -> row.status().equals("succeeded")
                        || row.status().equals("skipped")
                        || row.status().equals("withheld"));
        if (complete && steps.withheldSteps() > 0) {
            return new String[] {
                "completed as far as this evidence pack shows (records of " + steps.withheldSteps()
                        + " step(s) withheld)",
                "unknown"
            };
        }
        return complete
                ? new String[] {"completed", "succeeded"}
                : new String[] {"closed before every step ran: " + result, "unknown"};
    }
}
