package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.CheckpointCheck;
import dev.flightdeck.journal.format.EntryBody;
import dev.flightdeck.journal.format.EntryContext;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.JournalProblem;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.format.SegmentFiles;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.format.SegmentHeader;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/** Reads a journal with its passphrase: structure, chain, checkpoint signatures, then decrypts every entry. */
public final class JournalReader {

    private final KeyRing keys;
    private final List<JournalEntry> entries = new ArrayList<>();
    private final List<Checkpoint> checkpoints = new ArrayList<>();
    private final List<RecordOpening> openings = new ArrayList<>();
    private JournalProblem problem;

    private JournalReader(KeyRing keys) {
        this.keys = keys;
    }

    public static Replay read(Path directory, char[] passphrase) {
        try (KeyRing keys = new KeyRing(passphrase)) {
            return read(load(directory), keys);
        }
    }

    static List<SegmentBytes> load(Path directory) {
        try {
            List<SegmentBytes> segments = SegmentFiles.readAll(directory);
            if (segments.isEmpty()) {
                throw new JournalException(
                        JournalErrorCode.NOT_A_JOURNAL, directory + " holds no journal segments (segment-NNNNNN.fdj).");
            }
            return segments;
        } catch (IOException e) {
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The journal " + directory + " cannot be read (" + e.getMessage() + ").",
                    e);
        }
    }

    /** Throws {@link JournalErrorCode#WRONG_PASSPHRASE} when the first segment's key does not unwrap. */
    public static Replay read(List<SegmentBytes> segments, KeyRing keys) {
        ScannedJournal scan = JournalScanner.scan(segments);
        JournalReader reader = new JournalReader(keys);
        reader.problem = scan.problem().orElse(null);
        UUID session = scan.sessionId().orElse(null);
        for (ScannedSegment segment : scan.segments()) {
            if (segment.header() != null && !reader.readSegment(segment, session)) {
                break;
            }
        }
        return new Replay(
                session,
                List.copyOf(reader.entries),
                List.copyOf(reader.checkpoints),
                scan.tornTails(),
                Optional.ofNullable(reader.problem),
                scan,
                List.copyOf(reader.openings));
    }

    private boolean readSegment(ScannedSegment segment, UUID session) {
        SegmentHeader header = segment.header();
        SecretKey dataKey = keys.unwrapOrNull(
                header.kdf(), header.wrapNonce(), header.wrappedDataKey(), header.authenticatedPrefix());
        if (dataKey == null) {
            if (entries.isEmpty() && checkpoints.isEmpty()) {
                throw new JournalException(
                        JournalErrorCode.WRONG_PASSPHRASE,
                        "The passphrase does not open this journal (or its header was altered). Nothing was decrypted.");
            }
            return fail(new JournalProblem(
                    segment.name(), 0, -1, "the segment key cannot be unwrapped: its header was altered"));
        }
        PublicKey signer = PublicKeys.fromX509OrNull(header.signingPublicKey());
        for (ScannedFrame frame : segment.frames()) {
            boolean readable = frame.type() == FrameType.ENTRY
                    ? decryptEntry(segment, frame, dataKey)
                    : acceptCheckpoint(segment, frame, session, signer);
            if (!readable) {
                return false;
            }
        }
        return true;
    }

    private boolean decryptEntry(ScannedSegment segment, ScannedFrame frame, SecretKey dataKey) {
        EntryBody body = EntryBody.splitOrNull(segment.header().formatVersion(), frame.body());
        byte[] aad = EntryContext.associatedData(segment.headerHash(), frame.sequence(), frame.chainBefore());
        byte[] content = body != null && body.sealed().length > Aead.NONCE_BYTES
                ? Aead.decryptOrNull(dataKey, body.nonce(), body.ciphertext(), aad)
                : null;
        if (content == null) {
            return fail(problemAt(segment, frame, "does not decrypt: it was altered or moved"));
        }
        RecordOpening opening = null;
        byte[] plaintext = content;
        if (body.isCommitted()) {
            if (!Arrays.equals(Sha256.of(content), body.commitment())) {
                return fail(problemAt(segment, frame, "does not match its content commitment (altered)"));
            }
            opening = RecordOpening.ofContentOrNull(frame.sequence(), content);
            plaintext = opening == null ? new byte[0] : opening.plaintext();
        }
        JournalEntry entry = JournalJson.decodeOrNull(frame.sequence(), plaintext);
        Arrays.fill(content, (byte) 0);
        if (entry == null) {
            return fail(problemAt(segment, frame, "is not a journal entry once decrypted"));
        }
        entries.add(entry);
        if (opening != null) {
            openings.add(opening);
        }
        return true;
    }

    private static JournalProblem problemAt(ScannedSegment segment, ScannedFrame frame, String what) {
        return new JournalProblem(
                segment.name(), frame.offset(), frame.sequence(), "record " + frame.sequence() + " " + what);
    }

    private boolean acceptCheckpoint(ScannedSegment segment, ScannedFrame frame, UUID session, PublicKey signer) {
        String invalid = signer == null
                ? "the segment header holds no valid signing key"
                : CheckpointCheck.problemOrNull(frame, session, signer);
        if (invalid != null) {
            return fail(new JournalProblem(segment.name(), frame.offset(), frame.sequence(), invalid));
        }
        CheckpointBody body = CheckpointBody.decodeOrNull(frame.body());
        Checkpoint checkpoint = new Checkpoint(
                frame.sequence(),
                body.coveredSequence(),
                Instant.ofEpochMilli(body.timeMillis()),
                body.reason(),
                body.closesSession(),
                body.chainHash(),
                body.signature());
        checkpoints.add(checkpoint);
        entries.add(checkpoint.asEntry());
        return true;
    }

    /** The earliest problem wins: the scan's (later in the file) is replaced by one found earlier while decrypting. */
    private boolean fail(JournalProblem found) {
        problem = found;
        return false;
    }
}
