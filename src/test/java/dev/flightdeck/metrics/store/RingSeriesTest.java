package dev.flightdeck.metrics.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.signal.SeriesId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RingSeriesTest {

    private static final SeriesId ID = new SeriesId("web", "error_rate");

    @Test
    void aFullRingKeepsTheNewestSamplesInOrder() {
        RingSeries series = new RingSeries(ID, 5);
        for (int second = 0; second < 12; second++) {
            series.append(second * 1000L, second);
        }

        SeriesSnapshot snapshot = series.snapshot();

        assertThat(snapshot.times()).containsExactly(8000, 9000, 10_000, 11_000);
        assertThat(snapshot.values()).containsExactly(8, 9, 10, 11);
        assertThat(series.appendedCount()).isEqualTo(12);
    }

    @Test
    void rangeReturnsTheSamplesFromInclusiveToExclusive() {
        RingSeries series = new RingSeries(ID, 100);
        for (int second = 0; second < 60; second++) {
            series.append(second * 1000L, second);
        }

        assertThat(series.range(10_000, 13_000).values()).containsExactly(10, 11, 12);
        assertThat(series.range(10_500, 12_500).values()).containsExactly(11, 12);
        assertThat(series.range(100_000, 200_000).isEmpty()).isTrue();
        assertThat(series.last(3).values()).containsExactly(57, 58, 59);
    }

    @Test
    void aSampleOlderThanTheNewestIsRefusedSoTimesStayOrdered() {
        RingSeries series = new RingSeries(ID, 10);
        series.append(5000, 1);

        assertThat(series.append(4000, 2)).isFalse();
        assertThat(series.append(5000, 3)).isTrue();
        assertThat(series.snapshot().values()).containsExactly(1, 3);
    }

    @Test
    void readersAlwaysSeeAConsistentOrderedWindowWhileTheWriterWraps() throws Exception {
        RingSeries series = new RingSeries(ID, 257);
        int total = 400_000;
        AtomicReference<String> broken = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Thread writer = new Thread(
                () -> {
                    started.countDown();
                    for (int i = 0; i < total; i++) {
                        // the value always mirrors the time, so a torn or overwritten copy is detectable
                        series.append(i, i * 2.0);
                    }
                },
                "ring-writer");
        writer.start();
        started.await();
        long checked = 0;
        while (writer.isAlive() || checked == 0) {
            SeriesSnapshot snapshot = series.snapshot();
            for (int i = 0; i < snapshot.size(); i++) {
                boolean consistent = snapshot.valueAt(i) == snapshot.timeAt(i) * 2.0
                        && (i == 0 || snapshot.timeAt(i) == snapshot.timeAt(i - 1) + 1);
                if (!consistent) {
                    broken.compareAndSet(
                            null,
                            "index " + i + " of " + snapshot.size() + ": " + snapshot.timeAt(i) + "="
                                    + snapshot.valueAt(i));
                }
            }
            checked++;
        }
        writer.join();

        assertThat(broken.get()).isNull();
        assertThat(series.snapshot().size()).isEqualTo(256);
        assertThat(checked).isPositive();
    }
}
