package dev.flightdeck.testing.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * "Ends within N seconds" for work that must stay cheap (hostile input): the bound is on the CPU time of the thread that
 * does the work, which other builds on a loaded machine do not stretch, while a much longer wall-clock limit only stops
 * a hang. A wall-clock bound alone failed at load 20 on inputs that take 1–3 s of CPU.
 */
public final class CpuBound {

    /** The wall-clock limit that only catches a hang. */
    private static final Duration HANG = Duration.ofSeconds(60);

    private CpuBound() {}

    public static <T> T within(Duration cpu, ThrowingSupplier<T> work) {
        AtomicLong used = new AtomicLong();
        T result = assertTimeoutPreemptively(HANG, () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            try {
                return work.get();
            } finally {
                used.set(threads.getCurrentThreadCpuTime() - start);
            }
        });
        assertThat(Duration.ofNanos(used.get())).as("CPU time of the work").isLessThan(cpu);
        return result;
    }
}
