package dev.flightdeck.metrics.collect;

/** Where a collector writes its figures; bound to the collector's source. */
@FunctionalInterface
public interface SampleSink {

    /** One figure: a canonical signal name, when it was read (epoch millis), its value in the signal's unit. */
    void record(String signal, long epochMillis, double value);
}
