package dev.flightdeck.journal.crypto;

import java.util.Arrays;

/** Argon2id parameters as recorded in a segment header or key file. */
public record KdfParameters(int memoryKiB, int iterations, int parallelism, byte[] salt) {

    public static final int SALT_BYTES = 16;
    /** Bounds a hostile header cannot exceed (it would make opening the journal exhaust memory). */
    static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;

    static final int MAX_ITERATIONS = 64;
    static final int MAX_PARALLELISM = 16;

    public KdfParameters {
        salt = salt.clone();
    }

    public boolean isWithinBounds() {
        return memoryKiB >= 8
                && memoryKiB <= MAX_MEMORY_KIB
                && iterations >= 1
                && iterations <= MAX_ITERATIONS
                && parallelism >= 1
                && parallelism <= MAX_PARALLELISM
                && salt.length == SALT_BYTES;
    }

    public boolean isProductionStrength() {
        return memoryKiB >= KdfCost.PRODUCTION_MEMORY_KIB;
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    public String describe() {
        return "Argon2id m=" + memoryKiB + " KiB t=" + iterations + " p=" + parallelism;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KdfParameters that
                && memoryKiB == that.memoryKiB
                && iterations == that.iterations
                && parallelism == that.parallelism
                && Arrays.equals(salt, that.salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * memoryKiB + iterations) + parallelism) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return describe();
    }
}
