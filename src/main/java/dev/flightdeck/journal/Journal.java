package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.crypto.KdfParameters;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.format.SegmentFiles;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.format.TornTail;
import dev.flightdeck.journal.storage.DurableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opening journals. A journal is a directory; every open (create or resume) starts a new segment with a fresh
 * random data key, so no (key, nonce) pair can repeat even if a crash lost the writer's state.
 */
public final class Journal {

    private Journal() {}

    /**
     * Refuses, before anything is opened, a directory a new session's journal cannot go into: one that already holds a
     * journal (resume it instead), or one holding other files (a journal gets a directory of its own).
     */
    public static void requireNewDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        if (!SegmentFiles.list(directory).isEmpty()) {
            throw new IllegalArgumentException(directory
                    + " already holds a journal: resume that session (run --resume), or choose a new directory");
        }
        List<String> others;
        try (var files = Files.list(directory)) {
            others = files.filter(file -> !WriterLock.isLockFile(file))
                    .map(file -> file.getFileName().toString())
                    .sorted()
                    .toList();
        }
        if (!others.isEmpty()) {
            String shown =
                    String.join(", ", others.subList(0, Math.min(3, others.size()))) + (others.size() > 3 ? ", …" : "");
            throw new IllegalArgumentException(directory + " is not empty (it holds " + shown
                    + ") and is not a journal: " + "choose a new or empty directory for the session's journal");
        }
    }

    /** Starts the journal of a new session in an empty (or new) directory, holding its {@link WriterLock} until the writer closes. */
    public static JournalWriter create(
            Path directory, UUID sessionId, char[] passphrase, OperatorKey signingKey, JournalOptions options) {
        WriterLock lock = WriterLock.acquire(
                directory, options.operator(), options.clock().instant());
        try (KeyRing keys = new KeyRing(passphrase)) {
            if (!SegmentFiles.list(directory).isEmpty()) {
                throw new JournalException(
                        JournalErrorCode.UNREADABLE, directory + " already holds a journal; resume it instead.");
            }
            KdfParameters kdf = options.kdfCost().withSalt(Aead.randomBytes(KdfParameters.SALT_BYTES));
            NextSegment next =
                    new NextSegment(sessionId, 1, 1, ChainHash.genesis(), SegmentHeader.NO_PREVIOUS_SEGMENT, kdf);
            return startSegment(directory, next, keys, signingKey, options, lock);
        } catch (IOException e) {
            lock.close();
            throw new JournalException(
                    JournalErrorCode.UNREADABLE,
                    "The journal cannot be created in " + directory + " (" + e.getMessage() + ").",
                    e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Reopens a session after a normal close or a crash: replays every entry, records interrupted writes found at
     * the end as a {@code recovery} event in the new segment, and returns a writer that continues the chain.
     * Refuses a journal that was altered or damaged anywhere but at its very end, and one another writer holds
     * ({@link WriterLock}: taken before reading, so what is replayed is what the new segment continues).
     */
    public static Resumed resume(Path directory, char[] passphrase, OperatorKey signingKey, JournalOptions options) {
        if (!Files.isDirectory(directory)) {
            throw new JournalException(
                    JournalErrorCode.NOT_A_JOURNAL,
                    directory + " does not exist; there is no journal to resume there.");
        }
        WriterLock lock = WriterLock.acquire(
                directory, options.operator(), options.clock().instant());
        try {
            return resumeLocked(directory, passphrase, signingKey, options, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static Resumed resumeLocked(
            Path directory, char[] passphrase, OperatorKey signingKey, JournalOptions options, WriterLock lock) {
        try (KeyRing keys = new KeyRing(passphrase)) {
            List<SegmentBytes> files = JournalReader.load(directory);
            Replay replay = JournalReader.read(files, keys);
            if (replay.problem().isPresent()) {
                throw new JournalException(
                        JournalErrorCode.DAMAGED,
                        "The journal cannot be continued because it was altered or damaged: "
                                + replay.problem().get().describe()
                                + ". Keep the files as evidence and start a new session.");
            }
            SegmentHeader first = replay.scan()
                    .firstHeader()
                    .orElseThrow(() -> new JournalException(
                            JournalErrorCode.NOT_A_JOURNAL, directory + " holds no complete segment header."));
            if (!Arrays.equals(first.signingPublicKey(), signingKey.publicKey().getEncoded())) {
                throw new JournalException(
                        JournalErrorCode.OTHER_SIGNING_KEY,
                        "This journal was started with another operator's signing key; resume it on that operator's account.");
            }
            List<ScannedSegment> segments = replay.scan().segments();
            NextSegment next = new NextSegment(
                    replay.sessionId(),
                    files.size() + 1,
                    replay.scan().lastSequence() + 1,
                    replay.scan().lastChainHash(),
                    segments.get(segments.size() - 1).validLength(),
                    first.kdf());
            JournalWriter writer = startSegment(directory, next, keys, signingKey, options, lock);
            recordRecovery(writer, replay.unrecordedTears());
            return new Resumed(replay, writer);
        }
    }

    /** Reads every entry (for {@code journal show}, exports, or a read-only view). */
    public static Replay read(Path directory, char[] passphrase) {
        return JournalReader.read(directory, passphrase);
    }

    /** A resumed session: what was recorded before, and the writer for what comes next. */
    public record Resumed(Replay replay, JournalWriter writer) {}

    private record NextSegment(
            UUID sessionId,
            int index,
            long firstSequence,
            byte[] previousChainHead,
            long previousValidLength,
            KdfParameters kdf) {}

    private static JournalWriter startSegment(
            Path directory,
            NextSegment next,
            KeyRing keys,
            OperatorKey signingKey,
            JournalOptions options,
            WriterLock lock) {
        byte[] dataKey = KeyRing.newDataKey();
        try {
            long created = options.clock().millis();
            SegmentHeader unwrapped = header(next, signingKey, created, new byte[Aead.NONCE_BYTES], new byte[0]);
            byte[] wrapNonce = Aead.randomNonce();
            byte[] wrapped = keys.wrap(next.kdf(), wrapNonce, dataKey, unwrapped.authenticatedPrefix());
            SegmentHeader header = header(next, signingKey, created, wrapNonce, wrapped);
            Path file = directory.resolve(SegmentFiles.name(next.index()));
            DurableFile out = writeHeader(file, header.encode(), options);
            byte[] headerHash = header.hash();
            var segmentKeys = new JournalWriter.SegmentKeys(
                    next.sessionId(),
                    headerHash,
                    new SecretKeySpec(dataKey, "AES"),
                    ChainHash.segmentStart(headerHash));
            return new JournalWriter(
                    file, out, segmentKeys, signingKey, next.firstSequence() - 1, options.clock(), lock);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    private static SegmentHeader header(
            NextSegment next, OperatorKey signingKey, long created, byte[] nonce, byte[] wrapped) {
        return new SegmentHeader(
                SegmentHeader.VERSION,
                next.sessionId(),
                next.index(),
                created,
                next.firstSequence(),
                next.previousChainHead(),
                next.previousValidLength(),
                next.kdf(),
                signingKey.publicKey().getEncoded(),
                nonce,
                wrapped);
    }

    /** Header durable and directory entry durable before the first record may be acknowledged. */
    private static DurableFile writeHeader(Path file, byte[] header, JournalOptions options) {
        DurableFile out = null;
        try {
            try {
                out = options.storage().createNew(file);
            } catch (FileAlreadyExistsException race) {
                throw new JournalException(
                        JournalErrorCode.LOCKED,
                        file.getFileName() + " was created by another process at the same moment: "
                                + "something else is writing to " + file.getParent()
                                + " (a copy of Flightdeck without the writer lock, or a sync tool). "
                                + "Nothing was written by this session; stop the other writer, then run `flightdeck journal verify` on the journal.",
                        race);
            }
            out.append(ByteBuffer.wrap(header));
            out.force();
            options.storage().syncDirectory(file.toAbsolutePath().getParent());
            return out;
        } catch (IOException e) {
            closeQuietly(out);
            throw new JournalException(
                    JournalErrorCode.WRITE_FAILED,
                    "A new journal segment cannot be written to " + file + " (" + e.getMessage()
                            + "). The session cannot start; check the disk.",
                    e);
        }
    }

    private static void recordRecovery(JournalWriter writer, List<TornTail> tears) {
        for (TornTail tear : tears) {
            ObjectNode payload = JournalJson.object()
                    .put("segment", tear.segment())
                    .put("offset", tear.offset())
                    .put("afterSequence", tear.afterSequence())
                    .put("discardedBytes", tear.bytes())
                    .put("inHeader", tear.inHeader())
                    .put("description", tear.describe());
            writer.append(EventTypes.RECOVERY, EventTypes.FLIGHTDECK, payload);
        }
    }

    private static void closeQuietly(DurableFile out) {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // already failing; the first error is the one reported
            }
        }
    }
}
