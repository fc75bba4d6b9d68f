package dev.flightdeck.sandbox.clinic;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The clinic app's request counters and latency histogram, rendered in Prometheus text format under the names
 * {@code PrometheusMapping.defaults()} reads: {@code http_requests_total{status}} and
 * {@code http_request_duration_seconds_bucket{le}}. They start from zero when the app (re)starts, as a real
 * process's counters do.
 */
final class RequestMetrics {

    private static final double[] BUCKETS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};

    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder[] buckets = new LongAdder[BUCKETS.length + 1];
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    RequestMetrics() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(int status, double seconds) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        int bucket = 0;
        while (bucket < BUCKETS.length && seconds > BUCKETS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        count.increment();
        sum.add(seconds);
    }

    String render(String version) {
        StringBuilder page = new StringBuilder(1024);
        page.append(
                "# HELP http_requests_total API requests answered, by status.\n# TYPE http_requests_total counter\n");
        new TreeMap<>(byStatus)
                .forEach((status, counter) -> page.append("http_requests_total{status=\"")
                        .append(status)
                        .append("\",version=\"")
                        .append(version)
                        .append("\"} ")
                        .append(counter.sum())
                        .append('\n'));
        page.append(
                "# HELP http_request_duration_seconds Time to answer an API request.\n# TYPE http_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i < buckets.length; i++) {
            cumulative += buckets[i].sum();
            String le = i < BUCKETS.length ? String.format(Locale.ROOT, "%s", BUCKETS[i]) : "+Inf";
            page.append("http_request_duration_seconds_bucket{le=\"")
                    .append(le)
                    .append("\"} ")
                    .append(cumulative)
                    .append('\n');
        }
        page.append("http_request_duration_seconds_sum ")
                .append(String.format(Locale.ROOT, "%.6f", sum.sum()))
                .append('\n');
        page.append("http_request_duration_seconds_count ").append(count.sum()).append('\n');
        return page.toString();
    }
}
