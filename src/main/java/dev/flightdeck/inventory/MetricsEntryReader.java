package dev.flightdeck.inventory;

import dev.flightdeck.yaml.DidYouMean;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.Problems;
import dev.flightdeck.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads what the inventory says about the instruments: {@code metrics:} of hosts and databases ({@code false} to opt
 * out, or {@code { every, disks }}), and the metric names of a prometheus endpoint ({@code requests},
 * {@code status-label}, {@code latency}, {@code latency-unit}). Problems carry their line and column.
 */
final class MetricsEntryReader {

    static final Set<String> ENDPOINT_NAME_KEYS = Set.of("requests", "status-label", "latency", "latency-unit");
    private static final Set<String> HOST_METRICS_KEYS = Set.of("every", "disks");
    private static final Set<String> DATABASE_METRICS_KEYS = Set.of("every");
    private static final Map<String, Double> LATENCY_UNITS = Map.of("s", 1000.0, "ms", 1.0, "us", 0.001);

    private MetricsEntryReader() {
    }

    static MetricsSettings forHost(MappingReader host, Problems problems) {
        return read(host, HOST_METRICS_KEYS, problems);
    }

    static MetricsSettings forDatabase(MappingReader database, Problems problems) {
        return read(database, DATABASE_METRICS_KEYS, problems);
    }

    private static MetricsSettings read(MappingReader entry, Set<String> keys, Problems problems) {
        Optional<YamlNode> node = entry.node("metrics");
        if (node.isEmpty() || node.get().isNull()) {
            return MetricsSettings.ON;
        }
        if (node.get().isScalar()) {
            return entry.bool("metrics", true) ? MetricsSettings.ON : MetricsSettings.OFF;
        }
        return MappingReader.of(node.get(), "'metrics' of " + entry.what(), keys, problems)
                .map(metrics -> new MetricsSettings(true, every(metrics, problems), disks(metrics, problems)))
                .orElse(MetricsSettings.ON);
    }

    private static Optional<Duration> every(MappingReader metrics, Problems problems) {
        Optional<Duration> every = metrics.duration("every");
        if (every.isPresent() && every.get().compareTo(Duration.ofSeconds(1)) < 0) {
            problems.error(metrics.positionOf("every"), "'every' in " + metrics.what() + " must be at least 1s: a reading runs a command or a query");
            return Optional.empty();
        }
        return every;
    }

    private static List<String> disks(MappingReader metrics, Problems problems) {
        if (!metrics.has("disks")) {
            return MetricsSettings.DEFAULT_DISKS;
        }
        List<String> disks = metrics.textList("disks");
        for (String disk : disks) {
            if (!disk.startsWith("/")) {
                problems.error(metrics.positionOf("disks"), "'disks' in " + metrics.what() + " must be absolute paths such as /var/lib/postgresql, not '"
                        + disk + "'");
            }
        }
        return disks.stream().filter(disk -> disk.startsWith("/")).distinct().toList();
    }

    /** The metric names of an endpoint; only a prometheus endpoint may have them. */
    static PrometheusNames endpointNames(MappingReader endpoint, EndpointEntry.Kind kind, Problems problems) {
        if (kind != EndpointEntry.Kind.PROMETHEUS) {
            ENDPOINT_NAME_KEYS.stream().filter(endpoint::has).sorted().forEach(key -> problems.error(endpoint.positionOf(key),
                    "'" + key + "' names a metric of a Prometheus page: it needs 'kind: prometheus' in " + endpoint.what()));
            return PrometheusNames.DEFAULTS;
        }
        return new PrometheusNames(endpoint.text("requests"), endpoint.text("status-label"), endpoint.text("latency"),
                latencyToMillis(endpoint, problems));
    }

    private static OptionalDouble latencyToMillis(MappingReader endpoint, Problems problems) {
        Optional<String> unit = endpoint.text("latency-unit");
        if (unit.isEmpty()) {
            return OptionalDouble.empty();
        }
        Double factor = LATENCY_UNITS.get(unit.get().strip());
        if (factor == null) {
            problems.error(endpoint.positionOf("latency-unit"), "'latency-unit' in " + endpoint.what() + " must be s, ms or us, not '"
                    + unit.get() + "'" + DidYouMean.hint(unit.get(), LATENCY_UNITS.keySet()));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(factor);
    }
}
