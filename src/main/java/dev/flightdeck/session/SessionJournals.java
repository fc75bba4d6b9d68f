package dev.flightdeck.session;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.Checkpoint;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalEntry;
import dev.flightdeck.journal.JournalOptions;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.redact.OutputLimits;
import dev.flightdeck.journal.redact.Redactor;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.StepKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Sessions kept in journal directories: start a new one, reopen one after a crash or a stop, or read one. */
public final class SessionJournals {

    /**
     * What a session needs besides its runbook: the journal's keys, the secrets to mask, how steps run, and the roster
     * its approvals are checked against (none: typed approvals, shown as unverified).
     */
    public record Setup(
            char[] passphrase,
            OperatorKey signingKey,
            JournalOptions options,
            List<char[]> knownSecrets,
            Inventory inventory,
            Map<StepKind, StepExecutor> executors,
            Optional<Roster> roster) {

        /** Without a roster. */
        public Setup(
                char[] passphrase,
                OperatorKey signingKey,
                JournalOptions options,
                List<char[]> knownSecrets,
                Inventory inventory,
                Map<StepKind, StepExecutor> executors) {
            this(passphrase, signingKey, options, knownSecrets, inventory, executors, Optional.empty());
        }
    }

    private SessionJournals() {}

    public static Session start(Path directory, SessionEvent.SessionOpened opening, Runbook runbook, Setup setup) {
        var writer = Journal.create(
                directory,
                UUID.fromString(opening.sessionId()),
                setup.passphrase(),
                setup.signingKey(),
                setup.options());
        JournalRecorder recorder =
                new JournalRecorder(writer, Redactor.forSecrets(setup.knownSecrets()), OutputLimits.defaults(), null);
        Session session = Session.open(opening, runbook, setup.inventory(), recorder, setup.executors());
        setup.roster()
                .ifPresent(roster ->
                        session.recordRoster(roster, setup.signingKey().publicKey()));
        return session;
    }

    /**
     * Reopens a session. The runbook must be the one the session was opened with (same content): resuming with an
     * edited runbook would let the journal say one thing and the screen another.
     */
    public static Session resume(
            Path directory, Runbook runbook, String runbookSha256, String operator, Setup setup, String reason) {
        Journal.Resumed resumed = Journal.resume(directory, setup.passphrase(), setup.signingKey(), setup.options());
        List<Recorded> history = decode(resumed.replay());
        SessionEvent.SessionOpened opened = openingOf(history)
                .orElseThrow(() -> new IllegalStateException("the journal in " + directory
                        + " has no session.opened event; it is not a Flightdeck session"));
        if (!opened.runbookSha256().equals(runbookSha256)) {
            resumed.writer().close();
            throw new IllegalStateException("the session was opened with a different version of runbook '"
                    + opened.runbookId() + "' (SHA-256 "
                    + opened.runbookSha256()
                            .substring(0, Math.min(12, opened.runbookSha256().length()))
                    + "…); resume it with the runbook it started with");
        }
        List<Checkpoint> checkpoints = resumed.replay().checkpoints();
        JournalRecorder recorder = new JournalRecorder(
                resumed.writer(),
                Redactor.forSecrets(setup.knownSecrets()),
                OutputLimits.defaults(),
                checkpoints.isEmpty()
                        ? null
                        : checkpoints.get(checkpoints.size() - 1).shortHash());
        return Session.resume(history, runbook, setup.inventory(), operator, recorder, setup.executors(), reason);
    }

    /** The session's events as recorded (read-only), for showing a closed session or planning its rollback. */
    public static List<Recorded> read(Path directory, char[] passphrase) {
        return decode(Journal.read(directory, passphrase));
    }

    public static Optional<SessionEvent.SessionOpened> openingOf(List<Recorded> history) {
        return history.stream()
                .map(Recorded::event)
                .filter(SessionEvent.SessionOpened.class::isInstance)
                .map(SessionEvent.SessionOpened.class::cast)
                .findFirst();
    }

    /** The session events of a replay (a journal's or an evidence pack's); withheld and other records are left out. */
    public static List<Recorded> decode(Replay replay) {
        List<Recorded> history = new ArrayList<>();
        for (JournalEntry entry : replay.entries()) {
            SessionEventCodec.decode(entry.type(), entry.payload())
                    .ifPresent(
                            event -> history.add(new Recorded(entry.sequence(), entry.time(), entry.actor(), event)));
        }
        return history;
    }
}
