package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.CheckpointCheck;
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
                scan);
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
        byte[] body = frame.body();
        byte[] nonce = Arrays.copyOf(body, Aead.NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(body, Aead.NONCE_BYTES, body.length);
        byte[] aad = EntryContext.associatedData(segment.headerHash(), frame.sequence(), frame.chainBefore());
        byte[] plaintext = body.length > Aead.NONCE_BYTES ? Aead.decryptOrNull(dataKey, nonce, ciphertext, aad) : null;
        JournalEntry entry = plaintext == null ? null : JournalJson.decodeOrNull(frame.sequence(), plaintext);
        if (plaintext != null) {
            Arrays.fill(plaintext, (byte) 0);
        }
        if (entry == null) {
            return fail(new JournalProblem(
                    segment.name(),
                    frame.offset(),
                    frame.sequence(),
                    "record " + frame.sequence() + " does not decrypt: it was altered or moved"));
        }
        entries.add(entry);
        return true;
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
        entries.add(new JournalEntry(
                frame.sequence(),
                checkpoint.time(),
                EventTypes.CHECKPOINT,
                EventTypes.FLIGHTDECK,
                describe(checkpoint)));
        return true;
    }

    static ObjectNode describe(Checkpoint checkpoint) {
        return JournalJson.object()
                .put("reason", checkpoint.reason())
                .put("covers", checkpoint.coveredSequence())
                .put("shortHash", checkpoint.shortHash())
                .put("closesSession", checkpoint.closesSession())
                .put("chainHash", Sha256.hex(checkpoint.chainHash()));
    }

    /** The earliest problem wins: the scan's (later in the file) is replaced by one found earlier while decrypting. */
    private boolean fail(JournalProblem found) {
        problem = found;
        return false;
    }
}
