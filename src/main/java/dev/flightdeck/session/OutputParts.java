package dev.flightdeck.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A running step's output journaled as it streams ({@code step.output.part}), so a crash loses at most the last
 * {@value #CHUNK_BYTES} bytes or {@link #INTERVAL} of it. Whole lines only, redacted like everything journaled. A step
 * that ends within the interval journals no part (its {@code step.output} at the end says it all). Bounded: after
 * {@value #FULL_BUDGET} bytes of a stream, each interval keeps only its last {@value #TAIL_CHARS} characters.
 */
final class OutputParts implements AutoCloseable {

    static final int CHUNK_BYTES = 64 * 1024;
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final long FULL_BUDGET = 512 * 1024;
    static final int TAIL_CHARS = 8 * 1024;

    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flightdeck-output-parts");
        thread.setDaemon(true);
        return thread;
    });

    private final String stepId;
    private final UnaryOperator<String> redact;
    private final Consumer<SessionEvent.StepOutputPart> journal;
    private final Map<String, Pending> streams = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();
    private final ScheduledFuture<?> ticking;
    private boolean closed;

    OutputParts(String stepId, UnaryOperator<String> redact, Consumer<SessionEvent.StepOutputPart> journal) {
        this.stepId = stepId;
        this.redact = redact;
        this.journal = journal;
        this.ticking = TICKER.scheduleWithFixedDelay(this::tick, 250, 250, TimeUnit.MILLISECONDS);
    }

    private static final class Pending {
        final String host;
        final String stream;
        final StringBuilder text = new StringBuilder();
        long bytes;
        long journaledBytes;
        long droppedBytes;
        long lastFlushNanos = System.nanoTime();
        int part;

        Pending(String host, String stream) {
            this.host = host;
            this.stream = stream;
        }
    }

    synchronized void line(String host, String stream, String line) {
        if (closed) {
            return;
        }
        Pending pending = streams.computeIfAbsent(host + "\u0000" + stream, key -> new Pending(host, stream));
        pending.text.append(line).append('\n');
        pending.bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (pending.journaledBytes >= FULL_BUDGET) {
            int excess = pending.text.length() - TAIL_CHARS;
            if (excess > 0) {
                int cut = pending.text.indexOf("\n", excess);
                cut = cut < 0 ? excess : cut + 1;
                pending.droppedBytes += pending.text.substring(0, cut).getBytes(StandardCharsets.UTF_8).length;
                pending.text.delete(0, cut);
            }
        } else if (pending.bytes >= CHUNK_BYTES) {
            flush(pending);
        }
    }

    private synchronized void tick() {
        if (closed || System.nanoTime() - startedNanos < INTERVAL.toNanos()) {
            return;
        }
        for (Pending pending : streams.values()) {
            if (System.nanoTime() - pending.lastFlushNanos >= INTERVAL.toNanos()
                    && (pending.text.length() > 0 || pending.droppedBytes > 0)) {
                try {
                    flush(pending);
                } catch (RuntimeException journalStopped) {
                    // the step's own outcome reports a journal that stopped; a part is only a safety net
                    closed = true;
                    return;
                }
            }
        }
    }

    private void flush(Pending pending) {
        String note = pending.droppedBytes > 0 ? "[… " + pending.droppedBytes + " bytes of output not kept …]\n" : "";
        pending.part++;
        journal.accept(new SessionEvent.StepOutputPart(
                stepId, pending.host, pending.stream, pending.part, note + redact.apply(pending.text.toString())));
        pending.journaledBytes += pending.bytes;
        pending.text.setLength(0);
        pending.bytes = 0;
        pending.droppedBytes = 0;
        pending.lastFlushNanos = System.nanoTime();
    }

    /** Stops the parts; what is still pending goes into the step's closing {@code step.output}. */
    @Override
    public void close() {
        ticking.cancel(false);
        synchronized (this) {
            closed = true;
        }
    }
}
