package dev.flightdeck.metrics.collect;

/** Where a collector writes its figures; bound to the collector's source. */
@FunctionalInterface
public interface SampleSink {

    /** One figure: a canonical signal name, when it was read (epoch millis), its value in the signal's unit. */
    void record(String signal, long epochMillis, double value);

    /**
     * The sink for one part of this source that has figures of its own (a host's mount point: {@code disk} of
     * {@code /var}); its series are filed under {@code source:part}, so a rule on {@code disk} judges each part
     * separately. A sink that was not made for parts refuses rather than mixing the parts into one series.
     */
    default SampleSink part(String part) {
        throw new UnsupportedOperationException(
                "this sink files every figure under one source; it cannot take part '" + part + "'");
    }

    /**
     * The sink of another source: a reader of a whole fleet (a Prometheus server) files each series under the host or
     * endpoint its label names, so rules and groups treat it like that host's own figures.
     */
    default SampleSink forSource(String source) {
        throw new UnsupportedOperationException(
                "this sink files every figure under one source; it cannot take source '" + source + "'");
    }

    /**
     * The query behind {@code signal} failed: what failed, in words (HTTP status, the PromQL error). Counted apart
     * from failed measurements by the rules on that signal.
     */
    default void error(String signal, long epochMillis, String message) {}

    /** The query behind {@code signal} answered, possibly with no series: a run of errors ends. */
    default void answered(String signal) {}

    /** The name of a part's source: {@code app1:/var}. */
    static String partSource(String source, String part) {
        return source + ":" + part;
    }
}
