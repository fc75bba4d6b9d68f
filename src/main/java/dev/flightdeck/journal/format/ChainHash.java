package dev.flightdeck.journal.format;

import dev.flightdeck.journal.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The hash chain: {@code H_i = SHA-256(H_{i-1} || type || sequence || SHA-256(body_i))}, starting each segment at
 * {@code SHA-256("flightdeck-segment" || SHA-256(header))} (the header carries the previous segment's head). For an
 * entry of a format-2 segment the digest is of its sealed part and the record's plaintext commitment follows it
 * ({@link EntryBody}), so every chain hash, and every checkpoint signing one, fixes the plaintext too.
 * Hashing digests rather than bodies lets an evidence pack prove the chain with 32 or 64 bytes per record.
 */
public final class ChainHash {

    public static final int BYTES = 32;
    private static final byte[] SEGMENT_DOMAIN = "flightdeck-segment".getBytes(StandardCharsets.US_ASCII);

    private static final ThreadLocal<MessageDigest> CHAIN_DIGESTS = ThreadLocal.withInitial(Sha256::newDigest);

    private ChainHash() {}

    public static byte[] genesis() {
        return new byte[BYTES];
    }

    public static byte[] segmentStart(byte[] headerHash) {
        return Sha256.of(SEGMENT_DOMAIN, headerHash);
    }

    public static byte[] next(byte[] previous, FrameType type, long sequence, byte[] bodyDigest) {
        return next(previous, type, sequence, bodyDigest, null);
    }

    /** @param commitment the entry's plaintext commitment, or null for a checkpoint or a format-1 entry */
    public static byte[] next(byte[] previous, FrameType type, long sequence, byte[] bodyDigest, byte[] commitment) {
        MessageDigest digest = CHAIN_DIGESTS.get();
        digest.reset();
        digest.update(previous);
        digest.update((byte) type.code());
        digest.update(ByteBuffer.allocate(8).putLong(sequence).array());
        digest.update(bodyDigest);
        if (commitment != null) {
            digest.update(commitment);
        }
        return digest.digest();
    }

    /** What the operator writes into the change ticket: the first 16 hex digits, grouped for reading aloud. */
    public static String shortForm(byte[] chainHash) {
        String hex = Sha256.hex(chainHash);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16);
    }
}
