package dev.flightdeck.metrics.prometheus;

import dev.flightdeck.inventory.PrometheusServer;
import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.metrics.store.HistoryBaselines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signals of the inventory's {@code prometheus:} entry, each evaluated by PromQL on the server at every reading
 * ({@code /api/v1/query} at the reading's time). A query with {@code by: LABEL} gives one series per value of that
 * label, filed under the host or endpoint it names; without it the query must answer one series, filed under
 * {@code prometheus}. A failed query is reported as that signal's error (counted apart from failed measurements);
 * the reading fails as a whole only when every query failed.
 */
public final class PromQlSource implements Collector, HistoryBaselines {

    private static final Logger LOG = LoggerFactory.getLogger(PromQlSource.class);
    /** At most this many points per series in a baseline range: a week-old hour at the reading's pace is 240. */
    private static final int MOST_BASELINE_POINTS = 1000;

    private final PrometheusServer server;
    private final PromQlClient client;
    private final Duration interval;
    private final Clock clock;
    /** why the server cannot be asked at all (a credential that could not be read), or empty */
    private final Optional<String> unusable;

    public PromQlSource(
            PrometheusServer server, PromQlClient client, Duration interval, Clock clock, Optional<String> unusable) {
        this.server = server;
        this.client = client;
        this.interval = interval;
        this.clock = clock;
        this.unusable = unusable;
    }

    @Override
    public String source() {
        return server.name();
    }

    @Override
    public Duration interval() {
        return interval;
    }

    @Override
    public void collect(SampleSink sink) throws CollectorException, InterruptedException {
        long now = clock.millis();
        String lastError = "";
        int failed = 0;
        for (PrometheusServer.Query query : server.signals()) {
            try {
                if (unusable.isPresent()) {
                    throw new PromQlException(unusable.get());
                }
                record(query, client.query(query.promql(), Instant.ofEpochMilli(now)), now, sink);
            } catch (PromQlException e) {
                failed++;
                lastError = "query for '" + query.signal() + "' failed: " + e.getMessage();
                sink.error(query.signal(), now, lastError);
            }
        }
        if (failed > 0 && failed == server.signals().size()) {
            throw new CollectorException(CollectorException.Code.UNREACHABLE, lastError);
        }
    }

    private void record(PrometheusServer.Query query, List<PromQlClient.Series> answer, long now, SampleSink sink)
            throws PromQlException {
        Map<String, Double> bySource = split(query, answer);
        sink.answered(query.signal());
        bySource.forEach((source, value) -> {
            SampleSink target = source.equals(server.name()) ? sink : sink.forSource(source);
            target.record(query.signal(), now, value * query.scale());
        });
    }

    /** The answer's value per source: one under the server's name, or one per value of the {@code by} label. */
    private Map<String, Double> split(PrometheusServer.Query query, List<PromQlClient.Series> answer)
            throws PromQlException {
        Map<String, Double> bySource = new LinkedHashMap<>();
        if (query.by().isEmpty()) {
            if (answer.size() > 1) {
                throw new PromQlException("it answered " + answer.size() + " series " + labelsOf(answer)
                        + "; aggregate them (sum, avg, max) or say which label names their hosts with 'by:'");
            }
            answer.forEach(series -> bySource.put(server.name(), last(series)));
            return bySource;
        }
        String label = query.by().get();
        for (PromQlClient.Series series : answer) {
            String source = series.labels().get(label);
            if (source == null) {
                throw new PromQlException("a series has no label '" + label + "' (" + series.labels()
                        + "); keep it in the PromQL's 'by (" + label + ")' or choose another 'by:'");
            }
            if (bySource.put(source, last(series)) != null) {
                throw new PromQlException(
                        "two series have " + label + "=\"" + source + "\"; aggregate them by (" + label + ")");
            }
        }
        return bySource;
    }

    private static double last(PromQlClient.Series series) {
        return series.values().length == 0 ? Double.NaN : series.values()[series.values().length - 1];
    }

    private static String labelsOf(List<PromQlClient.Series> answer) {
        List<String> labels =
                answer.stream().limit(3).map(s -> s.labels().toString()).toList();
        return String.join(", ", labels) + (answer.size() > 3 ? ", …" : "");
    }

    @Override
    public List<Baseline> baselinesAt(Instant now) throws InterruptedException {
        if (server.baseline().isEmpty() || unusable.isPresent()) {
            return List.of();
        }
        PrometheusServer.BaselineRange range = server.baseline().get();
        Instant from = range.sameHour()
                ? now.minus(range.back())
                : now.minus(range.back()).minus(range.length());
        Instant to = from.plus(range.length());
        Duration step = Duration.ofSeconds(
                Math.max(interval.toSeconds(), range.length().toSeconds() / MOST_BASELINE_POINTS + 1));
        List<Baseline> baselines = new ArrayList<>();
        for (PrometheusServer.Query query : server.signals()) {
            try {
                for (PromQlClient.Series series : client.queryRange(query.promql(), from, to, step)) {
                    String source = query.by()
                            .map(label -> series.labels().getOrDefault(label, server.name()))
                            .orElse(server.name());
                    baseline(new SeriesId(source, query.signal()), series, query.scale(), from, to)
                            .ifPresent(baselines::add);
                }
            } catch (PromQlException e) {
                LOG.warn(
                        "The baseline of '{}' ({}) could not be read from Prometheus; the minutes read before the "
                                + "change stand instead: {}",
                        query.signal(),
                        range.written(),
                        e.getMessage());
            }
        }
        return baselines;
    }

    private static Optional<Baseline> baseline(
            SeriesId id, PromQlClient.Series series, double scale, Instant from, Instant to) {
        double[] values = Arrays.stream(series.values())
                .filter(Double::isFinite)
                .map(v -> v * scale)
                .sorted()
                .toArray();
        if (values.length == 0) {
            return Optional.empty();
        }
        return Optional.of(new Baseline(
                id, Baselines.percentile(values, 50), Baselines.percentile(values, 95), values.length, from, to));
    }
}
