package dev.flightdeck.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalOptions;
import dev.flightdeck.journal.JournalWriter;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.export.EvidencePackVerifier;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.review.HtmlReport;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench journal}: durable appends against the disk's raw fsync rate (same directory, same run),
 * verification throughput, and export time for 10,000 events. Uses the production KDF setting.
 */
@Command(
        name = "journal",
        description =
                "Journal appends vs raw fsync, verification MB/s, export time for 10,000 events and, with --rehearsal-journal, of a real session's journal.",
        mixinStandardHelpOptions = true)
public final class JournalBench implements Runnable {

    private static final int EXPORT_EVENTS = 10_000;
    private static final int CHECKPOINT_EVERY = 500;
    private static final int SLICES = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final char[] BENCH_PASSPHRASE = "bench-only passphrase".toCharArray();

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "where to measure (default: FLIGHTDECK_HOME/bench); the journal's disk")
    private Path directory;

    @Option(
            names = "--seconds",
            paramLabel = "S",
            defaultValue = "4",
            description = "time spent on each rate, in slices (default 4)")
    private double seconds;

    @Option(
            names = "--rehearsal-journal",
            paramLabel = "DIR",
            description = {
                "also time the exports of this journal (e.g. of",
                "'run rehearsal --sandbox --fault --auto-rollback'), opened with the passphrase from --passphrase-file or $FLIGHTDECK_PASSPHRASE"
            })
    private Path rehearsalJournal;

    @picocli.CommandLine.Mixin
    private PassphraseOption passphraseOption;

    JournalBench(AppContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        Path root = directory != null ? directory : context.home().root().resolve("bench");
        Path work = root.resolve("journal-bench-" + UUID.randomUUID());
        try {
            Files.createDirectories(work);
            OperatorKey key = benchKey();
            Rates rates = measureRates(work, key);
            Path corpus = work.resolve("ten-thousand");
            long written = writeCorpus(corpus, key);
            printTable(out, rates, corpus, written, key, work);
        } catch (IOException e) {
            throw new IllegalStateException("the benchmark could not write to " + work + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(work);
        }
        out.flush();
    }

    /**
     * The three rates are measured in short alternating slices (journal, raw 8 kB, raw same size, again and again)
     * and summed, so other load on the disk or the CPU falls on all three alike.
     */
    private Rates measureRates(Path work, OperatorKey key) throws IOException {
        long sliceNanos = (long) (seconds * 1e9 / SLICES);
        Burst journal = new Burst();
        Burst raw8k = new Burst();
        Burst rawSameSize = new Burst();
        try (JournalWriter writer = Journal.create(
                        work.resolve("append-rate"),
                        UUID.randomUUID(),
                        BENCH_PASSPHRASE,
                        key,
                        JournalOptions.defaults());
                FileChannel big = FileChannel.open(
                        work.resolve("raw-8k.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                FileChannel same = FileChannel.open(
                        work.resolve("raw-same.bin"), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ObjectNode payload = outputEvent(0);
            ByteBuffer block8k = ByteBuffer.wrap(new byte[8192]);
            writer.append("step.output", "bench", payload);
            byte[] segment = Files.readAllBytes(writer.segmentFile());
            ByteBuffer blockSame = ByteBuffer.wrap(
                    new byte[segment.length - SegmentHeader.read(segment).length()]);
            for (int slice = 0; slice < SLICES; slice++) {
                journal.run(sliceNanos, () -> writer.append("step.output", "bench", payload));
                raw8k.run(sliceNanos, () -> writeAndForce(big, block8k));
                rawSameSize.run(sliceNanos, () -> writeAndForce(same, blockSame));
            }
            return new Rates(journal.perSecond(), raw8k.perSecond(), rawSameSize.perSecond(), blockSame.capacity());
        }
    }

    private static void writeAndForce(FileChannel channel, ByteBuffer block) {
        try {
            block.rewind();
            channel.write(block);
            channel.force(true);
        } catch (IOException e) {
            throw new IllegalStateException("raw write failed: " + e.getMessage(), e);
        }
    }

    /** Counts operations over several time slices. */
    private static final class Burst {
        private long operations;
        private long nanos;

        void run(long sliceNanos, Runnable operation) {
            long start = System.nanoTime();
            long end = start + sliceNanos;
            while (System.nanoTime() < end) {
                operation.run();
                operations++;
            }
            nanos += System.nanoTime() - start;
        }

        double perSecond() {
            return operations / (nanos / 1e9);
        }
    }

    private record Rates(double appends, double fsync8k, double fsyncSameSize, int frameBytes) {}

    private void printTable(PrintWriter out, Rates rates, Path corpus, long written, OperatorKey key, Path work)
            throws IOException {
        long bytes = directorySize(corpus);
        double verifySeconds =
                best(() -> JournalVerifier.verify(corpus, Optional.of(key.publicKey()), Optional.empty()));
        double floorSeconds = best(() -> readHashAndChecksum(corpus));
        double decryptSeconds = best(() -> verifyDecrypting(corpus));
        long readStart = System.nanoTime();
        Replay replay = Journal.read(corpus, BENCH_PASSPHRASE);
        double readSeconds = (System.nanoTime() - readStart) / 1e9;
        double htmlSeconds = time(
                () -> HtmlReport.render(replay, JournalVerifier.verify(corpus, Optional.empty(), Optional.empty())));
        double jsonlSeconds = time(() -> writePack(replay, key, work.resolve("pack")));
        long packBytes = directorySize(work.resolve("pack"));
        double packVerifySeconds =
                best(() -> EvidencePackVerifier.verify(work.resolve("pack"), Optional.of(key.publicKey())));
        out.printf(
                "Journal benchmark in %s: each rate over %.1f s in %d alternating slices; verification and export on %d events, "
                        + "%.1f MB, %d signed checkpoints%n",
                work.getParent(), seconds, SLICES, written, bytes / 1e6, written / CHECKPOINT_EVERY);
        out.printf("%-48s %14s %14s %8s %s%n", "measure", "flightdeck", "reference", "ratio", "goal");
        out.printf(
                "%-48s %12.0f/s %12.0f/s %7.0f%% %s%n",
                "durable appends vs raw 8 kB write + force(true)",
                rates.appends(),
                rates.fsync8k(),
                100 * rates.appends() / rates.fsync8k(),
                ">= 80% of the raw fsync rate");
        out.printf(
                "%-48s %12.0f/s %12.0f/s %7.0f%% %s%n",
                "durable appends vs raw " + rates.frameBytes() + " B write + force(true)",
                rates.appends(),
                rates.fsyncSameSize(),
                100 * rates.appends() / rates.fsyncSameSize(),
                "(same bytes per sync as a record)");
        out.printf(
                "%-48s %10.1f MB/s %9.1f MB/s %7.0f%% %s%n",
                "verify without passphrase vs read+SHA-256+CRC32C",
                bytes / 1e6 / verifySeconds,
                bytes / 1e6 / floorSeconds,
                100 * floorSeconds / verifySeconds,
                ">= 100 MB/s (reference: the least any verifier does)");
        out.printf(
                "%-48s %10.1f MB/s %14s %8s %s%n",
                "verify with passphrase (also decrypts every record)", bytes / 1e6 / decryptSeconds, "", "", "");
        out.printf(
                "%-48s %12.0f ms %14s %8s %s%n",
                "read " + EXPORT_EVENTS + " events (Argon2id 64 MiB + decrypt)", readSeconds * 1000, "", "", "");
        out.printf(
                "%-48s %12.0f ms %14s %8s%n",
                "export HTML, " + EXPORT_EVENTS + " events (after reading)", htmlSeconds * 1000, "", "");
        out.printf(
                "%-48s %12.0f ms %14s %8s%n",
                "export JSONL evidence pack, " + EXPORT_EVENTS + " events", jsonlSeconds * 1000, "", "");
        out.printf(
                "%-48s %10.1f MB/s %14s %8s %s%n",
                "verify the evidence pack, public key only",
                packBytes / 1e6 / packVerifySeconds,
                "",
                "",
                "(" + packBytes / 1_000_000 + " MB pack: commitments, chain, signatures)");
        if (rehearsalJournal != null) {
            printRehearsalExports(out, key, work);
        }
    }

    /** The reviewer's exports of a real session's journal, each from the directory: read (Argon2id + decrypt), verify, render, write. */
    private void printRehearsalExports(PrintWriter out, OperatorKey key, Path work) {
        char[] passphrase = passphraseOption.read(context);
        try (KeyRing keys = new KeyRing(passphrase)) {
            long records = Journal.read(rehearsalJournal, passphrase).entries().size();
            double html = best(() -> HtmlReport.render(
                    Journal.read(rehearsalJournal, passphrase),
                    JournalVerifier.verify(rehearsalJournal, Optional.empty(), Optional.of(keys))));
            double jsonl = best(
                    () -> writePack(Journal.read(rehearsalJournal, passphrase), key, work.resolve("rehearsal-pack")));
            out.printf(
                    "%-48s %12.0f ms %14s %8s %s%n",
                    "export HTML, rehearsal journal (" + records + " records)",
                    html * 1000,
                    "",
                    "",
                    "(from the directory: Argon2id, decrypt, verify, render)");
            out.printf(
                    "%-48s %12.0f ms %14s %8s %s%n",
                    "export JSONL, rehearsal journal (" + records + " records)",
                    jsonl * 1000,
                    "",
                    "",
                    "(from the directory: Argon2id, decrypt, sign)");
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The floor of any verification: read every segment, CRC32C and SHA-256 every byte once. */
    private static long readHashAndChecksum(Path corpus) {
        try (Stream<Path> files = Files.list(corpus)) {
            long checksum = 0;
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".fdj")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                CRC32C crc = new CRC32C();
                crc.update(bytes, 0, bytes.length);
                checksum += crc.getValue() + Sha256.of(bytes)[0];
            }
            return checksum;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static VerificationReport verifyDecrypting(Path corpus) {
        try (KeyRing keys = new KeyRing(BENCH_PASSPHRASE)) {
            return JournalVerifier.verify(corpus, Optional.empty(), Optional.of(keys));
        }
    }

    /** 10,000 events as a session would write them, durable one by one, with a signed checkpoint every 500. */
    private static long writeCorpus(Path journal, OperatorKey key) {
        try (JournalWriter writer =
                Journal.create(journal, UUID.randomUUID(), BENCH_PASSPHRASE, key, JournalOptions.defaults())) {
            while (writer.lastSequence() < EXPORT_EVENTS - 1) {
                if ((writer.lastSequence() + 1) % CHECKPOINT_EVERY == 0) {
                    writer.checkpoint("approval " + writer.lastSequence());
                } else {
                    writer.append("step.output", "bench", outputEvent(writer.lastSequence()));
                }
            }
            writer.closeSession("session close");
            return writer.lastSequence();
        }
    }

    /** Step output as the engine writes it (through its codec), so the export renders real steps. */
    private static ObjectNode outputEvent(long number) {
        return SessionEventCodec.encode(new SessionEvent.StepOutput(
                "step-" + number % 40,
                "app-" + number % 3,
                "stdout",
                ("line " + number + ": rsync sent 1,204 bytes, received 88 bytes, 2,584.00 bytes/sec\n").repeat(12)));
    }

    private static void writePack(Replay replay, OperatorKey key, Path pack) {
        try {
            EvidencePack.write(replay, key, pack);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A throw-away key: the bench must not touch the operator's real key. */
    private static OperatorKey benchKey() {
        try {
            var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new OperatorKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The best of at least three runs and at least {@link #WARM_UP} of running: the verifier's hot loops are compiled
     * by then, as in any verification of a journal long enough for its speed to matter (the first three runs of a
     * fresh JVM read 10–40 MB/s on the same bytes).
     */
    private static double best(Runnable action) {
        double best = Double.MAX_VALUE;
        long start = System.nanoTime();
        for (int round = 0; round < 3 || System.nanoTime() - start < WARM_UP.toNanos(); round++) {
            best = Math.min(best, time(action));
        }
        return best;
    }

    private static double time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static long directorySize(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long total = 0;
            for (Path file : files.toList()) {
                total += Files.size(file);
            }
            return total;
        }
    }

    private static void deleteQuietly(Path work) {
        try (Stream<Path> files = Files.walk(work)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // a leftover benchmark directory is harmless
        }
    }
}
