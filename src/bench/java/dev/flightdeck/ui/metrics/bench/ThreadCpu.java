package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.ui.output.bench.Fx;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * CPU time used by the FX thread and by the renderer's thread ({@code QuantumRenderer-0}, which rasterizes what the FX
 * thread drew and holds its next pulse until done) between two moments. On a machine shared with other builds the
 * wall-clock figures grow with their load; the CPU a thread used does much less.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The CPU each thread used, in nanoseconds (0 for a thread that could not be found or measured). */
    record Used(long fx, long renderer) {}

    private final long fxId;
    private final long rendererId;
    private final long fxAtStart;
    private final long rendererAtStart;

    private ThreadCpu(long fxId, long rendererId) {
        this.fxId = fxId;
        this.rendererId = rendererId;
        this.fxAtStart = cpu(fxId);
        this.rendererAtStart = cpu(rendererId);
    }

    static ThreadCpu ofFxAndRenderer() throws Exception {
        long fx = Fx.call(() -> Thread.currentThread().getId(), Duration.ofMinutes(1));
        long renderer = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("QuantumRenderer"))
                .mapToLong(Thread::getId)
                .findFirst()
                .orElse(-1);
        return new ThreadCpu(fx, renderer);
    }

    Used used() {
        return new Used(cpu(fxId) - fxAtStart, cpu(rendererId) - rendererAtStart);
    }

    private static long cpu(long threadId) {
        if (threadId < 0 || !THREADS.isThreadCpuTimeSupported()) {
            return 0;
        }
        return Math.max(0, THREADS.getThreadCpuTime(threadId));
    }
}
