package dev.flightdeck.app.cli;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionFold;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRecorder;
import dev.flightdeck.session.SessionState;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench session}: what one more event costs the session (recording it, folding it onto the state,
 * telling the listeners) when the session already holds 100 events and when it holds 100,000. The fold is
 * incremental, so the two should cost the same; the reference is the whole-history re-fold an append used to do.
 * Events go to an in-memory recorder so the disk's fsync (measured by {@code bench journal}) does not hide the fold.
 */
@Command(
        name = "session",
        description = "Cost of one more session event at 100 and at 100,000 events (goal: ratio <= 1.2).",
        mixinStandardHelpOptions = true)
public final class SessionBench implements Runnable {

    private static final int SMALL = 100;
    private static final int LARGE = 100_000;
    private static final int ROUNDS = 5;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--appends",
            paramLabel = "N",
            defaultValue = "20000",
            description = "appends timed at each size (default 20000)")
    private int appends;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Runbook runbook = BuiltinRunbooks.load("system-upgrade").orElseThrow().orElseThrow();
        // warm the JIT on a throw-away session so the first size measured is not the one paying for compilation
        appendCost(runbook, LARGE, appends);
        // sizes alternate over several rounds and the median is kept, so a busy moment of the machine hits both alike
        double[] smalls = new double[ROUNDS];
        double[] larges = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            smalls[round] = appendCost(runbook, SMALL, appends);
            larges[round] = appendCost(runbook, LARGE, appends);
        }
        double small = median(smalls);
        double large = median(larges);
        double refoldSmall = refoldCost(runbook, SMALL);
        double refoldLarge = refoldCost(runbook, LARGE);
        out.println(
                "Session: the cost of one more event (in-memory recorder; mixed metric, connection and step-output events)");
        out.printf("%n%-52s %14s %14s %8s%n", "", "at 100 events", "at 100,000", "ratio");
        out.printf(
                "%-52s %11.2f µs %11.2f µs %8.2f%n",
                "append, incremental fold (Flightdeck, goal <= 1.2)", small, large, large / small);
        out.printf(
                "%-52s %11.2f µs %11.2f µs %8.2f%n",
                "re-fold of the whole history (reference: before)",
                refoldSmall,
                refoldLarge,
                refoldLarge / refoldSmall);
        out.flush();
    }

    /** Mean microseconds per append, timed over {@code count} appends after the session already holds {@code size} events. */
    private static double appendCost(Runbook runbook, int size, int count) {
        try (Session session = openSession(runbook)) {
            for (int i = 0; i < size; i++) {
                appendOne(session, i);
            }
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                appendOne(session, size + i);
            }
            return (System.nanoTime() - start) / 1e3 / count;
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double refoldCost(Runbook runbook, int size) {
        List<Recorded> history = new ArrayList<>();
        try (Session session = openSession(runbook)) {
            session.addListener(new SessionListener() {
                @Override
                public void recorded(Recorded recorded, SessionState now) {
                    history.add(recorded);
                }
            });
            for (int i = 0; i < size; i++) {
                appendOne(session, i);
            }
        }
        int runs = Math.max(3, 2_000_000 / size);
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            SessionFold.fold(runbook, history);
        }
        return (System.nanoTime() - start) / 1e3 / runs;
    }

    private static void appendOne(Session session, int i) {
        switch (i % 4) {
            case 0 -> session.recordConnection("app" + (i % 3), i % 8 == 0 ? "connected" : "lost", "bench");
            case 1 ->
                session.recordMetricsMinute(
                        new SessionEvent.MetricsMinute("app1/latency_p95", "minute " + i, 1, 9, 4, 60, ""));
            case 2 -> session.recordHostKeyCheck("app" + (i % 3), "ssh-ed25519", "SHA256:bench", "trusted");
            default ->
                session.recordMetricsMinute(
                        new SessionEvent.MetricsMinute("db/connections", "minute " + i, 3, 7, 5, 60, ""));
        }
    }

    private static Session openSession(Runbook runbook) {
        SessionEvent.SessionOpened opening = new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                runbook.id(),
                runbook.title(),
                runbook.source(),
                "bench",
                "bench",
                "",
                "20260101-000000",
                Map.of(),
                SessionEvent.Mode.REHEARSAL);
        return Session.open(opening, runbook, Inventory.empty(), new InMemoryRecorder(), Map.of());
    }

    /** Gives each event a sequence and a time, as the journal does, and keeps nothing: the fold is what is measured. */
    private static final class InMemoryRecorder implements SessionRecorder {
        private long sequence;

        @Override
        public Recorded record(String actor, SessionEvent event) {
            return new Recorded(++sequence, Instant.now(), actor, event);
        }

        @Override
        public String checkpoint(String reason) {
            return "bench";
        }

        @Override
        public String closeSession(String reason) {
            return "bench";
        }

        @Override
        public String chainHead() {
            throw new UnsupportedOperationException("the session bench requests no approval");
        }

        @Override
        public Optional<String> lastCheckpoint() {
            return Optional.empty();
        }

        @Override
        public String redact(String text) {
            return text;
        }

        @Override
        public OutputCollector collectOutput(boolean sensitive) {
            throw new UnsupportedOperationException("the session bench runs no step");
        }

        @Override
        public void close() {}
    }
}
