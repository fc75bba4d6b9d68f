package dev.flightdeck.metrics.prometheus;

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
    public record Reading(String signal, double value) {
    }

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
        return readings;
    }

    private void gauges(PrometheusScrape scrape, List<Reading> readings) {
        for (PrometheusMapping.Gauge gauge : mapping.gauges()) {
            List<PrometheusSample> samples = scrape.named(gauge.metric());
            if (!samples.isEmpty()) {
                readings.add(new Reading(gauge.signal(), samples.stream().mapToDouble(PrometheusSample::value).sum() * gauge.scale()));
            }
        }
    }

    /** What the counters gained: summed totals by purpose, and the latency histogram's buckets by upper bound. */
    private record Increases(Map<String, Double> totals, TreeMap<Double, Double> latencyBuckets) {
    }

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
        TreeMap<Double, Double> latencyBuckets = new TreeMap<>();
        for (PrometheusSample sample : scrape.named(mapping.latencyHistogram() + "_bucket")) {
            double gained = deltas.delta(sample);
            latencyBuckets.merge(upperBound(sample.label("le")), gained, Double::sum);
        }
        return new Increases(increases, latencyBuckets);
    }

    private void requests(PrometheusScrape scrape, Map<String, Double> increases, double seconds, List<Reading> readings) {
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
        double[] bounds = latencyBuckets.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = latencyBuckets.values().stream().mapToDouble(Double::doubleValue).toArray();
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
