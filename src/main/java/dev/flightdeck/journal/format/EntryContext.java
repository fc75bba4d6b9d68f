package dev.flightdeck.journal.format;

import java.nio.ByteBuffer;

/**
 * The associated data of an entry's AES-GCM encryption: header hash, sequence and the previous chain hash.
 * A record moved to another segment, position or session no longer decrypts.
 */
public final class EntryContext {

    private EntryContext() {}

    public static byte[] associatedData(byte[] headerHash, long sequence, byte[] previousChainHash) {
        return ByteBuffer.allocate(headerHash.length + 8 + previousChainHash.length)
                .put(headerHash)
                .putLong(sequence)
                .put(previousChainHash)
                .array();
    }
}
