package dev.flightdeck.session;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.RosterLoader;
import java.util.Optional;

/** The roster a session journaled, read back from its text once (it never changes during a session). */
final class JournaledRosters {

    private SessionEvent.SessionRoster source;
    private Roster roster;

    synchronized Roster of(SessionEvent.SessionRoster recorded) {
        if (recorded != source) {
            roster = read(recorded);
            source = recorded;
        }
        return roster;
    }

    /** The journaled roster; it was valid when the session opened, so a problem now means the journal is not what was written. */
    static Roster read(SessionEvent.SessionRoster recorded) {
        return RosterLoader.parse(
                        recorded.rosterText(),
                        "the roster journaled at the session's start",
                        Optional.ofNullable(recorded.rosterSignedBy()))
                .orElseThrow();
    }
}
