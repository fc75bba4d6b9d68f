package dev.flightdeck.metrics.prometheus;

import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/** One line of an exposition: {@code http_requests_total{method="get",status="500"} 3 1700000000000}. */
public record PrometheusSample(String name, Map<String, String> labels, double value, OptionalLong timestampMillis) {

    public PrometheusSample {
        labels = Map.copyOf(labels);
    }

    public String label(String label) {
        return labels.getOrDefault(label, "");
    }

    /** Name and labels in a stable order: identifies the same counter from one scrape to the next. */
    public String key() {
        return name + new TreeMap<>(labels);
    }
}
