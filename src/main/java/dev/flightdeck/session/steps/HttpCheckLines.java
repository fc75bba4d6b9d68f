package dev.flightdeck.session.steps;

import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.StepResult;
import java.net.URI;
import java.time.Duration;

/**
 * What an HTTP check prints in the output pane, so the operator sees the check and not only its verdict: the
 * request, the status and latency, what was expected and whether it held, and the start of the body.
 */
final class HttpCheckLines {

    /** Enough of the body to recognise it ("ok", a version, an error page's title), never a page of it. */
    static final int BODY_SHOWN = 160;

    private final OutputSink output;
    private final String host;
    private final Expectation expect;
    private final URI uri;

    /** @param source the endpoint's inventory name, else the URL's host: the output pane's host column */
    HttpCheckLines(OutputSink output, String source, URI uri, Expectation expect) {
        this.output = output;
        this.uri = uri;
        this.host = source;
        this.expect = expect;
    }

    URI uri() {
        return uri;
    }

    void request(String method) {
        line(method + " " + uri);
    }

    void answer(int status, Duration latency, String body, StepResult result) {
        line("answered " + status + " in " + latency.toMillis() + " ms");
        String expected = expect.describe();
        line("expected " + (expected.isBlank() ? "a 2xx status" : expected) + ": "
                + (result.status() == SessionEvent.Status.SUCCEEDED ? "met" : "NOT met"));
        String firstLine = body == null ? "" : body.strip().lines().findFirst().orElse("");
        if (!firstLine.isEmpty()) {
            line("body: " + (firstLine.length() > BODY_SHOWN ? firstLine.substring(0, BODY_SHOWN) + "…" : firstLine));
        }
    }

    private void line(String text) {
        output.line(host, OutputSink.Stream.STDOUT, text);
    }
}
