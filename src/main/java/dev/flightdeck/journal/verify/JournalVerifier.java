package dev.flightdeck.journal.verify;

import dev.flightdeck.journal.JournalReader;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.CheckpointCheck;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentFiles;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.format.SegmentHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code journal verify}: checks every frame, the chain, the segment continuity and every checkpoint signature
 * without the passphrase; with a passphrase it also decrypts and authenticates every record.
 */
public final class JournalVerifier {

    private JournalVerifier() {}

    public static VerificationReport verify(Path directory, Optional<PublicKey> trustedKey, Optional<KeyRing> keys) {
        try {
            List<SegmentBytes> segments = SegmentFiles.readAll(directory);
            if (segments.isEmpty()) {
                throw new JournalException(
                        JournalErrorCode.NOT_A_JOURNAL, directory + " holds no journal segments (segment-NNNNNN.fdj).");
            }
            return verify(directory.toString(), segments, trustedKey, keys);
        } catch (IOException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The journal " + directory + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    public static VerificationReport verify(
            String subject, List<SegmentBytes> segments, Optional<PublicKey> trustedKey, Optional<KeyRing> keys) {
        ScannedJournal scan = JournalScanner.scan(segments);
        List<String> notes = new ArrayList<>();
        Optional<SegmentHeader> first = scan.firstHeader();
        PublicKey journalKey = first.map(header -> PublicKeys.fromX509OrNull(header.signingPublicKey()))
                .orElse(null);
        Optional<JournalProblem> problem = scan.problem();
        String keyNote = keyNote(journalKey, trustedKey);
        if (trustedKey.isPresent() && journalKey != null && !trustedKey.get().equals(journalKey)) {
            problem = Optional.of(new JournalProblem(
                    scan.segments().get(0).name(),
                    0,
                    -1,
                    "the journal is signed by key " + PublicKeys.fingerprint(journalKey) + ", not by the given key "
                            + PublicKeys.fingerprint(trustedKey.get())));
        }
        first.filter(header -> !header.kdf().isProductionStrength())
                .ifPresent(header -> notes.add("the passphrase key derivation is weaker than production ("
                        + header.kdf().describe() + "): a test journal?"));
        boolean decrypted = false;
        if (problem.isEmpty() && journalKey != null) {
            problem = keys.isPresent() ? decryptionProblem(segments, keys.get()) : signatureProblem(scan, journalKey);
            decrypted = keys.isPresent() && problem.isEmpty();
        }
        return new VerificationReport(
                subject,
                scan.segments().size(),
                scan.frameCount(),
                checkpoints(scan, problem),
                problem,
                scan.tornTails(),
                recordsAfterLastCheckpoint(scan),
                keyNote,
                notes,
                decrypted,
                content(scan, decrypted));
    }

    /** Committed and format-1 entries among the intact frames; every commitment was opened when all decrypted. */
    private static ContentBinding content(ScannedJournal scan, boolean decrypted) {
        long committed = 0;
        long uncommitted = 0;
        for (ScannedFrame frame : scan.frames()) {
            if (frame.type() == FrameType.ENTRY) {
                if (frame.commitment() != null) {
                    committed++;
                } else {
                    uncommitted++;
                }
            }
        }
        return new ContentBinding(committed, uncommitted, decrypted ? committed : 0, WithheldSummary.NONE);
    }

    private static String keyNote(PublicKey journalKey, Optional<PublicKey> trustedKey) {
        if (journalKey == null) {
            return "no signing key could be read from the journal";
        }
        return trustedKey.isPresent()
                ? "checked against the given public key " + PublicKeys.fingerprint(trustedKey.get())
                : "checked against the key recorded in the journal itself (" + PublicKeys.fingerprint(journalKey)
                        + "); pass --public-key with the operator's published key for an independent check";
    }

    private static Optional<JournalProblem> decryptionProblem(List<SegmentBytes> segments, KeyRing keys) {
        Replay replay = JournalReader.read(segments, keys);
        return replay.problem();
    }

    private static Optional<JournalProblem> signatureProblem(ScannedJournal scan, PublicKey key) {
        for (ScannedFrame frame : scan.frames()) {
            if (frame.type() == FrameType.CHECKPOINT) {
                String invalid =
                        CheckpointCheck.problemOrNull(frame, scan.sessionId().orElseThrow(), key);
                if (invalid != null) {
                    return Optional.of(new JournalProblem(
                            scan.segments().get(frame.segmentIndex()).name(),
                            frame.offset(),
                            frame.sequence(),
                            invalid));
                }
            }
        }
        return Optional.empty();
    }

    /** Checkpoints before the first problem (a checkpoint after damage proves nothing). */
    private static List<CheckpointSummary> checkpoints(ScannedJournal scan, Optional<JournalProblem> problem) {
        // the scan already stopped at its own problem; a wrong signing key invalidates every checkpoint
        long limit = problem.map(found -> found.sequence() >= 0
                        ? found.sequence()
                        : scan.problem().isPresent() ? Long.MAX_VALUE : Long.MIN_VALUE)
                .orElse(Long.MAX_VALUE);
        List<CheckpointSummary> summaries = new ArrayList<>();
        for (ScannedFrame frame : scan.frames()) {
            CheckpointBody body =
                    frame.type() == FrameType.CHECKPOINT ? CheckpointBody.decodeOrNull(frame.body()) : null;
            if (body != null && frame.sequence() < limit) {
                summaries.add(new CheckpointSummary(
                        frame.sequence(),
                        body.coveredSequence(),
                        Instant.ofEpochMilli(body.timeMillis()),
                        body.reason(),
                        body.closesSession(),
                        ChainHash.shortForm(body.chainHash())));
            }
        }
        return summaries;
    }

    private static long recordsAfterLastCheckpoint(ScannedJournal scan) {
        long lastCheckpoint = 0;
        for (ScannedFrame frame : scan.frames()) {
            if (frame.type() == FrameType.CHECKPOINT) {
                lastCheckpoint = frame.sequence();
            }
        }
        return scan.lastSequence() - lastCheckpoint;
    }
}
