package dev.flightdeck.metrics;

import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.metrics.signal.SeriesId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A sink that keeps what a collector wrote, parts included, for tests that call a collector directly. */
public final class RecordingSink implements SampleSink {

    public record Sample(SeriesId id, long time, double value) {}

    private final String source;
    private final List<Sample> samples;

    public RecordingSink(String source) {
        this(source, new ArrayList<>());
    }

    private RecordingSink(String source, List<Sample> samples) {
        this.source = source;
        this.samples = samples;
    }

    @Override
    public synchronized void record(String signal, long epochMillis, double value) {
        samples.add(new Sample(new SeriesId(source, signal), epochMillis, value));
    }

    @Override
    public SampleSink part(String part) {
        return new RecordingSink(SampleSink.partSource(source, part), samples);
    }

    public synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }

    /** The newest value written for this source and signal. */
    public synchronized Optional<Double> last(String sourceName, String signal) {
        SeriesId id = new SeriesId(sourceName, signal);
        return samples.stream()
                .filter(sample -> sample.id().equals(id))
                .reduce((first, second) -> second)
                .map(Sample::value);
    }

    public synchronized void clear() {
        samples.clear();
    }
}
