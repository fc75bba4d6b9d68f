package dev.flightdeck.session.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.inventory.EndpointEntry;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;

/**
 * {@code notify} steps: the message is recorded in the journal (that is the notice); with a webhook endpoint it is
 * also posted as JSON {@code {"text": ..., "to": ...}}, and the step fails if the webhook does not accept it.
 */
public final class NotifyStepExecutor implements StepExecutor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;

    public NotifyStepExecutor(HttpClient client) {
        this.client = client;
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Notify notify = (StepAction.Notify) run.step().action();
        String message;
        try {
            message = run.bindings().bind(notify.message());
        } catch (SessionValues.UnboundVariableException e) {
            return StepResult.failed("cannot write the notice: " + e.getMessage());
        }
        String audience = notify.recipients();
        run.output().line("notice", OutputSink.Stream.STDOUT, "To " + audience + ": " + message);
        if (notify.webhook().isEmpty()) {
            return StepResult.succeeded("notice recorded for " + audience, Map.of());
        }
        Optional<EndpointEntry> webhook =
                run.inventory().endpoint(notify.webhook().get());
        if (webhook.isEmpty()) {
            return StepResult.failed("webhook endpoint '" + notify.webhook().get() + "' is not in "
                    + run.inventory().origin());
        }
        return post(webhook.get(), message, audience);
    }

    private StepResult post(EndpointEntry webhook, String message, String audience) throws InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("text", message).put("to", audience);
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create(webhook.url()))
                            .timeout(webhook.timeout())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                return StepResult.failed(
                        "webhook '" + webhook.name() + "' refused the notice with status " + response.statusCode());
            }
            return StepResult.succeeded("notice sent to " + audience + " through '" + webhook.name() + "'", Map.of());
        } catch (IOException e) {
            return StepResult.failed("webhook '" + webhook.name() + "' could not be reached: " + e.getMessage());
        }
    }
}
