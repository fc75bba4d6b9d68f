package dev.flightdeck.journal;

import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.format.SegmentFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Run in a child JVM by {@link ChildJvmKillTest}: opens (or resumes) several journals, one writer thread each, and
 * appends for ever, printing "ack J N" once {@code append} returned for record N of journal J, i.e. once it is
 * durable. One kill of this process interrupts every writer at its own point of the append cycle.
 * Arguments: keys directory, then the journal directories.
 */
public final class AppendingChildProcess {

    private AppendingChildProcess() {}

    public static void main(String[] args) throws Exception {
        OperatorKey key = new OperatorKeyStore(Path.of(args[0]))
                .loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        PrintStream out = System.out;
        List<Thread> writers = new ArrayList<>();
        for (int journal = 1; journal < args.length; journal++) {
            JournalWriter writer = open(Path.of(args[journal]), key);
            int number = journal;
            writers.add(new Thread(() -> appendForEver(number, writer, out), "writer-" + number));
        }
        out.println("ready");
        out.flush();
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }
    }

    private static JournalWriter open(Path journal, OperatorKey key) throws IOException {
        return SegmentFiles.list(journal).isEmpty()
                ? Journal.create(
                        journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                : Journal.resume(journal, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                        .writer();
    }

    private static void appendForEver(int number, JournalWriter writer, PrintStream out) {
        Random random = new Random();
        while (true) {
            String text = "x".repeat(20 + random.nextInt(4000));
            JournalEntry entry = writer.append(
                    "step.output",
                    "child",
                    JournalJson.object().put("stream", "stdout").put("text", text));
            synchronized (out) {
                out.println("ack " + number + " " + entry.sequence());
                out.flush();
            }
        }
    }
}
