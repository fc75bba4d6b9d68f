package dev.flightdeck.metrics.prometheus;

import java.util.List;
import java.util.Map;

/**
 * A parsed exposition: every sample, and the declared type of each metric family ({@code counter}, {@code gauge},
 * {@code histogram}, {@code summary}, {@code untyped}).
 */
public record PrometheusScrape(List<PrometheusSample> samples, Map<String, String> types, Map<String, String> help) {

    public PrometheusScrape {
        samples = List.copyOf(samples);
        types = Map.copyOf(types);
        help = Map.copyOf(help);
    }

    public List<PrometheusSample> named(String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }
}
