package dev.flightdeck.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** Turns session events into journal payloads (JSON objects) and back, by their type string. */
public final class SessionEventCodec {

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static final Map<String, Class<? extends SessionEvent>> TYPES = Map.ofEntries(
            Map.entry(SessionEvent.SessionOpened.TYPE, SessionEvent.SessionOpened.class),
            Map.entry(SessionEvent.SessionResumed.TYPE, SessionEvent.SessionResumed.class),
            Map.entry(SessionEvent.StepIntent.TYPE, SessionEvent.StepIntent.class),
            Map.entry(SessionEvent.StepOutput.TYPE, SessionEvent.StepOutput.class),
            Map.entry(SessionEvent.StepOutputPart.TYPE, SessionEvent.StepOutputPart.class),
            Map.entry(SessionEvent.StepOutcome.TYPE, SessionEvent.StepOutcome.class),
            Map.entry(SessionEvent.StepSkipped.TYPE, SessionEvent.StepSkipped.class),
            Map.entry(SessionEvent.Confirmation.TYPE, SessionEvent.Confirmation.class),
            Map.entry(SessionEvent.Approval.TYPE, SessionEvent.Approval.class),
            Map.entry(SessionEvent.ApprovalRequested.TYPE, SessionEvent.ApprovalRequested.class),
            Map.entry(SessionEvent.SessionRoster.TYPE, SessionEvent.SessionRoster.class),
            Map.entry(SessionEvent.HostKeyDecision.TYPE, SessionEvent.HostKeyDecision.class),
            Map.entry(SessionEvent.ConnectionChanged.TYPE, SessionEvent.ConnectionChanged.class),
            Map.entry(SessionEvent.Alarm.TYPE, SessionEvent.Alarm.class),
            Map.entry(SessionEvent.AnalysisInconclusive.TYPE, SessionEvent.AnalysisInconclusive.class),
            Map.entry(SessionEvent.AnalysisDecision.TYPE, SessionEvent.AnalysisDecision.class),
            Map.entry(SessionEvent.ShadowAlarm.TYPE, SessionEvent.ShadowAlarm.class),
            Map.entry(SessionEvent.MetricsMinute.TYPE, SessionEvent.MetricsMinute.class),
            Map.entry(SessionEvent.RollbackCountdown.TYPE, SessionEvent.RollbackCountdown.class),
            Map.entry(SessionEvent.RollbackStarted.TYPE, SessionEvent.RollbackStarted.class),
            Map.entry(SessionEvent.RollbackFinished.TYPE, SessionEvent.RollbackFinished.class),
            Map.entry(SessionEvent.Verification.TYPE, SessionEvent.Verification.class),
            Map.entry(SessionEvent.NotificationQueued.TYPE, SessionEvent.NotificationQueued.class),
            Map.entry(SessionEvent.NotificationResult.TYPE, SessionEvent.NotificationResult.class),
            Map.entry(SessionEvent.SessionClosed.TYPE, SessionEvent.SessionClosed.class),
            Map.entry(SessionEvent.SessionReopened.TYPE, SessionEvent.SessionReopened.class),
            Map.entry(SessionEvent.WindowClosed.TYPE, SessionEvent.WindowClosed.class));

    private SessionEventCodec() {}

    /** Every journal type the session engine writes, with the event class whose record components are its payload's fields. */
    public static Map<String, Class<? extends SessionEvent>> types() {
        return TYPES;
    }

    public static ObjectNode encode(SessionEvent event) {
        return JSON.valueToTree(event);
    }

    /** The event of a journal entry, or empty for entries the session does not fold (checkpoints, recovery notes). */
    public static Optional<SessionEvent> decode(String type, ObjectNode payload) {
        Class<? extends SessionEvent> eventClass = TYPES.get(type);
        if (eventClass == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(payload, eventClass));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "journal entry of type " + type + " cannot be read as a session event: " + e.getMessage(), e);
        }
    }
}
