package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Position;
import java.util.Optional;

/**
 * A variable the runbook declares. Without a default value it must be supplied by the inventory's
 * {@code vars:} or by the operator when the session starts.
 */
public record VariableDefinition(String name, Optional<String> defaultValue, String description, Position position) {

    public boolean isRequired() {
        return defaultValue.isEmpty();
    }
}
