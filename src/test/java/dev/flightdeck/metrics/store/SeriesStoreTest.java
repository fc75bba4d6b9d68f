package dev.flightdeck.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesStoreTest {

    @Test
    void fourHoursAtOneSecondForFiftySeriesFitsWellUnderSixtyFourMegabytes() {
        SeriesStore store = SeriesStore.withDefaults();
        for (int i = 0; i < 50; i++) {
            store.series(new SeriesId("host-" + i, "cpu"));
        }

        assertThat(store.capacity() - 1).as("readable samples per series").isGreaterThanOrEqualTo(4 * 3600);
        assertThat(store.reservedBytes()).isLessThan(64L * 1024 * 1024).isEqualTo(50L * 14_402 * 16);
    }

    @Test
    void decimationKeepsEachBucketsExtremesAndShowsGapsAsGaps() {
        RingSeries series = new RingSeries(new SeriesId("web", "latency_p95"), 1000);
        for (int second = 0; second < 600; second++) {
            if (second >= 300 && second < 360) {
                continue;
            }
            series.append(second * 1000L, second == 42 ? 9000 : 100 + second % 7);
        }

        Decimated chart = Decimator.minMax(series, 0, 600_000, 10);

        assertThat(chart.buckets()).isEqualTo(10);
        assertThat(chart.bucketMillis()).isEqualTo(60_000);
        assertThat(chart.max()[0]).as("the spike survives").isEqualTo(9000);
        assertThat(chart.min()[0]).isEqualTo(100);
        assertThat(chart.count()[1]).isEqualTo(60);
        assertThat(chart.isGap(5)).isTrue();
        assertThat(chart.min()[5]).isNaN();
    }

    @Test
    void minuteSummariesAreEmittedWhenTheMinuteIsOverAndOnFlush() {
        List<MinuteSummary> journaled = new ArrayList<>();
        MinuteSummaries summaries = new MinuteSummaries(journaled::add);
        SeriesId id = new SeriesId("web", "error_rate");
        long start = Instant.parse("2026-03-14T02:14:00Z").toEpochMilli();
        for (int second = 0; second < 90; second++) {
            summaries.accept(id, start + second * 1000L, second < 60 ? second % 3 : Double.NaN);
        }

        assertThat(journaled).singleElement().satisfies(minute -> {
            assertThat(minute.minute()).isEqualTo(Instant.parse("2026-03-14T02:14:00Z"));
            assertThat(minute.min()).isEqualTo(0);
            assertThat(minute.max()).isEqualTo(2);
            assertThat(minute.average()).isEqualTo(1);
            assertThat(minute.count()).isEqualTo(60);
            assertThat(minute.describe())
                    .isEqualTo("2026-03-14T02:14:00Z web/error_rate min 0.00% max 2.00% avg 1.00% (60 samples)");
        });

        summaries.flush();

        assertThat(journaled).hasSize(2);
        assertThat(journaled.get(1).count()).isEqualTo(30);
        assertThat(journaled.get(1).average())
                .as("a minute with no readings says so")
                .isNaN();
    }

    @Test
    void seriesAreListedBySourceThenSignal() {
        SeriesStore store = new SeriesStore(10);
        store.series(new SeriesId("web", "latency_p95"));
        store.series(new SeriesId("db", "db_connections"));
        store.series(new SeriesId("web", "error_rate"));

        assertThat(store.all())
                .extracting(series -> series.id().toString())
                .containsExactly("db/db_connections", "web/error_rate", "web/latency_p95");
        assertThat(store.bySignal("error_rate")).hasSize(1);
        assertThat(SeriesStore.forHistory(Duration.ofMinutes(1), Duration.ofSeconds(1))
                        .capacity())
                .isEqualTo(62);
    }
}
