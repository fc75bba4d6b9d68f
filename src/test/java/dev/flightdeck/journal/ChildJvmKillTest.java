package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real crash: a child JVM appends to several journals at once, is killed with {@code destroyForcibly()} at a
 * random moment, and every journal is reopened and compared with what the child acknowledged. Each kill interrupts
 * each journal's writer at its own point, so one child start yields several kill points (a JVM start costs about a
 * CPU-second here; 200 of them alone would take minutes).
 */
class ChildJvmKillTest {

    private static final int JOURNALS_PER_CHILD = 6;
    private static final int CHILD_STARTS = 36;

    @TempDir
    Path directory;

    @Test
    void killingTheWriterAtRandomPointsNeverLosesAnAcknowledgedRecord() throws Exception {
        long started = System.nanoTime();
        Random random = new Random(42);
        Figures figures = new Figures();
        long[] acknowledged = new long[JOURNALS_PER_CHILD + 1];
        for (int start = 0; start < CHILD_STARTS; start++) {
            // one run in ten is killed at a random moment of start-up (resuming, creating the new segment), the others
            // mid-append; the first run creates the key and the journals and is always killed mid-append
            boolean early = start > 0 && random.nextInt(10) == 0;
            long[] acks = runAndKill(random, early, acknowledged);
            for (int journal = 1; journal <= JOURNALS_PER_CHILD; journal++) {
                acknowledged[journal] = Math.max(acknowledged[journal], acks[journal]);
                figures.check(Journal.read(journal(journal), JournalFixture.PASSPHRASE), acknowledged[journal]);
            }
        }
        System.out.printf(
                "child JVM kills: %d child starts x %d journals = %d kill points in %.1f s; reopen succeeded %d/%d; "
                        + "acknowledged records %d, lost %d; torn tail records found %d (at most %d per reopening)%n",
                CHILD_STARTS,
                JOURNALS_PER_CHILD,
                figures.killPoints,
                (System.nanoTime() - started) / 1e9,
                figures.reopened,
                figures.killPoints,
                Arrays.stream(acknowledged).sum(),
                figures.lost,
                figures.tears,
                figures.maxTears);
        assertThat(figures.killPoints).isGreaterThanOrEqualTo(200);
        assertThat(figures.reopened).isEqualTo(figures.killPoints);
        assertThat(figures.lost).isZero();
        assertThat(figures.maxTears).isLessThanOrEqualTo(1);
    }

    private Path journal(int number) {
        return directory.resolve("journal-" + number);
    }

    /** Returns the highest acknowledged sequence per journal (index 1..n). */
    private long[] runAndKill(Random random, boolean early, long[] before) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-XX:-UsePerfData",
                "-cp",
                System.getProperty("java.class.path"),
                AppendingChildProcess.class.getName(),
                directory.resolve("keys").toString()));
        for (int journal = 1; journal <= JOURNALS_PER_CHILD; journal++) {
            command.add(journal(journal).toString());
        }
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        long[] acks = before.clone();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            if (early) {
                Thread.sleep(random.nextInt(700));
            } else {
                readAcks(out, acks, 1 + random.nextInt(150));
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            readAcks(out, acks, Integer.MAX_VALUE); // acknowledgements already in the pipe count too
        }
        return acks;
    }

    private static void readAcks(BufferedReader out, long[] acks, int wanted) {
        int seen = 0;
        try {
            String line;
            while (seen < wanted && (line = out.readLine()) != null) {
                String[] parts = line.split(" ");
                if (parts[0].equals("ack")) {
                    int journal = Integer.parseInt(parts[1]);
                    acks[journal] = Math.max(acks[journal], Long.parseLong(parts[2]));
                    seen++;
                }
            }
        } catch (IOException pipeClosed) {
            // the child is gone; what was read is what was acknowledged
        }
    }

    private static final class Figures {
        int killPoints;
        int reopened;
        long lost;
        int tears;
        int maxTears;

        void check(Replay replay, long acknowledged) {
            killPoints++;
            reopened += replay.isIntact() ? 1 : 0;
            lost += Math.max(0, acknowledged - replay.lastSequence());
            int found = (int) replay.unrecordedTornRecords();
            tears += found;
            maxTears = Math.max(maxTears, found);
        }
    }
}
