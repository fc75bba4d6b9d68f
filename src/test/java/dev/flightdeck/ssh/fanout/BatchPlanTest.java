package dev.flightdeck.ssh.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.runbook.FanOut;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BatchPlanTest {

    private static FanOut serial(String... amounts) {
        return new FanOut(
                Optional.empty(),
                List.of(amounts).stream()
                        .map(a -> FanOut.Amount.parse(a).orElseThrow())
                        .toList(),
                Optional.empty());
    }

    @Test
    void canaryBatchesAreSizesOfTheWholeGroupAndTheLastOneTakesTheRest() {
        assertThat(BatchPlan.batchSizes(serial("10%", "50%", "100%"), 20)).containsExactly(2, 10, 8);
        assertThat(BatchPlan.batchSizes(serial("1", "25%", "100%"), 10)).containsExactly(1, 3, 6);
    }

    @Test
    void lastBatchSizeRepeatsUntilEveryHostHadItsTurn() {
        assertThat(BatchPlan.batchSizes(serial("1", "2"), 7)).containsExactly(1, 2, 2, 2);
    }

    @Test
    void withoutSerialTheGroupIsOneBatchRunOneHostAtATimeUnlessParallelIsGiven() {
        FanOut sequential = FanOut.sequential();
        assertThat(BatchPlan.batchSizes(sequential, 5)).containsExactly(5);
        assertThat(BatchPlan.parallelism(sequential, 5)).isEqualTo(1);
        assertThat(BatchPlan.parallelism(new FanOut(Optional.of(10), List.of(), Optional.empty()), 50))
                .isEqualTo(10);
    }

    @Test
    void maxFailAsPercentageRoundsUpAndAbsentMeansNoFailureTolerated() {
        assertThat(BatchPlan.allowedFailures(new FanOut(Optional.empty(), List.of(), FanOut.Amount.parse("10%")), 15))
                .isEqualTo(2);
        assertThat(BatchPlan.allowedFailures(FanOut.sequential(), 15)).isZero();
    }
}
