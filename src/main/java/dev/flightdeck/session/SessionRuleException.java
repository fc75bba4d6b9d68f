package dev.flightdeck.session;

/** An operator command that the session's rules do not allow now, with the reason in plain words. Nothing was recorded. */
public final class SessionRuleException extends Exception {

    public SessionRuleException(String message) {
        super(message);
    }
}
