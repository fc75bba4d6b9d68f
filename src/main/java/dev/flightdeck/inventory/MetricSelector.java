package dev.flightdeck.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A metric of a Prometheus page as PromQL writes it without functions: a name, optionally with exact label matches,
 * {@code app_sessions_total{outcome="success"}}. Every sample of that name whose labels include these matches is
 * selected; the figures are summed over the rest of their labels.
 */
public record MetricSelector(String metric, Map<String, String> labels) {

    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(?:\\{(.*)})?");
    private static final Pattern MATCH =
            Pattern.compile("\\s*([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(,|$)");

    public MetricSelector {
        labels = Map.copyOf(labels);
    }

    /** Empty when the text is not a metric name with optional {@code {label="value", ...}}. */
    public static Optional<MetricSelector> parse(String text) {
        Matcher selector = SELECTOR.matcher(text.strip());
        if (!selector.matches()) {
            return Optional.empty();
        }
        Map<String, String> labels = new LinkedHashMap<>();
        String matches = selector.group(2) == null ? "" : selector.group(2).strip();
        Matcher match = MATCH.matcher(matches);
        int at = 0;
        while (at < matches.length()) {
            if (!match.find(at)
                    || match.start() != at
                    || labels.put(match.group(1), unescape(match.group(2))) != null) {
                return Optional.empty();
            }
            at = match.end();
        }
        return Optional.of(new MetricSelector(selector.group(1), labels));
    }

    /** PromQL's and the exposition format's escapes in a label value: {@code \\\\}, {@code \\"}, {@code \\n}. */
    private static String unescape(String quoted) {
        StringBuilder value = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char escaped = quoted.charAt(++i);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        return value.toString();
    }

    public boolean matches(String name, Map<String, String> sampleLabels) {
        return metric.equals(name)
                && labels.entrySet().stream()
                        .allMatch(label -> label.getValue().equals(sampleLabels.get(label.getKey())));
    }
}
