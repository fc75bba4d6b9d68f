package dev.flightdeck.journal.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A signed checkpoint, stored in the clear so a reviewer can check it with the public key alone:
 * {@code version u8 | flags u8 (1 = closes the session) | session 16 | sequence of the last record covered i64 | chain hash 32 | time (epoch ms) i64
 * | reason length u16 + UTF-8 | Ed25519 signature 64}. The signature covers a domain string and every field before it.
 */
public record CheckpointBody(
        UUID sessionId,
        long coveredSequence,
        byte[] chainHash,
        long timeMillis,
        String reason,
        boolean closesSession,
        byte[] signature) {

    private static final byte VERSION = 1;
    private static final byte[] DOMAIN = "flightdeck-checkpoint-v1".getBytes(StandardCharsets.US_ASCII);
    public static final int MAX_REASON_BYTES = 1024;

    public static byte[] signedMessage(
            UUID sessionId,
            long coveredSequence,
            byte[] chainHash,
            long timeMillis,
            String reason,
            boolean closesSession) {
        byte[] fields = fields(sessionId, coveredSequence, chainHash, timeMillis, reason, closesSession);
        return ByteBuffer.allocate(DOMAIN.length + fields.length)
                .put(DOMAIN)
                .put(fields)
                .array();
    }

    public byte[] signedMessage() {
        return signedMessage(sessionId, coveredSequence, chainHash, timeMillis, reason, closesSession);
    }

    public byte[] encode() {
        byte[] fields = fields(sessionId, coveredSequence, chainHash, timeMillis, reason, closesSession);
        return ByteBuffer.allocate(fields.length + signature.length)
                .put(fields)
                .put(signature)
                .array();
    }

    private static byte[] fields(
            UUID sessionId,
            long coveredSequence,
            byte[] chainHash,
            long timeMillis,
            String reason,
            boolean closesSession) {
        byte[] reasonBytes = reason.getBytes(StandardCharsets.UTF_8);
        if (reasonBytes.length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException("checkpoint reason longer than " + MAX_REASON_BYTES + " bytes");
        }
        return ByteBuffer.allocate(2 + 16 + 8 + 32 + 8 + 2 + reasonBytes.length)
                .put(VERSION)
                .put((byte) (closesSession ? 1 : 0))
                .putLong(sessionId.getMostSignificantBits())
                .putLong(sessionId.getLeastSignificantBits())
                .putLong(coveredSequence)
                .put(chainHash)
                .putLong(timeMillis)
                .putShort((short) reasonBytes.length)
                .put(reasonBytes)
                .array();
    }

    /** Returns null when the bytes are not a well-formed checkpoint. */
    public static CheckpointBody decodeOrNull(byte[] body) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(body);
            if (buffer.get() != VERSION) {
                return null;
            }
            int flags = buffer.get();
            if (flags != 0 && flags != 1) {
                return null;
            }
            UUID session = new UUID(buffer.getLong(), buffer.getLong());
            long covered = buffer.getLong();
            byte[] chain = new byte[32];
            buffer.get(chain);
            long time = buffer.getLong();
            byte[] reason = new byte[Short.toUnsignedInt(buffer.getShort())];
            buffer.get(reason);
            byte[] signature = new byte[buffer.remaining()];
            buffer.get(signature);
            return signature.length == 64
                    ? new CheckpointBody(
                            session,
                            covered,
                            chain,
                            time,
                            new String(reason, StandardCharsets.UTF_8),
                            flags == 1,
                            signature)
                    : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
