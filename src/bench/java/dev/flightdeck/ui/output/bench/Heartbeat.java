package dev.flightdeck.ui.output.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * Measures how responsive the FX thread stays: a beat is posted every 5 ms and timed when the FX thread runs it,
 * so the gap between two beats is how long the thread could not react (a frozen window is one long gap). Each
 * beat also asks whether the last line is visible yet, so "time until visible" costs no extra FX work.
 */
public final class Heartbeat {

    static final long PERIOD_MILLIS = 5;

    /**
     * The worst gap between two beats (the longest the FX thread was unavailable) and the 99th percentile of how
     * late a beat ran after it was posted (what an operator's click would wait); gaps are not used for the
     * percentile because beats held up by a stall run back to back afterwards and would hide it.
     */
    public record Gaps(Duration worst, Duration p99, int beats) {}

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flightdeck-bench-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    private final BooleanSupplier lastLineVisible;
    private final long startedAt = System.nanoTime();
    private long[] beats = new long[8_192];
    private long[] latencies = new long[8_192];
    private int count;
    private volatile long visibleAt = -1;

    private Heartbeat(BooleanSupplier lastLineVisible) {
        this.lastLineVisible = lastLineVisible;
    }

    /** Starts beating; {@code lastLineVisible} is asked on the FX thread at each beat until it says yes. */
    public static Heartbeat start(BooleanSupplier lastLineVisible) {
        Heartbeat heartbeat = new Heartbeat(lastLineVisible);
        heartbeat.ticker.scheduleAtFixedRate(
                () -> {
                    long postedAt = System.nanoTime();
                    Platform.runLater(() -> heartbeat.beat(postedAt));
                },
                0,
                PERIOD_MILLIS,
                TimeUnit.MILLISECONDS);
        return heartbeat;
    }

    private void beat(long postedAt) {
        long now = System.nanoTime();
        synchronized (this) {
            if (count == beats.length) {
                beats = Arrays.copyOf(beats, count * 2);
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            beats[count] = now;
            latencies[count++] = now - postedAt;
        }
        if (visibleAt < 0 && lastLineVisible.getAsBoolean()) {
            visibleAt = now;
        }
    }

    /** Time from the start until the last line was first seen, or -1 while it is not. */
    long visibleAfterNanos() {
        long at = visibleAt;
        return at < 0 ? -1 : at - startedAt;
    }

    long runningNanos() {
        return System.nanoTime() - startedAt;
    }

    /** Stops beating; a thread still frozen now counts, as the gap from its last beat until now. */
    public synchronized Gaps stop() {
        ticker.shutdownNow();
        long now = System.nanoTime();
        long[] gaps = new long[count];
        long previous = startedAt;
        for (int i = 0; i < count; i++) {
            gaps[i] = beats[i] - previous;
            previous = beats[i];
        }
        long frozenSinceLastBeat = now - previous;
        Arrays.sort(gaps);
        long[] late = Arrays.copyOf(latencies, count);
        Arrays.sort(late);
        long worst = Math.max(frozenSinceLastBeat, count == 0 ? 0 : gaps[count - 1]);
        long p99 = count == 0 ? worst : late[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)];
        return new Gaps(Duration.ofNanos(worst), Duration.ofNanos(p99), count);
    }
}
