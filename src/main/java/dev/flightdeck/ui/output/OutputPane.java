package dev.flightdeck.ui.output;

import dev.flightdeck.session.OutputSink;
import java.util.Collection;
import java.util.Objects;

/**
 * The console's thread-safe entry point: any thread may call it at any rate. Lines wait in a bounded inbox and
 * reach the screen once per frame; the only cross-thread call is one wake-up when the inbox stops being idle,
 * never one per line. Hand it to the session engine as its {@link OutputSink}.
 */
public final class OutputPane implements OutputSink {

    private final LineInbox inbox;
    private final Runnable wakeDrain;

    OutputPane(LineInbox inbox, Runnable wakeDrain) {
        this.inbox = Objects.requireNonNull(inbox);
        this.wakeDrain = Objects.requireNonNull(wakeDrain);
    }

    @Override
    public void line(String host, Stream stream, String text) {
        append(host, stream, text);
    }

    public void append(String host, Stream stream, String text) {
        wakeIf(inbox.add(LineKind.of(stream), host, text));
    }

    /** Marks where a new step's output starts: "— step 2.1 stop-service on app1, app2 —". */
    public void beginStep(String stepNumber, String stepTitle, Collection<String> hosts) {
        wakeIf(inbox.add(LineKind.STEP, "", StepSeparator.text(stepNumber, stepTitle, hosts)));
    }

    /** Empties the console, including the host list and the dropped-lines count. */
    public void clear() {
        wakeIf(inbox.clear());
    }

    private void wakeIf(boolean wake) {
        if (wake) {
            wakeDrain.run();
        }
    }
}
