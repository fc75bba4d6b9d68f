package dev.flightdeck.metrics.collect;

import java.time.Duration;

/**
 * A source of samples read on its own schedule: an HTTP health check, a Prometheus page, a Linux host over
 * SSH or a PostgreSQL database over JDBC. The {@link CollectorScheduler} calls {@link #collect} every
 * {@link #interval()} on a metrics thread (never the FX thread), one call at a time per collector, so an
 * implementation may keep state between calls (previous counters for rates) without locking.
 *
 * <p>An implementation reads everything for one sample in one round trip (one command over SSH, one query
 * batch over JDBC), stamps it with the time it was taken, and writes each figure to the sink under a
 * canonical signal name ({@code cpu}, {@code db_connections}; see {@code dev.flightdeck.runbook.Signals}) in the
 * unit of {@code dev.flightdeck.metrics.signal.SignalCatalog} (percent 0–100, milliseconds). A figure it could not
 * read it leaves out (or writes as NaN); a source it cannot reach at all is a {@link CollectorException}.
 * A check ({@code health}, {@code db_connection}) is written as 1 (passed) or 0 (failed) and its failure is a
 * sample, not an exception.
 */
public interface Collector {

    /** The inventory name the samples are filed under: the series are {@code source()/signal}. */
    String source();

    /** Time between the end of one collection and the start of the next. */
    Duration interval();

    /** Takes one reading and writes it to the sink; must return within about {@link #interval()} (use timeouts). */
    void collect(SampleSink sink) throws CollectorException, InterruptedException;
}
