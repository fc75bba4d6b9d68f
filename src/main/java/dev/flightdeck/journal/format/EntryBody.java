package dev.flightdeck.journal.format;

import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.crypto.Sha256;
import java.util.Arrays;

/**
 * An entry frame's body. Format 2: {@code commitment 32 ‖ nonce 12 ‖ AES-256-GCM(salt 32 ‖ plaintext)}, where the
 * commitment is {@code SHA-256(salt ‖ plaintext)} and stands in the clear so that the chain (and every checkpoint
 * signing it) fixes the plaintext without anyone needing the passphrase; the salt is encrypted with the record so
 * that the commitment gives nothing away about short, guessable texts. Format 1: {@code nonce 12 ‖ ciphertext}.
 * The part after the commitment is the record's <em>sealed</em> part.
 */
public record EntryBody(byte[] commitment, byte[] sealed) {

    public static final int COMMITMENT_BYTES = 32;
    public static final int SALT_BYTES = 32;
    /** A committed body is at least commitment, nonce, salt and tag long. */
    private static final int MIN_COMMITTED_BYTES = COMMITMENT_BYTES + Aead.NONCE_BYTES + SALT_BYTES + Aead.TAG_BYTES;

    /** Splits a body of a segment in {@code formatVersion}; null when a committed body is too short to be one. */
    public static EntryBody splitOrNull(int formatVersion, byte[] body) {
        if (formatVersion < SegmentHeader.VERSION) {
            return new EntryBody(null, body);
        }
        if (body.length < MIN_COMMITTED_BYTES) {
            return null;
        }
        return new EntryBody(
                Arrays.copyOf(body, COMMITMENT_BYTES), Arrays.copyOfRange(body, COMMITMENT_BYTES, body.length));
    }

    /**
     * What the chain takes for a frame's body without splitting it (the verifier's hot path): the commitment, or
     * null for a checkpoint or a format-1 entry, and the digest of the sealed part. Null when a committed body is too
     * short to hold a commitment.
     */
    public static ChainInput chainInputOrNull(int formatVersion, FrameType type, byte[] body) {
        if (type == FrameType.CHECKPOINT || formatVersion < SegmentHeader.VERSION) {
            return new ChainInput(null, Sha256.of(body));
        }
        if (body.length < MIN_COMMITTED_BYTES) {
            return null;
        }
        return new ChainInput(Arrays.copyOf(body, COMMITMENT_BYTES), Sha256.ofRange(body, COMMITMENT_BYTES));
    }

    /** The two values a frame adds to the chain besides its type and sequence. */
    public record ChainInput(byte[] commitment, byte[] digest) {}

    public byte[] encode() {
        if (commitment == null) {
            return sealed.clone();
        }
        byte[] body = Arrays.copyOf(commitment, COMMITMENT_BYTES + sealed.length);
        System.arraycopy(sealed, 0, body, COMMITMENT_BYTES, sealed.length);
        return body;
    }

    public boolean isCommitted() {
        return commitment != null;
    }

    public byte[] nonce() {
        return Arrays.copyOf(sealed, Aead.NONCE_BYTES);
    }

    public byte[] ciphertext() {
        return Arrays.copyOfRange(sealed, Aead.NONCE_BYTES, sealed.length);
    }

    /** {@code SHA-256(salt ‖ plaintext)}: what the chain takes for a record's content. */
    public static byte[] commitment(byte[] salt, byte[] plaintext) {
        return Sha256.of(salt, plaintext);
    }
}
