package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads what the inventory says about the instruments: {@code metrics:} of hosts and databases ({@code false} to opt
 * out, or {@code { every, disks }}), and the metric names of a prometheus endpoint ({@code requests},
 * {@code status-label}, {@code latency}, {@code latency-unit}) and the further signals it reads ({@code signals:}).
 * Problems carry their line and column.
 */
final class MetricsEntryReader {

    static final Set<String> ENDPOINT_NAME_KEYS =
            Set.of("requests", "status-label", "latency", "latency-unit", "signals");
    private static final Set<String> SIGNAL_KEYS = Set.of("gauge", "rate", "ratio", "of", "scale");
    private static final Pattern SIGNAL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Set<String> HOST_METRICS_KEYS = Set.of("every", "disks");
    private static final Set<String> DATABASE_METRICS_KEYS = Set.of("every");
    private static final Map<String, Double> LATENCY_UNITS = Map.of("s", 1000.0, "ms", 1.0, "us", 0.001);

    private MetricsEntryReader() {}

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
            problems.error(
                    metrics.positionOf("every"),
                    "'every' in " + metrics.what() + " must be at least 1s: a reading runs a command or a query");
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
                problems.error(
                        metrics.positionOf("disks"),
                        "'disks' in " + metrics.what() + " must be absolute paths such as /var/lib/postgresql, not '"
                                + disk + "'");
            }
        }
        return disks.stream().filter(disk -> disk.startsWith("/")).distinct().toList();
    }

    /** The metric names of an endpoint; only a prometheus endpoint may have them. */
    static PrometheusNames endpointNames(MappingReader endpoint, EndpointEntry.Kind kind, Problems problems) {
        if (kind != EndpointEntry.Kind.PROMETHEUS) {
            ENDPOINT_NAME_KEYS.stream()
                    .filter(endpoint::has)
                    .sorted()
                    .forEach(key -> problems.error(
                            endpoint.positionOf(key),
                            "'" + key + "' names a metric of a Prometheus page: it needs 'kind: prometheus' in "
                                    + endpoint.what()));
            return PrometheusNames.DEFAULTS;
        }
        return new PrometheusNames(
                endpoint.text("requests"),
                endpoint.text("status-label"),
                endpoint.text("latency"),
                latencyToMillis(endpoint, problems),
                signals(endpoint, problems));
    }

    private static OptionalDouble latencyToMillis(MappingReader endpoint, Problems problems) {
        Optional<String> unit = endpoint.text("latency-unit");
        if (unit.isEmpty()) {
            return OptionalDouble.empty();
        }
        Double factor = LATENCY_UNITS.get(unit.get().strip());
        if (factor == null) {
            problems.error(
                    endpoint.positionOf("latency-unit"),
                    "'latency-unit' in " + endpoint.what() + " must be s, ms or us, not '" + unit.get() + "'"
                            + DidYouMean.hint(unit.get(), LATENCY_UNITS.keySet()));
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(factor);
    }

    /** {@code signals: { NAME: { gauge | rate | ratio: SELECTOR, of: SELECTOR, scale: N } }} */
    private static List<PrometheusSignal> signals(MappingReader endpoint, Problems problems) {
        Optional<YamlNode> node = endpoint.node("signals");
        if (node.isEmpty() || node.get().isNull()) {
            return List.of();
        }
        String what = "'signals' of " + endpoint.what();
        if (!node.get().isMapping()) {
            problems.error(
                    node.get().position(),
                    what + " must map signal names to { gauge | rate | ratio: METRIC }, not "
                            + node.get().describe());
            return List.of();
        }
        List<PrometheusSignal> signals = new ArrayList<>();
        for (YamlNode.Entry entry : node.get().entries()) {
            if (!SIGNAL_NAME.matcher(entry.name()).matches()) {
                problems.error(
                        entry.key().position(),
                        "signal '" + entry.name() + "' in " + what
                                + " must be a lower-case name of letters, digits and '_', such as session_success_rate");
                continue;
            }
            MappingReader.of(
                            entry.value(), "signal '" + entry.name() + "' of " + endpoint.what(), SIGNAL_KEYS, problems)
                    .flatMap(signal -> signal(entry.name(), signal, problems))
                    .ifPresent(signals::add);
        }
        return signals;
    }

    private static Optional<PrometheusSignal> signal(String name, MappingReader signal, Problems problems) {
        List<PrometheusSignal.Reading> readings = Arrays.stream(PrometheusSignal.Reading.values())
                .filter(reading -> signal.has(reading.name().toLowerCase(Locale.ROOT)))
                .toList();
        if (readings.size() != 1) {
            problems.error(
                    signal.position(),
                    signal.what() + " needs exactly one of 'gauge', 'rate' or 'ratio' naming its metric"
                            + (readings.isEmpty() ? "" : ", not " + readings.size()));
            return Optional.empty();
        }
        PrometheusSignal.Reading reading = readings.get(0);
        String key = reading.name().toLowerCase(Locale.ROOT);
        boolean ratio = reading == PrometheusSignal.Reading.RATIO;
        if (ratio != signal.has("of")) {
            problems.error(
                    ratio ? signal.position() : signal.positionOf("of"),
                    ratio
                            ? signal.what() + " is a ratio: add 'of:' naming the counter it divides by"
                            : "'of' in " + signal.what() + " applies only to a ratio");
        }
        Optional<MetricSelector> metric = selector(signal, key, problems);
        Optional<MetricSelector> whole = ratio ? selector(signal, "of", problems) : Optional.empty();
        Optional<Double> scale = scale(signal, problems);
        if (metric.isEmpty() || ratio && whole.isEmpty() || scale.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PrometheusSignal(name, reading, metric.get(), whole, scale.get()));
    }

    private static Optional<MetricSelector> selector(MappingReader signal, String key, Problems problems) {
        return signal.text(key).flatMap(text -> {
            Optional<MetricSelector> parsed = MetricSelector.parse(text);
            if (parsed.isEmpty()) {
                problems.error(
                        signal.positionOf(key),
                        "'" + key + "' in " + signal.what() + " must be a metric name, optionally with label "
                                + "matches such as app_sessions_total{outcome=\"success\"}, not '" + text + "'");
            }
            return parsed;
        });
    }

    private static Optional<Double> scale(MappingReader signal, Problems problems) {
        Optional<String> text = signal.text("scale");
        if (text.isEmpty()) {
            return Optional.of(1.0);
        }
        try {
            double scale = Double.parseDouble(text.get().strip());
            if (scale > 0 && Double.isFinite(scale)) {
                return Optional.of(scale);
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        problems.error(
                signal.positionOf("scale"),
                "'scale' in " + signal.what()
                        + " must be a number above 0 (100 shows a 0-1 ratio as a percentage), not '" + text.get()
                        + "'");
        return Optional.empty();
    }
}
