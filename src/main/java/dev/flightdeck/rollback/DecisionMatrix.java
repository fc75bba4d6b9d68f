package dev.flightdeck.rollback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The seeds' rollback decision matrix (which rollback fits which trouble), shown to the operator as guidance when
 * the rollback is confirmed. Kept in {@code rollback/decision-matrix.tsv} so it is edited as data, not code.
 */
public record DecisionMatrix(List<Row> rows) {

    public static final String RESOURCE = "/rollback/decision-matrix.tsv";

    public record Row(String scenario, String method, String time, String risk, String dataLoss) {}

    public DecisionMatrix {
        rows = List.copyOf(rows);
    }

    public static DecisionMatrix builtin() {
        try (InputStream in = DecisionMatrix.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Tab-separated lines of scenario, method, time, risk, data loss; {@code #} starts a comment line. */
    public static DecisionMatrix parse(String text) {
        return new DecisionMatrix(text.lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> {
                    String[] cells = line.split("\t");
                    if (cells.length != 5) {
                        throw new IllegalArgumentException("decision matrix line needs 5 tab-separated cells: " + line);
                    }
                    return new Row(
                            cells[0].strip(), cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip());
                })
                .toList());
    }

    public String render() {
        StringBuilder text = new StringBuilder();
        String format = "%-20s %-18s %-10s %-7s %s%n";
        text.append(String.format(Locale.ROOT, format, "Scenario", "Rollback method", "Time", "Risk", "Data loss"));
        rows.forEach(row -> text.append(String.format(
                Locale.ROOT, format, row.scenario(), row.method(), row.time(), row.risk(), row.dataLoss())));
        return text.toString();
    }
}
