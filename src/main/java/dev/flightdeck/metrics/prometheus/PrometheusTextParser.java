package dev.flightdeck.metrics.prometheus;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format (0.0.4): {@code # HELP} and {@code # TYPE} lines (other comments
 * ignored), samples with optional labels whose values may escape {@code \\}, {@code \"} and {@code \n}, values
 * including {@code +Inf}, {@code -Inf} and {@code NaN}, and optional millisecond timestamps. OpenMetrics text is
 * read too: exemplars ({@code # {trace_id="..."} 1}) are dropped, {@code # EOF} ends the page, {@code _created}
 * samples are ordinary samples (never summed into the {@code _total} they belong to), and timestamps with a
 * fraction are seconds.
 */
public final class PrometheusTextParser {

    private static final Pattern BLANKS = Pattern.compile("[ \t]+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private PrometheusTextParser() {}

    public static PrometheusScrape parse(String text) throws PrometheusFormatException {
        List<PrometheusSample> samples = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        Map<String, String> help = new HashMap<>();
        String[] lines = text.split("\n", -1);
        for (int index = 0; index < lines.length; index++) {
            String line = lines[index].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.equals("# EOF")) {
                break; // OpenMetrics: the end of the exposition
            }
            if (line.startsWith("#")) {
                comment(line, types, help);
                continue;
            }
            samples.add(new LineReader(line, index + 1).sample());
        }
        return new PrometheusScrape(samples, types, help);
    }

    private static void comment(String line, Map<String, String> types, Map<String, String> help) {
        String[] parts = BLANKS.split(line.substring(1).strip(), 3);
        if (parts.length >= 2 && parts[0].equals("TYPE")) {
            types.put(parts[1], parts.length == 3 ? parts[2].strip() : "untyped");
        } else if (parts.length >= 2 && parts[0].equals("HELP")) {
            help.put(parts[1], parts.length == 3 ? parts[2].replace("\\n", "\n").replace("\\\\", "\\") : "");
        }
    }

    /** Reads one sample line left to right. */
    private static final class LineReader {
        private final String line;
        private final int number;
        private int at;

        LineReader(String line, int number) {
            this.line = line;
            this.number = number;
        }

        PrometheusSample sample() throws PrometheusFormatException {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            if (at < line.length() && line.charAt(at) == '{') {
                labels(labels);
            }
            String[] rest = BLANKS.split(withoutExemplar(line.substring(at)).strip());
            if (rest.length == 0 || rest[0].isEmpty()) {
                throw new PrometheusFormatException(number, "sample '" + name + "' has no value");
            }
            if (rest.length > 2) {
                throw new PrometheusFormatException(number, "unexpected text after the timestamp: '" + rest[2] + "'");
            }
            double value = value(rest[0]);
            OptionalLong timestamp = rest.length == 2 ? OptionalLong.of(timestamp(rest[1])) : OptionalLong.empty();
            return new PrometheusSample(name, labels, value, timestamp);
        }

        /** OpenMetrics: {@code value [timestamp] # {trace_id="..."} 1 [ts]} — the exemplar after '#' is not a reading. */
        private static String withoutExemplar(String rest) {
            int hash = rest.indexOf('#');
            return hash < 0 ? rest : rest.substring(0, hash);
        }

        private String name() throws PrometheusFormatException {
            int start = at;
            while (at < line.length() && isNameChar(line.charAt(at), at == start)) {
                at++;
            }
            if (at == start) {
                throw new PrometheusFormatException(number, "expected a metric name at '" + line + "'");
            }
            return line.substring(start, at);
        }

        private void labels(Map<String, String> labels) throws PrometheusFormatException {
            at++;
            while (true) {
                skipBlanks();
                if (at < line.length() && line.charAt(at) == '}') {
                    at++;
                    return;
                }
                String label = name();
                skipBlanks();
                expect('=');
                skipBlanks();
                labels.put(label, quoted());
                skipBlanks();
                if (at < line.length() && line.charAt(at) == ',') {
                    at++;
                } else if (at >= line.length() || line.charAt(at) != '}') {
                    throw new PrometheusFormatException(number, "expected ',' or '}' after label '" + label + "'");
                }
            }
        }

        private String quoted() throws PrometheusFormatException {
            expect('"');
            StringBuilder value = new StringBuilder();
            while (at < line.length()) {
                char c = line.charAt(at++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\' && at < line.length()) {
                    char escaped = line.charAt(at++);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
            }
            throw new PrometheusFormatException(number, "label value is not closed with '\"'");
        }

        private void expect(char wanted) throws PrometheusFormatException {
            if (at >= line.length() || line.charAt(at) != wanted) {
                throw new PrometheusFormatException(number, "expected '" + wanted + "' at column " + (at + 1));
            }
            at++;
        }

        private void skipBlanks() {
            while (at < line.length() && (line.charAt(at) == ' ' || line.charAt(at) == '\t')) {
                at++;
            }
        }

        private double value(String text) throws PrometheusFormatException {
            switch (text) {
                case "+Inf", "Inf" -> {
                    return Double.POSITIVE_INFINITY;
                }
                case "-Inf" -> {
                    return Double.NEGATIVE_INFINITY;
                }
                case "NaN" -> {
                    return Double.NaN;
                }
                default -> {
                    try {
                        if (!NUMBER.matcher(text).matches()) {
                            throw new NumberFormatException();
                        }
                        return Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new PrometheusFormatException(number, "'" + text + "' is not a number");
                    }
                }
            }
        }

        private long timestamp(String text) throws PrometheusFormatException {
            try {
                if (text.contains(".") || text.contains("e") || text.contains("E")) {
                    // OpenMetrics writes timestamps as seconds with a fraction
                    return Math.round(Double.parseDouble(text) * 1000);
                }
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new PrometheusFormatException(number, "'" + text + "' is not a timestamp in milliseconds");
            }
        }

        private static boolean isNameChar(char c, boolean first) {
            return c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c == '_'
                    || c == ':'
                    || !first && c >= '0' && c <= '9';
        }
    }
}
