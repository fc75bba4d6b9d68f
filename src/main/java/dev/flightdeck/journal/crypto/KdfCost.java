package dev.flightdeck.journal.crypto;

/**
 * How expensive Argon2id is made for the passphrase. Production journals and keys always use at least
 * 64 MiB; the only way to get less is {@link #insecureForTestsOnly(int)}, so a weak setting is visible
 * at every call site. Whatever is used is recorded in the file header, where it is authenticated.
 */
public final class KdfCost {

    public static final int PRODUCTION_MEMORY_KIB = 64 * 1024;

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    private KdfCost(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** 64 MiB, 3 passes, 1 lane: about a third of a second on a laptop, once per open. */
    public static KdfCost production() {
        return new KdfCost(PRODUCTION_MEMORY_KIB, 3, 1);
    }

    /**
     * A cheap setting so tests can derive keys thousands of times. Never use it for a real session:
     * a journal written with it is reported as weak by {@code journal verify}.
     */
    public static KdfCost insecureForTestsOnly(int memoryKiB) {
        if (memoryKiB < 8) {
            throw new IllegalArgumentException("Argon2 needs at least 8 KiB");
        }
        return new KdfCost(memoryKiB, 1, 1);
    }

    public KdfParameters withSalt(byte[] salt) {
        return new KdfParameters(memoryKiB, iterations, parallelism, salt);
    }

    public int memoryKiB() {
        return memoryKiB;
    }
}
