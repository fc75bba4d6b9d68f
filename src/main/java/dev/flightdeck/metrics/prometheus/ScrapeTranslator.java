package dev.flightdeck.metrics.prometheus;

import dev.flightdeck.inventory.MetricSelector;
import dev.flightdeck.inventory.PrometheusSignal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns successive scrapes of one endpoint into Flightdeck signals with a {@link PrometheusMapping}: counters become
 * per-second rates over the interval between scrapes, the latency histogram becomes p50/p95/p99 of the requests
 * served in that interval (not since the process started), and {@code error_rate} is the percentage of those
 * requests answered 5xx. A signal with nothing to compute from (no requests in the interval, metric absent) is left
 * out, so it shows as missing data rather than as a reassuring zero.
 */
public final class ScrapeTranslator {

    /** One computed figure. */
    public record Reading(String signal, double value) {}

    private static final Map<String, Double> QUANTILES = new LinkedHashMap<>(Map.of("latency_p50", 0.50));

    static {
        QUANTILES.put("latency_p95", 0.95);
        QUANTILES.put("latency_p99", 0.99);
    }

    private final PrometheusMapping mapping;
    private final CounterDeltas deltas = new CounterDeltas();
    private long previousTime = Long.MIN_VALUE;

    public ScrapeTranslator(PrometheusMapping mapping) {
        this.mapping = mapping;
    }

    public List<Reading> translate(PrometheusScrape scrape, long timeMillis) {
        List<Reading> readings = new ArrayList<>();
        gauges(scrape, readings);
        boolean known = deltas.begin() && timeMillis > previousTime;
        double seconds = (timeMillis - previousTime) / 1000.0;
        previousTime = timeMillis;
        Increases increases = increases(scrape);
        if (!known) {
            return readings;
        }
        requests(scrape, increases.totals(), seconds, readings);
        latency(increases.latencyBuckets(), readings);
        for (PrometheusMapping.Rate rate : mapping.rates()) {
            Double gained = increases.totals().get("rate:" + rate.signal());
            if (gained != null) {
                readings.add(new Reading(rate.signal(), gained / seconds * rate.scale()));
            }
        }
        inventorySignals(increases.totals(), seconds, readings);
        return readings;
    }

    /** The inventory's rates and ratios; a ratio whose whole did not increase (no sessions) is left out, like the error rate. */
    private void inventorySignals(Map<String, Double> increases, double seconds, List<Reading> readings) {
        for (PrometheusSignal signal : mapping.signals()) {
            Double part = increases.get("part:" + signal.signal());
            if (part == null) {
                continue;
            }
            switch (signal.reading()) {
                case GAUGE -> {} // read as it is, with the other gauges
                case RATE -> readings.add(new Reading(signal.signal(), part / seconds * signal.scale()));
                case RATIO -> {
                    double whole = increases.getOrDefault("whole:" + signal.signal(), 0.0);
                    if (whole > 0) {
                        readings.add(new Reading(signal.signal(), part / whole * signal.scale()));
                    }
                }
            }
        }
    }

    private static List<PrometheusSample> selected(PrometheusScrape scrape, MetricSelector selector) {
        return scrape.named(selector.metric()).stream()
                .filter(sample -> selector.matches(sample.name(), sample.labels()))
                .toList();
    }

    private void gauges(PrometheusScrape scrape, List<Reading> readings) {
        for (PrometheusMapping.Gauge gauge : mapping.gauges()) {
            List<PrometheusSample> samples = scrape.named(gauge.metric());
            if (!samples.isEmpty()) {
                readings.add(new Reading(
                        gauge.signal(),
                        samples.stream().mapToDouble(PrometheusSample::value).sum() * gauge.scale()));
            }
        }
        for (PrometheusSignal signal : mapping.signals()) {
            List<PrometheusSample> samples = selected(scrape, signal.metric());
            if (signal.reading() == PrometheusSignal.Reading.GAUGE && !samples.isEmpty()) {
                readings.add(new Reading(
                        signal.signal(),
                        samples.stream().mapToDouble(PrometheusSample::value).sum() * signal.scale()));
            }
        }
    }

