package dev.flightdeck.ui.output.bench;

import java.util.List;

/**
 * The lines every approach is fed: about 80 characters, spread over three hosts as a fan-out step writes them,
 * one in ten on standard error. Built before the clock starts, so the producer measures the console, not
 * string formatting.
 */
final class BenchLines {

    static final List<String> HOSTS = List.of("app1", "app2", "db1");

    private final String[] texts;

    BenchLines(int count) {
        texts = new String[count];
        for (int i = 0; i < count; i++) {
            texts[i] = String.format(
                    "2026-11-22T06:%02d:%02d.%03d INFO  [worker-%d] migrated record %08d of batch %05d ok",
                    i / 60_000 % 60, i / 1_000 % 60, i % 1_000, i % 8, i, i / 500);
        }
    }

    int count() {
        return texts.length;
    }

    String text(int index) {
        return texts[index];
    }

    String last() {
        return texts[texts.length - 1];
    }

    static String host(int index) {
        return HOSTS.get(index % HOSTS.size());
    }

    static boolean stderr(int index) {
        return index % 10 == 7;
    }
}
