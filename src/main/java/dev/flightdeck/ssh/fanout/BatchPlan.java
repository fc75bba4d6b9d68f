package dev.flightdeck.ssh.fanout;

import dev.flightdeck.runbook.FanOut;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a group into the batches of {@code serial:} (Ansible's meaning: each entry is a batch size, a
 * percentage of the whole group rounded up, and the last entry repeats until every host had its turn).
 * Without {@code serial:} the whole group is one batch.
 */
final class BatchPlan {

    private BatchPlan() {}

    static List<Integer> batchSizes(FanOut fanOut, int hosts) {
        List<Integer> sizes = new ArrayList<>();
        if (fanOut.serial().isEmpty()) {
            if (hosts > 0) {
                sizes.add(hosts);
            }
            return sizes;
        }
        int remaining = hosts;
        int index = 0;
        while (remaining > 0) {
            FanOut.Amount amount =
                    fanOut.serial().get(Math.min(index, fanOut.serial().size() - 1));
            int size = Math.max(1, Math.min(amount.of(hosts), remaining));
            sizes.add(size);
            remaining -= size;
            index++;
        }
        return sizes;
    }

    /** Hosts run at once within a batch: {@code parallel:}, else the whole batch when batches are given, else one. */
    static int parallelism(FanOut fanOut, int batchSize) {
        int wanted = fanOut.parallel().orElse(fanOut.serial().isEmpty() ? 1 : batchSize);
        return Math.max(1, Math.min(wanted, batchSize));
    }

    /** {@code max-fail:} as a host count; absent means no failure is tolerated. */
    static int allowedFailures(FanOut fanOut, int hosts) {
        return fanOut.maxFail().map(amount -> amount.of(hosts)).orElse(0);
    }
}
