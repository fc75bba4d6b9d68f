package dev.flightdeck.ui.metrics.bench;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A real engine holding {@code hours} of 1 s samples for every series, spread over the four chart families, and a
 * clock the bench moves one second per update: what a long maintenance window looks like to the charts.
 */
final class BenchHistory {

    private static final List<String> SIGNALS = List.of(
            "latency_p95",
            "error_rate",
            "db_connections",
            "cpu",
            "latency_p50",
            "request_rate",
            "db_transactions",
            "memory",
            "latency_p99",
            "disk",
            "load",
            "health_latency");

    final MetricsEngine engine;
    final BenchClock clock;
    private final SeriesId[] ids;
    private long newest;

    private BenchHistory(MetricsEngine engine, BenchClock clock, SeriesId[] ids, long newest) {
        this.engine = engine;
        this.clock = clock;
        this.ids = ids;
        this.newest = newest;
    }

    static BenchHistory filled(int series, int hours) {
        long start = Instant.parse("2026-03-14T00:00:00Z").toEpochMilli();
        BenchClock clock = new BenchClock(start);
        MetricsEngine engine = new MetricsEngine(
                List.of(), clock, MetricsEngine.Options.defaults(), new TriggerListener() {}, minute -> {});
        SeriesId[] ids = new SeriesId[series];
        for (int index = 0; index < series; index++) {
            ids[index] = new SeriesId("host-" + index / SIGNALS.size(), SIGNALS.get(index % SIGNALS.size()));
        }
        BenchHistory history = new BenchHistory(engine, clock, ids, start - 1000);
        for (int second = 0; second < hours * 3600; second++) {
            history.appendSecond();
        }
        return history;
    }

    /** One new sample per series, one second after the last, and the clock moved to it. */
    void appendSecond() {
        newest += 1000;
        int second = (int) (newest / 1000);
        for (int index = 0; index < ids.length; index++) {
            engine.record(
                    ids[index], newest, 40 + 25 * Math.sin(second / 300.0 + index) + (second * 7919 + index * 31) % 13);
        }
        clock.set(newest + 1);
    }

    long newest() {
        return newest;
    }

    /** A clock the bench sets: the charts' "now" follows the history. */
    static final class BenchClock extends Clock {
        private volatile long millis;

        BenchClock(long millis) {
            this.millis = millis;
        }

        void set(long now) {
            millis = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis);
        }
    }
}
