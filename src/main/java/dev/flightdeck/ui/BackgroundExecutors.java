package dev.flightdeck.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The console's named, bounded executor for file work the FX thread must never do (runbooks, inventories). The
 * settings are read once before the toolkit starts ({@code ConsoleServices}) and saved by the one who changes them.
 * A session's SSH, JDBC and journal work runs on its own session thread ({@code SessionWindow}), not here.
 */
public final class BackgroundExecutors implements AutoCloseable {

    private final ExecutorService files = bounded("flightdeck-files", 2);

    /** Reading and writing runbooks and inventories. */
    public ExecutorService files() {
        return files;
    }

    private static ExecutorService bounded(String name, int threads) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(
                threads,
                threads,
                30,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(256),
                factory,
                new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public void close() {
        files.shutdownNow();
    }
}
