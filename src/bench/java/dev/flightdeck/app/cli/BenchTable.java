package dev.flightdeck.app.cli;

import java.io.PrintWriter;
import java.util.Arrays;

/** The table a benchmark prints: each row's figure and its ratio to the reference row above it. */
final class BenchTable {

    /** One timed repetition. */
    interface Timed {
        void run() throws Exception;
    }

    private final PrintWriter out;

    BenchTable(PrintWriter out, String title) {
        this.out = out;
        out.println(title);
    }

    void header(String section, String unit) {
        out.printf("%n%-48s %12s %8s%n", section, unit, "ratio");
    }

    double reference(String label, double millis) {
        out.printf("%-48s %12.1f %8s%n", label + " (reference)", millis, "1.00");
        out.flush();
        return millis;
    }

    void row(String label, double millis, double reference) {
        out.printf("%-48s %12.1f %8.2f%n", label, millis, millis / reference);
        out.flush();
    }

    void footer(String note) {
        out.printf("%n%s%n", note);
    }

    static double median(int runs, Timed timed) throws Exception {
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            timed.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return runs % 2 == 1 ? millis[runs / 2] : (millis[runs / 2 - 1] + millis[runs / 2]) / 2;
    }
}
