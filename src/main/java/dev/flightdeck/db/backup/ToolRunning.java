package dev.flightdeck.db.backup;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.PasswordSource;
import dev.flightdeck.db.connect.SealedSecret;
import dev.flightdeck.db.event.DatabaseEvent;
import dev.flightdeck.db.event.DatabaseEventListener;
import dev.flightdeck.db.place.CommandPlace;
import dev.flightdeck.db.place.ToolInvocation;
import dev.flightdeck.db.place.ToolResult;
import java.time.Clock;
import java.util.Optional;

/** Runs a PostgreSQL tool with the database password sealed for the call only, and records that it ran. */
final class ToolRunning {

    private ToolRunning() {}

    static ToolResult run(
            CommandPlace place,
            ToolInvocation invocation,
            ConnectionTarget target,
            PasswordSource passwords,
            Clock clock,
            DatabaseEventListener events) {
        Optional<SealedSecret> password = passwords.passwordFor(target).map(SealedSecret::new);
        try {
            ToolResult result = place.run(invocation.withPassword(password));
            events.onEvent(new DatabaseEvent.ToolRan(
                    target.name(),
                    clock.instant(),
                    place.describe(),
                    invocation.shellCommand(),
                    result.exitCode(),
                    result.elapsed()));
            return result;
        } finally {
            password.ifPresent(SealedSecret::close);
        }
    }
}
