package dev.flightdeck.ui.output;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;

/**
 * Feeds a session's live output into the output console: a separator line when a step starts, then its lines as
 * they arrive (from any thread; the console batches them per frame).
 */
public final class OutputFeed implements SessionListener {

    private final OutputPane console;

    private OutputFeed(OutputPane console) {
        this.console = console;
    }

    public static void attach(Session session, OutputPane console) {
        session.addListener(new OutputFeed(console));
    }

    @Override
    public void recorded(Recorded event, SessionState state) {
        if (event.event() instanceof SessionEvent.StepIntent intent) {
            String title = state.runbook()
                    .step(intent.stepId())
                    .map(Step::displayTitle)
                    .orElse(intent.stepId());
            console.beginStep(state.runbook().numberOf(intent.stepId()), title, intent.targets());
        }
    }

    @Override
    public void output(String stepId, String host, OutputSink.Stream stream, String line) {
        console.line(host, stream, line);
    }
}