    /** What the counters gained: summed totals by purpose, and the latency histogram's buckets by upper bound. */
    private record Increases(Map<String, Double> totals, TreeMap<Double, Double> latencyBuckets) {}

    /** Feeds every counter the mapping reads through the deltas (every scrape, so the next one has a reference). */
    private Increases increases(PrometheusScrape scrape) {
        Map<String, Double> increases = new LinkedHashMap<>();
        for (PrometheusSample sample : scrape.named(mapping.requestsCounter())) {
            double gained = deltas.delta(sample);
            increases.merge("requests", gained, Double::sum);
            if (statusOf(sample).startsWith("5")) {
                increases.merge("errors", gained, Double::sum);
            }
        }
        for (PrometheusMapping.Rate rate : mapping.rates()) {
            for (PrometheusSample sample : scrape.named(rate.counter())) {
                increases.merge("rate:" + rate.signal(), deltas.delta(sample), Double::sum);
            }
        }
        for (PrometheusSignal signal : mapping.signals()) {
            if (signal.reading() == PrometheusSignal.Reading.GAUGE) {
                continue;
            }
            // the metric on the page but no label set selected yet (no session succeeded so far): it gained nothing
            if (!scrape.named(signal.metric().metric()).isEmpty()) {
                increases.merge("part:" + signal.signal(), 0.0, Double::sum);
            }
            // a sample selected twice (part and whole of the same counter) gains the same in both: deltas are per
            // scrape
            for (PrometheusSample sample : selected(scrape, signal.metric())) {
                increases.merge("part:" + signal.signal(), deltas.delta(sample), Double::sum);
            }
            for (PrometheusSample sample :
                    signal.whole().map(whole -> selected(scrape, whole)).orElse(List.of())) {
                increases.merge("whole:" + signal.signal(), deltas.delta(sample), Double::sum);
            }
        }
        TreeMap<Double, Double> latencyBuckets = new TreeMap<>();
        for (PrometheusSample sample : scrape.named(mapping.latencyHistogram() + "_bucket")) {
            double gained = deltas.delta(sample);
            latencyBuckets.merge(upperBound(sample.label("le")), gained, Double::sum);
        }
        return new Increases(increases, latencyBuckets);
    }

    private void requests(
            PrometheusScrape scrape, Map<String, Double> increases, double seconds, List<Reading> readings) {
        if (scrape.named(mapping.requestsCounter()).isEmpty()) {
            return;
        }
        double requests = increases.getOrDefault("requests", 0.0);
        readings.add(new Reading("request_rate", requests / seconds));
        if (requests > 0) {
            readings.add(new Reading("error_rate", increases.getOrDefault("errors", 0.0) / requests * 100));
        }
    }

    private void latency(TreeMap<Double, Double> latencyBuckets, List<Reading> readings) {
        if (latencyBuckets.isEmpty() || !latencyBuckets.lastKey().isInfinite()) {
            return;
        }
        double[] bounds = latencyBuckets.keySet().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        double[] counts = latencyBuckets.values().stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
        for (Map.Entry<String, Double> quantile : QUANTILES.entrySet()) {
            double value = HistogramQuantiles.quantile(quantile.getValue(), bounds, counts);
            if (!Double.isNaN(value)) {
                readings.add(new Reading(quantile.getKey(), value * mapping.latencyToMillis()));
            }
        }
    }

    private String statusOf(PrometheusSample sample) {
        for (String label : mapping.statusLabels()) {
            String status = sample.label(label);
            if (!status.isEmpty()) {
                return status;
            }
        }
        return "";
    }

    private static double upperBound(String le) {
        try {
            return le.equals("+Inf") || le.equals("Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
