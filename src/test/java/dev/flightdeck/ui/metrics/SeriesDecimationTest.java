package dev.flightdeck.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Decimated;
import dev.flightdeck.metrics.store.Decimator;
import dev.flightdeck.metrics.store.RingSeries;
import org.junit.jupiter.api.Test;

/** Buckets kept between frames give the same picture as decimating the whole range again, at the cost of the newest samples. */
class SeriesDecimationTest {

    private static final long START = 1_773_446_400_000L;
    private static final int COLUMNS = 350;
    private static final long HOUR = 3_600_000;

    private final RingSeries series = new RingSeries(new SeriesId("app-1", "cpu"), 4 * 3600 + 2);

    private void appendUntil(long end) {
        long next = series.appendedCount() == 0 ? START : series.last(1).timeAt(0) + 1000;
        for (long time = next; time < end; time += 1000) {
            series.append(time, 20 + (time / 1000 * 7919) % 61);
        }
    }

    private Decimated fresh(long from, long to, long bucketMillis) {
        long first = Math.floorDiv(from, bucketMillis) * bucketMillis;
        int buckets = (int) ((to - 1 - first) / bucketMillis + 1);
        return Decimator.minMax(series, first, first + buckets * bucketMillis, buckets);
    }

    @Test
    void slidingTheLastHourFrameByFrameGivesTheSameBucketsAsDecimatingItAgain() {
        SeriesDecimation kept = new SeriesDecimation(series);
        appendUntil(START + 2 * HOUR);
        Decimated last = null;
        for (int frame = 0; frame < 90; frame++) {
            long now = START + 2 * HOUR + frame * 1000L;
            appendUntil(now);
            last = kept.window(now - HOUR, now, COLUMNS);
        }
        long now = START + 2 * HOUR + 89_000;
        Decimated again = fresh(now - HOUR, now, last.bucketMillis());

        assertThat(last.buckets()).isLessThanOrEqualTo(COLUMNS);
        assertThat(last.from()).isEqualTo(again.from());
        assertThat(last.min()).containsExactly(again.min());
        assertThat(last.max()).containsExactly(again.max());
        assertThat(last.count()).containsExactly(again.count());
    }

    @Test
    void aSampleStampedBeforeTheLastFrameButStoredAfterItIsStillCounted() {
        SeriesDecimation kept = new SeriesDecimation(series);
        appendUntil(START + HOUR);
        long lastTime = series.last(1).timeAt(0);
        kept.window(START, lastTime + 1, COLUMNS);

        series.append(lastTime + 500, 999);
        Decimated next = kept.window(START, lastTime + 2000, COLUMNS);

        int bucket = (int) ((lastTime + 500 - next.from()) / next.bucketMillis());
        assertThat(next.max()[bucket]).isEqualTo(999);
    }

    @Test
    void onceTheRingIsFullTheWholeWindowFollowsItsStartAtTheNextRebuild() {
        SeriesDecimation kept = new SeriesDecimation(series);
        appendUntil(START + HOUR);
        assertThat(kept.oldest()).hasValue(START);

        appendUntil(START + 5 * HOUR);
        long ringStart = series.last(Integer.MAX_VALUE).timeAt(0);
        kept.window(kept.oldest().getAsLong(), START + 5 * HOUR, COLUMNS);

        assertThat(ringStart).isGreaterThan(START);
        assertThat(kept.oldest()).hasValue(ringStart);
    }

    @Test
    void bucketsAreWholeSecondsSoAGrowingWholeWindowRebuildsOnlyNowAndThen() {
        assertThat(SeriesDecimation.bucketMillis(HOUR, COLUMNS)).isEqualTo(11_000);
        assertThat(SeriesDecimation.bucketMillis(4 * HOUR, COLUMNS)).isEqualTo(42_000);
        assertThat(SeriesDecimation.bucketMillis(4 * HOUR + 60_000, COLUMNS)).isEqualTo(42_000);
        assertThat(SeriesDecimation.bucketMillis(30_000, COLUMNS)).isEqualTo(100);
    }
}
