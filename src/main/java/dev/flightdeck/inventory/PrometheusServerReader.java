package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.text.Durations;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the inventory's {@code prometheus:} entry: {@code url}, {@code ca-cert}, {@code bearer-token} or
 * {@code basic-auth}, {@code every}, {@code timeout}, {@code baseline} and the PromQL {@code signals}. Problems carry
 * their line and column.
 */
final class PrometheusServerReader {

    static final Set<String> KEYS =
            Set.of("url", "ca-cert", "bearer-token", "basic-auth", "every", "timeout", "baseline", "signals");
    private static final Set<String> QUERY_KEYS = Set.of("query", "by", "scale");
    private static final Set<String> BASIC_KEYS = Set.of("user", "password");
    private static final Pattern SIGNAL_NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern BEFORE = Pattern.compile("^(\\S+) before$");
    private static final Pattern SAME_HOUR = Pattern.compile("^(\\S+) same hour$");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private PrometheusServerReader() {}

    static Optional<PrometheusServer> read(MappingReader root, Problems problems) {
        Optional<YamlNode> node = root.node(PrometheusServer.NAME);
        if (node.isEmpty() || node.get().isNull()) {
            return Optional.empty();
        }
        return MappingReader.of(node.get(), "'prometheus'", KEYS, problems).map(p -> {
            String url = p.requiredText("url");
            checkUrl(p, url, problems);
            if (p.has("bearer-token") && p.has("basic-auth")) {
                problems.error(
                        p.positionOf("basic-auth"),
                        "'prometheus' takes either 'bearer-token' or 'basic-auth', not both");
            }
            Optional<PrometheusServer.Auth> auth = p.has("bearer-token")
                    ? Optional.of(new PrometheusServer.Auth.Bearer(
                            NotificationChannelReader.secret(p, "bearer-token", problems)))
                    : basic(p, problems);
            if (p.has("ca-cert") && !url.startsWith("https://")) {
                problems.error(p.positionOf("ca-cert"), "'ca-cert' of 'prometheus' needs an https:// url");
            }
            Optional<Duration> every = p.duration("every");
            every.filter(d -> d.compareTo(Duration.ofSeconds(1)) < 0)
                    .ifPresent(d -> problems.error(
                            p.positionOf("every"), "'every' of 'prometheus' must be at least 1s: each is a query"));
            return new PrometheusServer(
                    PrometheusServer.NAME,
                    url,
                    p.text("ca-cert"),
                    auth,
                    every,
                    p.duration("timeout").orElse(DEFAULT_TIMEOUT),
                    baseline(p, problems),
                    signals(p, problems),
                    p.position());
        });
    }

    private static void checkUrl(MappingReader p, String url, Problems problems) {
        if (url.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                problems.error(
                        p.positionOf("url"),
                        "'url' of 'prometheus' needs an http:// or https:// URL with a host, such as "
                                + "http://prometheus.example:9090");
            }
            if (uri.getUserInfo() != null) {
                problems.error(
                        p.positionOf("url"),
                        "'url' of 'prometheus' holds a user and password in the clear; use basic-auth with a "
                                + "password from a file instead");
            }
        } catch (URISyntaxException e) {
            problems.error(p.positionOf("url"), "'url' of 'prometheus' is a malformed URL: " + e.getReason());
        }
    }

    private static Optional<PrometheusServer.Auth> basic(MappingReader p, Problems problems) {
        return p.node("basic-auth")
                .flatMap(node -> MappingReader.of(node, "'basic-auth' of 'prometheus'", BASIC_KEYS, problems))
                .map(basic -> new PrometheusServer.Auth.Basic(
                        basic.requiredText("user"), NotificationChannelReader.secret(basic, "password", problems)));
    }

    /** {@code 1h before} or {@code 7d same hour}. */
    private static Optional<PrometheusServer.BaselineRange> baseline(MappingReader p, Problems problems) {
        Optional<String> text = p.text("baseline");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String written = text.get().strip();
        Matcher before = BEFORE.matcher(written);
        Matcher sameHour = SAME_HOUR.matcher(written);
        Optional<Duration> amount = before.matches()
                ? Durations.parse(before.group(1))
                : sameHour.matches() ? Durations.parse(sameHour.group(1)) : Optional.empty();
        if (amount.isEmpty() || amount.get().isZero()) {
            problems.error(
                    p.positionOf("baseline"),
                    "'baseline' of 'prometheus' must be 'DURATION before' (e.g. 1h before: the hour before the "
                            + "change) or 'DURATION same hour' (e.g. 7d same hour), not '" + written + "'");
            return Optional.empty();
        }
        return Optional.of(
                before.matches()
                        ? new PrometheusServer.BaselineRange(amount.get(), Duration.ZERO, false, written)
                        : new PrometheusServer.BaselineRange(Duration.ofHours(1), amount.get(), true, written));
    }

    /** {@code NAME: PROMQL} or {@code NAME: { query: PROMQL, by: LABEL, scale: N }} */
    private static List<PrometheusServer.Query> signals(MappingReader p, Problems problems) {
        Optional<YamlNode> node = p.node("signals");
        List<PrometheusServer.Query> queries = new ArrayList<>();
        if (node.isEmpty() || node.get().isNull()) {
            problems.error(
                    p.position(),
                    "'prometheus' needs 'signals:', each a name and its PromQL, e.g. error_rate: "
                            + "'sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m])) * 100'");
            return queries;
        }
        if (!node.get().isMapping()) {
            problems.error(node.get().position(), "'signals' of 'prometheus' must map signal names to PromQL");
            return queries;
        }
        for (YamlNode.Entry entry : node.get().entries()) {
            String name = entry.name();
            if (!SIGNAL_NAME.matcher(name).matches()) {
                problems.error(
                        entry.key().position(),
                        "'" + name + "' is not a signal name: lower-case letters, digits and '_' (e.g. error_rate)");
                continue;
            }
            YamlNode value = entry.value();
            if (value.isScalar()) {
                String promql = value.text().orElse("").strip();
                if (promql.isEmpty()) {
                    problems.error(value.position(), "signal '" + name + "' of 'prometheus' needs its PromQL");
                    continue;
                }
                queries.add(new PrometheusServer.Query(name, promql, Optional.empty(), 1, value.position()));
                continue;
            }
            MappingReader.of(value, "signal '" + name + "' of 'prometheus'", QUERY_KEYS, problems)
                    .ifPresent(q -> {
                        String promql = q.requiredText("query").strip();
                        Optional<String> by = q.text("by").map(String::strip);
                        by.filter(label -> !LABEL_NAME.matcher(label).matches())
                                .ifPresent(label -> problems.error(
                                        q.positionOf("by"),
                                        "'by' of signal '" + name + "' must be a label name such as instance or "
                                                + "host, not '" + label + "'"));
                        double scale = scale(q, problems);
                        if (!promql.isEmpty()) {
                            queries.add(new PrometheusServer.Query(name, promql, by, scale, value.position()));
                        }
                    });
        }
        return queries;
    }

    private static double scale(MappingReader q, Problems problems) {
        Optional<String> text = q.text("scale");
        if (text.isEmpty()) {
            return 1;
        }
        try {
            double scale = Double.parseDouble(text.get().strip());
            if (scale > 0 && Double.isFinite(scale)) {
                return scale;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.error(
                q.positionOf("scale"),
                "'scale' in " + q.what() + " must be a positive number, not '" + text.get() + "'");
        return 1;
    }
}
