package dev.flightdeck.ssh.fanout;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The named, bounded thread pools of fan-outs; each lives for one batch and is shut down after it. */
final class FanOutThreads {

    private static final AtomicInteger POOL_NUMBER = new AtomicInteger();

    private FanOutThreads() {}

    static ExecutorService pool(int threads) {
        int pool = POOL_NUMBER.incrementAndGet();
        AtomicInteger thread = new AtomicInteger();
        return new ThreadPoolExecutor(
                threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread t = new Thread(runnable, "flightdeck-fanout-" + pool + "-" + thread.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    static <T> T result(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            // runOne handles every SSH failure as a result; anything else is a programming error.
            throw new IllegalStateException("fan-out task failed unexpectedly", e.getCause());
        }
    }

    static void shutdown(ExecutorService pool) throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            pool.shutdownNow();
        }
    }
}
