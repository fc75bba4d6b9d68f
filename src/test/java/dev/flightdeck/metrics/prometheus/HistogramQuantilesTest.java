package dev.flightdeck.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HistogramQuantilesTest {

    private static final double[] BOUNDS = {0.05, 0.1, 0.25, 0.5, 1, Double.POSITIVE_INFINITY};

    @Test
    void quantilesInterpolateLinearlyInsideTheBucketHoldingTheRank() {
        double[] cumulative = {20, 60, 90, 98, 100, 100};

        assertThat(HistogramQuantiles.quantile(0.5, BOUNDS, cumulative))
                .as("rank 50 is 30/40 into (0.05, 0.1]")
                .isCloseTo(0.0875, within(1e-12));
        assertThat(HistogramQuantiles.quantile(0.95, BOUNDS, cumulative))
                .as("rank 95 is 5/8 into (0.25, 0.5]")
                .isCloseTo(0.40625, within(1e-12));
        assertThat(HistogramQuantiles.quantile(0.1, BOUNDS, cumulative))
                .as("the first bucket starts at 0")
                .isCloseTo(0.025, within(1e-12));
    }

    @Test
    void aRankInTheInfiniteBucketGivesTheHighestFiniteBound() {
        assertThat(HistogramQuantiles.quantile(0.99, BOUNDS, new double[] {0, 0, 0, 0, 10, 100}))
                .isEqualTo(1.0);
    }

    @Test
    void noObservationsGiveNoQuantile() {
        assertThat(HistogramQuantiles.quantile(0.5, BOUNDS, new double[6])).isNaN();
        assertThat(HistogramQuantiles.quantile(0.5, new double[] {0.1, 0.5}, new double[] {1, 2}))
                .as("no +Inf bucket")
                .isNaN();
    }
}
