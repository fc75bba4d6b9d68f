package dev.flightdeck.db.admin;

import java.util.Optional;

/**
 * Whether the operator allowed Flightdeck to end other sessions on a database (needed to snapshot, swap or
 * restore it). Given explicitly per action, by a named person, so the journal can say who decided.
 */
public record OperatorConsent(Optional<String> grantedBy) {

    public static OperatorConsent terminateSessions(String operator) {
        return new OperatorConsent(Optional.of(operator));
    }

    public static OperatorConsent none() {
        return new OperatorConsent(Optional.empty());
    }

    public boolean granted() {
        return grantedBy.isPresent();
    }
}
