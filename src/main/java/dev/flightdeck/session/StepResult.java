package dev.flightdeck.session;

import java.util.List;
import java.util.Map;

/** How a step ended, with the outputs later steps may use and, for fan-out, the result on each host. */
public record StepResult(
        SessionEvent.Status status, String message, Map<String, String> outputs, List<SessionEvent.HostResult> hosts) {

    public static StepResult succeeded(String message, Map<String, String> outputs) {
        return new StepResult(SessionEvent.Status.SUCCEEDED, message, Map.copyOf(outputs), List.of());
    }

    public static StepResult failed(String message) {
        return new StepResult(SessionEvent.Status.FAILED, message, Map.of(), List.of());
    }

    public static StepResult failed(String message, Map<String, String> outputs) {
        return new StepResult(SessionEvent.Status.FAILED, message, Map.copyOf(outputs), List.of());
    }

    /** The outcome is not known (exit status -1, a dropped connection): never treated as success. */
    public static StepResult unknown(String message) {
        return new StepResult(SessionEvent.Status.UNKNOWN, message, Map.of(), List.of());
    }
}
