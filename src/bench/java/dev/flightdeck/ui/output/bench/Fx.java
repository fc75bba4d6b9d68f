package dev.flightdeck.ui.output.bench;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/** Runs work on the FX thread from the bench thread and waits for it, with a limit (shared by the console and chart benches). */
public final class Fx {

    private Fx() {}

    public static <T> T call(Callable<T> work, Duration limit) throws InterruptedException, TimeoutException {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("FX work failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** Starts the toolkit unless something (TestFX, the console) already did; true when this call started it. */
    public static boolean startIfNeeded() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            return false;
        }
        Platform.setImplicitExit(false);
        try {
            started.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the JavaFX toolkit did not start within 30 s", e);
        }
        return true;
    }
}
