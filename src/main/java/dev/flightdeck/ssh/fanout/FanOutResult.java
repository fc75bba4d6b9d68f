package dev.flightdeck.ssh.fanout;

import java.util.List;
import java.util.Optional;

/**
 * Every host's run, in inventory order.
 *
 * @param allowedFailures {@code max-fail} as a host count for this group
 * @param stopReason      why the rollout stopped before the last host, when it did
 */
public record FanOutResult(List<HostRun> runs, int allowedFailures, Optional<String> stopReason) {

    public FanOutResult {
        runs = List.copyOf(runs);
    }

    public List<HostRun.Ran> ran() {
        return runs.stream()
                .filter(HostRun.Ran.class::isInstance)
                .map(HostRun.Ran.class::cast)
                .toList();
    }

    public long succeeded() {
        return ran().stream().filter(run -> run.result().isSuccess()).count();
    }

    public long failed() {
        return ran().stream().filter(run -> !run.result().isSuccess()).count();
    }

    public List<HostRun.NotStarted> notStarted() {
        return runs.stream()
                .filter(HostRun.NotStarted.class::isInstance)
                .map(HostRun.NotStarted.class::cast)
                .toList();
    }

    /** The step passes when every host ran and no more than {@code max-fail} of them failed. */
    public boolean isSuccess() {
        return stopReason.isEmpty() && notStarted().isEmpty() && failed() <= allowedFailures;
    }
}
