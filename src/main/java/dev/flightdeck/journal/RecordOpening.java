package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.Aead;
import dev.flightdeck.journal.format.EntryBody;
import java.util.Arrays;

/**
 * What opens a record's commitment: the random salt and the exact plaintext bytes that were encrypted together
 * ({@code SHA-256(salt ‖ plaintext)} is the commitment in the chain). An evidence pack reveals both, so a reviewer
 * without the passphrase can check that the text they read is the text every checkpoint signed.
 */
public record RecordOpening(long sequence, byte[] salt, byte[] plaintext) {

    /** The content an entry encrypts: a fresh random salt, then the plaintext. */
    static byte[] seal(byte[] plaintext) {
        byte[] content = Arrays.copyOf(Aead.randomBytes(EntryBody.SALT_BYTES), EntryBody.SALT_BYTES + plaintext.length);
        System.arraycopy(plaintext, 0, content, EntryBody.SALT_BYTES, plaintext.length);
        return content;
    }

    /** Splits decrypted content; null when it is too short to hold a salt. */
    static RecordOpening ofContentOrNull(long sequence, byte[] content) {
        if (content.length < EntryBody.SALT_BYTES) {
            return null;
        }
        return new RecordOpening(
                sequence,
                Arrays.copyOf(content, EntryBody.SALT_BYTES),
                Arrays.copyOfRange(content, EntryBody.SALT_BYTES, content.length));
    }

    public byte[] commitment() {
        return EntryBody.commitment(salt, plaintext);
    }
}
