package dev.flightdeck.session;

import java.time.Instant;
import java.util.Optional;

/** Tells a watching step whether a rollback trigger has fired since it started watching. */
@FunctionalInterface
public interface AlarmWatch {

    /** The text of the first alarm raised at or after {@code since}, if any. */
    Optional<String> firedSince(Instant since);
}
