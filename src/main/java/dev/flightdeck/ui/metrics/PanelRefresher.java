package dev.flightdeck.ui.metrics;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a new frame every second (and at once when the view asks, after a zoom or a resize) on its own daemon
 * thread, and hands the FX thread only the newest finished frame: if the FX thread has not taken the previous one
 * yet, the new one replaces it, so a slow screen never queues up work.
 */
public final class PanelRefresher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PanelRefresher.class);
    public static final Duration PERIOD = Duration.ofSeconds(1);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread named = new Thread(runnable, "flightdeck-metrics-panel");
        named.setDaemon(true);
        return named;
    });
    private final Function<PanelRequest, PanelFrame> sampler;
    private final Executor fxThread;
    private final Consumer<PanelFrame> view;
    private final AtomicReference<PanelFrame> waiting = new AtomicReference<>();
    private volatile PanelRequest request;
    private volatile boolean failing;

    public PanelRefresher(
            Function<PanelRequest, PanelFrame> sampler,
            PanelRequest initial,
            Executor fxThread,
            Consumer<PanelFrame> view) {
        this.sampler = sampler;
        this.request = initial;
        this.fxThread = fxThread;
        this.view = view;
    }

    public void start() {
        thread.scheduleWithFixedDelay(this::refresh, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Changes what is drawn (range, width) and builds a frame for it now. */
    public void request(PanelRequest next) {
        this.request = next;
        refreshNow();
    }

    public PanelRequest currentRequest() {
        return request;
    }

    public void refreshNow() {
        if (!thread.isShutdown()) {
            thread.execute(this::refresh);
        }
    }

    /** Runs a command (cancelling a countdown) on the panel's thread, then builds a frame showing its effect. */
    public void runThenRefresh(Runnable command) {
        if (!thread.isShutdown()) {
            thread.execute(() -> {
                try {
                    command.run();
                } catch (RuntimeException e) {
                    LOG.error("A metrics panel command failed", e);
                }
                refresh();
            });
        }
    }

    private void refresh() {
        PanelFrame frame;
        try {
            frame = sampler.apply(request);
        } catch (RuntimeException e) {
            // logged once per episode: a broken frame every second would flood the log
            if (!failing) {
                LOG.error("The metrics panel could not read the instruments; it keeps trying every second", e);
            }
            failing = true;
            return;
        }
        failing = false;
        if (waiting.getAndSet(frame) == null) {
            fxThread.execute(() -> view.accept(waiting.getAndSet(null)));
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
