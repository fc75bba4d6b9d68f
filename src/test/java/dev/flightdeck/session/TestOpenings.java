package dev.flightdeck.session;

import dev.flightdeck.runbook.Runbook;
import java.util.Map;
import java.util.UUID;

/** The opening record of a live test session with no values: Dana, a placeholder inventory, a fixed window id. */
public final class TestOpenings {

    private TestOpenings() {}

    public static SessionEvent.SessionOpened live(Runbook runbook) {
        return new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                runbook.id(),
                runbook.title(),
                "",
                "sha-1",
                "dana",
                "inv.yaml",
                "20261123_020000",
                Map.of(),
                SessionEvent.Mode.LIVE);
    }
}
