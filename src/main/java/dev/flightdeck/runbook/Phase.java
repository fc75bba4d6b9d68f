package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.Position;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A group of steps that must all succeed (or be skipped with a reason) before the next phase opens. */
public record Phase(
        String id, String title, String description, Optional<Duration> estimate, List<Step> steps, Position position) {

    public Phase {
        steps = List.copyOf(steps);
    }
}
