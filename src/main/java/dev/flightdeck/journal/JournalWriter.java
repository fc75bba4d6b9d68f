package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import dev.flightdeck.journal.format.EntryBody;
import dev.flightdeck.journal.format.EntryContext;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.Frames;
import dev.flightdeck.journal.storage.DurableFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends records to the open segment. {@link #append} and {@link #checkpoint} return only after the bytes were
 * written and {@code force(true)} succeeded: then, and only then, the record counts as durable. A failed write or
 * sync stops the writer for good (a failed fsync is never retried: the kernel may have dropped the dirty pages).
 * Thread-safe; calls are serialised.
 */
public final class JournalWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JournalWriter.class);

    private final Path segment;
    private final DurableFile out;
    private final UUID sessionId;
    private final byte[] headerHash;
    private final SecretKey dataKey;
    private final OperatorKey signingKey;
    private final Clock clock;
    private final WriterLock lock;
    private long lastSequence;
    private byte[] chain;
    private IOException failure;
    private boolean closed;

    JournalWriter(
            Path segment,
            DurableFile out,
            SegmentKeys keys,
            OperatorKey signingKey,
            long lastSequence,
            Clock clock,
            WriterLock lock) {
        this.segment = segment;
        this.out = out;
        this.sessionId = keys.sessionId();
        this.headerHash = keys.headerHash();
        this.dataKey = keys.dataKey();
        this.signingKey = signingKey;
        this.lastSequence = lastSequence;
        this.chain = keys.chainStart();
        this.clock = clock;
        this.lock = lock;
    }

    /** What a new segment's writer starts from. */
    record SegmentKeys(UUID sessionId, byte[] headerHash, SecretKey dataKey, byte[] chainStart) {}

    /**
     * Encrypts and appends one event, committing its plaintext into the chain ({@link EntryBody}); returns it once
     * it is durable.
     */
    public synchronized JournalEntry append(String type, String actor, ObjectNode payload) {
        ensureWritable();
        long sequence = lastSequence + 1;
        Instant time = clock.instant();
        byte[] content = RecordOpening.seal(JournalJson.encode(time, type, actor, payload));
        byte[] commitment = Sha256.of(content);
        byte[] nonce = Aead.randomNonce();
        byte[] ciphertext =
                Aead.encrypt(dataKey, nonce, content, EntryContext.associatedData(headerHash, sequence, chain));
        Arrays.fill(content, (byte) 0);
        byte[] sealed = new byte[nonce.length + ciphertext.length];
        System.arraycopy(nonce, 0, sealed, 0, nonce.length);
        System.arraycopy(ciphertext, 0, sealed, nonce.length, ciphertext.length);
        writeDurably(FrameType.ENTRY, sequence, new EntryBody(commitment, sealed));
        return new JournalEntry(sequence, time, type, actor, payload.deepCopy());
    }

    /**
     * Signs "everything up to now" and appends the signature as its own record. Call at every approval, rollback
     * start and end, and session close; show {@link Checkpoint#shortHash()} to the operator for the change ticket.
     */
    public synchronized Checkpoint checkpoint(String reason) {
        return signCheckpoint(reason, false);
    }

    /**
     * The last record of a session: a checkpoint marked as closing it, so a reviewer can tell a finished session
     * from one cut short at an earlier checkpoint. Closes the writer.
     */
    public synchronized Checkpoint closeSession(String reason) {
        Checkpoint last = signCheckpoint(reason, true);
        close();
        return last;
    }

    private Checkpoint signCheckpoint(String reason, boolean closesSession) {
        ensureWritable();
        long covered = lastSequence;
        byte[] covering = chain;
        Instant time = clock.instant();
        byte[] signature = signingKey.sign(
                CheckpointBody.signedMessage(sessionId, covered, covering, time.toEpochMilli(), reason, closesSession));
        CheckpointBody body =
                new CheckpointBody(sessionId, covered, covering, time.toEpochMilli(), reason, closesSession, signature);
        writeDurably(
                FrameType.CHECKPOINT, covered + 1, new EntryBody(null, body.encode())); // in the clear, no commitment
        return new Checkpoint(
                covered + 1,
                covered,
                Instant.ofEpochMilli(time.toEpochMilli()),
                reason,
                closesSession,
                covering,
                signature);
    }

    private void writeDurably(FrameType type, long sequence, EntryBody record) {
        byte[] body = record.encode();
        if (body.length > Frames.MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    "a journal record may hold at most " + Frames.MAX_BODY_BYTES + " bytes; bound the output first");
        }
        try {
            out.append(Frames.encode(type, sequence, body));
            out.force();
        } catch (IOException e) {
            failure = e;
            throw new JournalException(
                    JournalErrorCode.WRITE_FAILED,
                    "The journal could not be saved to disk (" + e.getMessage()
                            + "). The session is stopped: record " + sequence
                            + " and anything after it is not recorded. "
                            + "Check the disk, then reopen the session to continue.",
                    e);
        }
        chain = ChainHash.next(chain, type, sequence, Sha256.of(record.sealed()), record.commitment());
        lastSequence = sequence;
    }

    private void ensureWritable() {
        if (failure != null) {
            throw new JournalException(
                    JournalErrorCode.STOPPED,
                    "The journal stopped after a failed write (" + failure.getMessage()
                            + "); nothing more is recorded until the session is reopened.");
        }
        if (closed) {
            throw new JournalException(JournalErrorCode.STOPPED, "The journal is closed.");
        }
    }

    public synchronized long lastSequence() {
        return lastSequence;
    }

    /** The chain hash after the last durable record, in full (hex): what an approval request is bound to. */
    public synchronized String chainHead() {
        return Sha256.hex(chain);
    }

    /** The chain hash after the last durable record, in the short form used for tickets. */
    public synchronized String lastShortHash() {
        return ChainHash.shortForm(chain);
    }

    public UUID sessionId() {
        return sessionId;
    }

    public Path segmentFile() {
        return segment;
    }

    public synchronized boolean isStopped() {
        return failure != null;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing journal segment {} failed: {}", segment, e.getMessage());
        } finally {
            lock.close();
        }
    }
}
