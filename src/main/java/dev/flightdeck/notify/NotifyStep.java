package dev.flightdeck.notify;

import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * {@code notify} steps: the message, bound with the session's values, is recorded (that is the notice) and handed to the
 * outbox for each channel in {@code to:}; the step does not wait for delivery, whose result the journal gets later.
 * A step with a {@code webhook:} endpoint also posts there as before, and fails if it is refused.
 */
final class NotifyStep implements StepExecutor {

    private final Outbox outbox;
    private final StepExecutor webhookSteps;
    private final UnaryOperator<String> redact;
    private final Clock clock;

    NotifyStep(Outbox outbox, StepExecutor webhookSteps, UnaryOperator<String> redact, Clock clock) {
        this.outbox = outbox;
        this.webhookSteps = webhookSteps;
        this.redact = redact;
        this.clock = clock;
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Notify notify = (StepAction.Notify) run.step().action();
        if (notify.webhook().isPresent() || notify.channels().isEmpty()) {
            StepResult recorded = webhookSteps.execute(run);
            if (notify.channels().isEmpty() || recorded.status() != SessionEvent.Status.SUCCEEDED) {
                return recorded;
            }
        } else {
            try {
                run.output()
                        .line(
                                "notice",
                                OutputSink.Stream.STDOUT,
                                "To " + notify.recipients() + ": "
                                        + redact.apply(run.bindings().bind(notify.message())));
            } catch (SessionValues.UnboundVariableException e) {
                return StepResult.failed("cannot write the notice: " + e.getMessage());
            }
        }
        String message;
        try {
            message = redact.apply(run.bindings().bind(notify.message()).strip());
        } catch (SessionValues.UnboundVariableException e) {
            return StepResult.failed("cannot write the notice: " + e.getMessage());
        }
        String subject = message.lines().findFirst().orElse(message);
        Notification.SessionFacts facts = SessionFacts.of(run.state(), clock.instant());
        for (String channel : notify.channels()) {
            outbox.submit(new Notification(
                    UUID.randomUUID().toString(),
                    channel,
                    "step:" + run.step().id(),
                    subject,
                    message,
                    facts,
                    Notification.Urgency.INFO));
        }
        return StepResult.succeeded(
                "notice recorded and handed to " + String.join(", ", notify.channels())
                        + " (delivery is journaled as it happens)",
                Map.of());
    }
}
