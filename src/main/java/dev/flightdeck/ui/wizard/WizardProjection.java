package dev.flightdeck.ui.wizard;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import dev.flightdeck.session.WindowClock;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the wizard shows of a session state, as plain values: the rows of the step list, each phase's progress, the
 * progress line, the clock, the journal line and every host's connection. No toolkit, no session calls: a function
 * of the runbook, the inventory and the state.
 */
final class WizardProjection {

    private WizardProjection() {}

    /** One row per step, numbered phase.step. */
    static List<StepRow> rows(Runbook runbook) {
        List<StepRow> rows = new ArrayList<>();
        int phaseNumber = 0;
        for (Phase phase : runbook.phases()) {
            phaseNumber++;
            int stepNumber = 0;
            for (Step step : phase.steps()) {
                stepNumber++;
                rows.add(new StepRow(phaseNumber + "." + stepNumber, phase.title(), step));
            }
        }
        return rows;
    }

    static List<PhaseProgress> phases(Runbook runbook, SessionState now) {
        Optional<String> currentStep = now.currentStep().map(Step::id);
        List<PhaseProgress> result = new ArrayList<>();
        int number = 0;
        for (Phase phase : runbook.phases()) {
            int settled = 0;
            boolean troubled = false;
            boolean current = false;
            for (Step step : phase.steps()) {
                StepStatus status = now.status(step.id());
                settled += status.isSettled() ? 1 : 0;
                troubled |= status == StepStatus.FAILED || status == StepStatus.UNKNOWN;
                current |= currentStep.filter(step.id()::equals).isPresent();
            }
            result.add(new PhaseProgress(++number, phase.title(), phase.steps().size(), settled, current, troubled));
        }
        return result;
    }

    /** {@code Phase 2 of 5 · Backup · 7 of 21 steps done} */
    static String progress(List<PhaseProgress> phases, SessionState now, int steps) {
        return phases.stream()
                        .filter(PhaseProgress::current)
                        .findFirst()
                        .map(phase ->
                                "Phase " + phase.number() + " of " + phases.size() + " · " + phase.title() + " · ")
                        .orElse("")
                + now.settledCount() + " of " + steps + " steps done";
    }

    /** Every inventory host, then any other target the journal names (an ssh-config alias), in name order. */
    static List<WizardViewModel.HostConnection> connections(Inventory inventory, SessionState now) {
        Map<String, String> byHost = new TreeMap<>();
        inventory.hosts().forEach(host -> byHost.put(host.name(), WizardViewModel.HostConnection.NOT_YET));
        byHost.putAll(now.connections());
        return byHost.entrySet().stream()
                .map(entry -> new WizardViewModel.HostConnection(entry.getKey(), entry.getValue()))
                .toList();
    }

    static String journal(SessionState now, Optional<String> lastCheckpoint) {
        return "Journal: " + now.lastSequence() + " records · last checkpoint " + lastCheckpoint.orElse("none yet")
                + now.closed().map(result -> " · closed").orElse("");
    }

    /** The clock line and the window's warnings (empty once the window is over). */
    record Clock(String text, String warning) {}

    static Clock clock(SessionState now, Instant instant) {
        Optional<String> over = windowOver(now, instant);
        if (over.isPresent()) {
            return new Clock(over.get(), "");
        }
        WindowClock.Reading reading = WindowClock.read(now, instant);
        return new Clock(
                Durations.readable(reading.elapsed())
                        + reading.planned()
                                .map(p -> " of " + Durations.readable(p))
                                .orElse("") + " · projected end in " + Durations.readable(reading.remainingEstimate()),
                String.join(" ", reading.warnings()));
    }

    /** A window that is over has no projection: how long it took, or when it was reopened for its rollback. */
    private static Optional<String> windowOver(SessionState now, Instant instant) {
        if (now.closed().isPresent()) {
            Instant closedAt = now.closedAt().orElse(instant);
            return Optional.of("closed after "
                    + Durations.readable(Duration.between(now.startedAt().orElse(closedAt), closedAt)));
        }
        return now.reopened()
                .map(reopening -> "reopened for its rollback "
                        + Durations.readable(Duration.between(reopening.at(), instant)) + " ago");
    }
}
