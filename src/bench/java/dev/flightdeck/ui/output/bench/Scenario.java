package dev.flightdeck.ui.output.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * How lines are sent: a flood (as fast as the producer can, in bursts of 1,000) or a steady rate (a burst every
 * millisecond, as many lines as are due). The producer runs on its own thread, like an SSH reader.
 */
record Scenario(String label, int lines, int linesPerSecond) {

    static Scenario flood(int lines) {
        return new Scenario(String.format("flood %,d lines", lines), lines, 0);
    }

    static Scenario steady(int linesPerSecond, Duration length) {
        int lines = (int) (linesPerSecond * length.toMillis() / 1000);
        return new Scenario(
                String.format("%,d lines/s × %d s", linesPerSecond, length.toSeconds()), lines, linesPerSecond);
    }

    static Scenario idle(Duration length) {
        return new Scenario(String.format("idle %d s", length.toSeconds()), 0, 0);
    }

    /** Sends every line to the console under test, until done or until the thread is interrupted. */
    void feed(BenchLines source, ConsoleUnderTest console) {
        long start = System.nanoTime();
        int sent = 0;
        while (sent < lines && !Thread.currentThread().isInterrupted()) {
            int due = linesPerSecond == 0
                    ? Math.min(lines, sent + 1_000)
                    : (int) Math.min(lines, (System.nanoTime() - start) * linesPerSecond / 1_000_000_000L);
            for (; sent < due; sent++) {
                console.push(BenchLines.host(sent), BenchLines.stderr(sent), source.text(sent));
            }
            console.endOfBurst();
            if (linesPerSecond > 0) {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    String lastText(BenchLines source) {
        return source.text(lines - 1);
    }
}
