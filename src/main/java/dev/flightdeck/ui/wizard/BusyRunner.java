package dev.flightdeck.ui.wizard;

import dev.flightdeck.session.SessionRuleException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;

/**
 * The one way the wizard carries out a command: busy while it runs on the session's thread, its outcome (a message,
 * good news or a problem) handed back in one hop on the UI thread. The thread doing it is known meanwhile, so an
 * emergency can interrupt it.
 */
final class BusyRunner {

    /** What the operator is told afterwards; an empty message clears the line. */
    record Outcome(String message, boolean problem) {}

    @FunctionalInterface
    interface Work {
        Outcome run() throws Exception;
    }

    private final Executor sessionExecutor;
    private final Executor uiThread;
    private final BooleanProperty busy;
    private final AtomicReference<Thread> working = new AtomicReference<>();

    BusyRunner(Executor sessionExecutor, Executor uiThread, BooleanProperty busy) {
        this.sessionExecutor = sessionExecutor;
        this.uiThread = uiThread;
        this.busy = busy;
    }

    /** Runs the work unless another is running; {@code done} gets its outcome on the UI thread, with busy cleared. */
    void run(Work work, Consumer<Outcome> done) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        sessionExecutor.execute(() -> {
            Outcome outcome;
            working.set(Thread.currentThread());
            try {
                outcome = work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = new Outcome("stopped", true);
            } catch (Exception e) {
                outcome = new Outcome(
                        e instanceof SessionRuleException ? e.getMessage() : "could not finish: " + e.getMessage(),
                        true);
            } finally {
                working.set(null);
            }
            Outcome result = outcome;
            uiThread.execute(() -> {
                busy.set(false);
                done.accept(result);
            });
        });
    }

    /** The thread carrying out a command now, if any. */
    Optional<Thread> working() {
        return Optional.ofNullable(working.get());
    }
}
