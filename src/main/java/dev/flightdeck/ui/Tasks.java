package dev.flightdeck.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.LoggerFactory;

/**
 * Background work with results delivered on the FX thread, in one fluent line:
 * {@code Tasks.create(() -> load(file)).onSuccess(view::show).onError(view::showError).runOnce(executor)}.
 * A failure without an error handler is logged, never swallowed.
 */
public final class Tasks<T> {

    private final Callable<T> work;
    private Consumer<T> onSuccess = result -> {};
    // the logger is looked up only on a failure: the console's first frame runs a task, and the lookup would
    // configure Logback (hundreds of classes) on the FX thread before the frame
    private Consumer<Throwable> onError =
            error -> LoggerFactory.getLogger(Tasks.class).error("Background task failed", error);
    private Runnable andFinally = () -> {};
    private Executor uiThread = Platform::runLater;

    private Tasks(Callable<T> work) {
        this.work = work;
    }

    public static <T> Tasks<T> create(Callable<T> work) {
        return new Tasks<>(work);
    }

    public Tasks<T> onSuccess(Consumer<T> handler) {
        this.onSuccess = handler;
        return this;
    }

    public Tasks<T> onError(Consumer<Throwable> handler) {
        this.onError = handler;
        return this;
    }

    public Tasks<T> andFinally(Runnable handler) {
        this.andFinally = handler;
        return this;
    }

    /**
     * Where the handlers run: the FX thread unless told otherwise; a view model's test passes a same-thread executor,
     * so it runs without the toolkit.
     */
    public Tasks<T> deliveringOn(Executor uiThread) {
        this.uiThread = uiThread;
        return this;
    }

    /** Runs the work on the executor; handlers run on the FX thread (or where {@link #deliveringOn} says). */
    public void runOnce(Executor executor) {
        executor.execute(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> {
                    try {
                        onSuccess.accept(result);
                    } finally {
                        andFinally.run();
                    }
                });
            } catch (Exception | Error e) {
                uiThread.execute(() -> {
                    try {
                        onError.accept(e);
                    } finally {
                        andFinally.run();
                    }
                });
            }
        });
    }
}
