package dev.flightdeck.notify;

/**
 * One message to one channel. The texts are already redacted (they come from the journal's events or a bound,
 * redacted notify message).
 *
 * @param topic   a lifecycle event's key ({@code alarm}, {@code rollback-started}, ...) or {@code step:ID}
 * @param subject one line: what happened
 * @param text    the message in full
 * @param session the session, system, operator and one-line state every message carries
 * @param urgency whether an incident tool should open (or keep open) the session's incident, or resolve it
 */
public record Notification(
        String id, String channel, String topic, String subject, String text, SessionFacts session, Urgency urgency) {

    public enum Urgency {
        /** Something to know; an incident tool records it at low severity. */
        INFO,
        /** Something is wrong (an alarm, a rollback, a failed step): the channel's own severity. */
        ALERT,
        /** The trouble is over (a rollback verified, the session closed): resolve the session's incident. */
        RESOLVE
    }

    /**
     * @param system the runbook's title and the inventory it ran against
     * @param state  one line: where the window is (current step, steps done, rollback, time against the plan)
     */
    public record SessionFacts(String sessionId, String system, String operator, String state, boolean rehearsal) {}

    /** Subject and the facts, as plain text: the fallback every format carries and the e-mail's body. */
    public String plainText() {
        StringBuilder body = new StringBuilder(text.isBlank() ? subject : text);
        body.append("\n\nSession: ")
                .append(session.sessionId())
                .append("\nSystem: ")
                .append(session.system())
                .append("\nOperator: ")
                .append(session.operator())
                .append("\nState: ")
                .append(session.state());
        return body.toString();
    }

    /** The one-line fallback of chat formats: subject, system and operator. */
    public String fallback() {
        return (session.rehearsal() ? "[REHEARSAL] " : "") + subject + " (" + session.system() + ", operator "
                + session.operator() + ")";
    }
}
