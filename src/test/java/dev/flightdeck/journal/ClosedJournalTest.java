package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.app.cli.JournalCommand;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.Frames;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.SegmentFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closed means closed: a journal or evidence pack cut back to any earlier checkpoint, or with only its closing checkpoint
 * removed, is intact record by record but NOT closed — {@code journal verify} says so in words and exits 3
 * ({@code --allow-open} accepts it). Positions and counts in its messages are the file's.
 */
class ClosedJournalTest {

    @TempDir
    Path directory;

    private Path journal;
    private AppContext context;
    private OperatorKey key;
    private StringWriter out;

    @BeforeEach
    void writeJournal() {
        FlightdeckHome home = new FlightdeckHome(directory.resolve("home"));
        context = new AppContext(home, Map.of("FLIGHTDECK_PASSPHRASE", new String(JournalFixture.PASSPHRASE)));
        key = new OperatorKeyStore(home.keys())
                .loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        journal = directory.resolve("session");
        try (JournalWriter writer = Journal.create(
                journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            SessionEvents.writeTypicalSession(writer);
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        return Cli.commandLine(context, new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute(args);
    }

    @Test
    void theWholeJournalIsClosedAndEveryCutBackToACheckpointIsNot() throws Exception {
        assertThat(run("journal", "verify", journal.toString())).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("closed:       closed");

        List<ScannedFrame> checkpoints = JournalScanner.scan(SegmentFiles.readAll(journal)).frames().stream()
                .filter(frame -> frame.type() == FrameType.CHECKPOINT)
                .toList();
        assertThat(checkpoints).hasSize(4);
        ScannedFrame closing = checkpoints.get(checkpoints.size() - 1);
        List<Long> cuts = new ArrayList<>();
        checkpoints
                .subList(0, checkpoints.size() - 1)
                .forEach(frame -> cuts.add(frame.offset() + Frames.OVERHEAD + frame.body().length));
        cuts.add(closing.offset()); // only the closing checkpoint removed
        for (long cut : cuts) {
            Path copy = cutCopy(cut);
            assertThat(run("journal", "verify", copy.toString()))
                    .as("cut at byte %d: %s", cut, out)
                    .isEqualTo(JournalCommand.NOT_CLOSED);
            assertThat(out.toString()).contains("verdict:      INTACT", "closed:       NOT closed");
            assertThat(run("journal", "verify", copy.toString(), "--allow-open"))
                    .isEqualTo(Cli.OK);

            Path pack = directory.resolve("pack-" + cut);
            assertThat(run("journal", "export", copy.toString(), "--format", "jsonl", "--out", pack.toString()))
                    .isEqualTo(Cli.OK);
            assertThat(run("journal", "verify", pack.toString()))
                    .as("pack of the cut at %d: %s", cut, out)
                    .isEqualTo(JournalCommand.NOT_CLOSED);
            assertThat(out.toString()).contains("closed:       NOT closed");
            assertThat(JournalJson.MAPPER
                            .readTree(pack.resolve("manifest.json").toFile())
                            .path("closed")
                            .asBoolean())
                    .isFalse();
        }
        System.out.printf(
                "closed journals: %d cuts (to each earlier checkpoint, and the closing checkpoint removed), %d reported NOT closed with exit 3%n",
                cuts.size(), cuts.size());
    }

    @Test
    void aPackWhoseChainBreaksNamesTheLineAndItsByteOffsetAndCountsTheWholeFile() throws Exception {
        Path pack = directory.resolve("pack");
        assertThat(run("journal", "export", journal.toString(), "--format", "jsonl", "--out", pack.toString()))
                .isEqualTo(Cli.OK);
        ObjectNode manifest = (ObjectNode)
                JournalJson.MAPPER.readTree(pack.resolve("manifest.json").toFile());
        assertThat(manifest.path("format").asText()).isEqualTo("flightdeck-evidence-v3");
        assertThat(manifest.path("closed").asBoolean()).isTrue();
        assertThat(manifest.path("chainHead").asText()).hasSize(64);

        List<String> lines = new ArrayList<>(Files.readAllLines(pack.resolve("events.jsonl")));
        int broken = 12; // a record's line, far from the start: its byte offset is not its line number
        ObjectNode record = (ObjectNode) JournalJson.MAPPER.readTree(lines.get(broken - 1));
        record.put(record.has("sealedSha256") ? "sealedSha256" : "bodySha256", "00".repeat(32));
        lines.set(broken - 1, JournalJson.MAPPER.writeValueAsString(record));
        long offset = lines.subList(0, broken - 1).stream()
                .mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + 1)
                .sum();
        byte[] events = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.write(pack.resolve("events.jsonl"), events);

        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .as("the manifest's digest catches it first, and the counts are still the file's")
                .contains("does not match the digest in the signed manifest", "records:      19 in 1 segment(s)");

        manifest.put("eventsSha256", Sha256.hex(Sha256.of(events)));
        byte[] manifestBytes =
                JournalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        Files.write(pack.resolve("manifest.json"), manifestBytes);
        Files.write(pack.resolve("manifest.sig"), Base64.getEncoder().encode(key.sign(manifestBytes)));
        assertThat(run("journal", "verify", pack.toString())).isEqualTo(Cli.PROBLEM);
        assertThat(out.toString())
                .contains("events.jsonl line " + broken + " at byte " + offset + ", record "
                        + record.path("sequence").asLong() + ": record "
                        + record.path("sequence").asLong() + " does not continue the hash chain");
    }

    private Path cutCopy(long length) throws Exception {
        Path copy = Files.createDirectories(directory.resolve("cut-" + length));
        try (Stream<Path> files = Files.list(journal)) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                Files.write(
                        copy.resolve(file.getFileName()),
                        file.getFileName().toString().equals("segment-000001.fdj")
                                ? Arrays.copyOf(bytes, (int) length)
                                : bytes);
            }
        }
        return copy;
    }
}
