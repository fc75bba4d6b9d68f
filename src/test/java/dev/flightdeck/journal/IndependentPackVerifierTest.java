package dev.flightdeck.journal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.format.ChainHash;
import dev.flightdeck.journal.format.CheckpointBody;
import independent.IndependentPackVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's journey, step 3: "could write an independent verifier from docs/journal.md alone". {@link
 * IndependentPackVerifier} is that verifier (the JDK and a JSON reader, nothing of Flightdeck); here it reads packs
 * exported by the real command line from a real rehearsal (signed with the operator's personal key), as exported and
 * tampered with, and must agree with {@code flightdeck journal verify} on every one: the exit code, and for an intact
 * pack its records and every checkpoint's short hash.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndependentPackVerifierTest {

    private static final Path VERIFIER_SOURCE = Path.of("src/test/java/independent/IndependentPackVerifier.java");

    @TempDir
    static Path directory;

    private EvidencePackSetUp rehearsal;
    private Path pack;
    private Path redacted;
    private final List<String> table = new ArrayList<>();

    @BeforeAll
    void rehearseAndExport() {
        rehearsal = EvidencePackSetUp.rehearsal(directory, "--fault", "--auto-rollback");
        pack = rehearsal.export("pack");
        redacted = rehearsal.export("redacted", "step.output");
    }

    @AfterAll
    void printTheCases() {
        System.out.println("independent verifier vs journal verify (exit codes; first problem of each):");
        table.forEach(row -> System.out.println("  " + row));
    }

    @Test
    void theVerifierUsesOnlyTheJdkAndAJsonReader() throws IOException {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.flightdeck..")
                .because("a reviewer writes it from docs/journal.md alone")
                .check(new ClassFileImporter().importPackages("independent"));
        assertThat(Files.readAllLines(VERIFIER_SOURCE).stream().filter(line -> line.startsWith("import ")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("import (java\\.|com\\.fasterxml\\.jackson\\.).*;"));
        // constants are inlined by the compiler, out of ArchUnit's sight: the text names nothing of the product either
        assertThat(Files.readString(VERIFIER_SOURCE)).doesNotContain("dev.flightdeck");
    }

    @Test
    void theRehearsalsPacksVerifyTheSameWithAndWithoutWithheldRecords() throws Exception {
        assertThat(agree("as exported", pack)).isZero();
        assertThat(agree("as exported, --expect the ticket's short hash", pack, "--expect", rehearsal.ticket))
                .isZero();
        assertThat(agree("as exported, --public-key the operator's published key", pack, publicKeyOption(pack)))
                .isZero();
        assertThat(agree("step.output withheld, --expect the ticket's", redacted, "--expect", rehearsal.ticket))
                .isZero();
        IndependentPackVerifier.Verdict verdict = independent(redacted, List.of());
        assertThat(verdict.withheld()).isPositive();
        assertThat(verdict.revealed()).isPositive();
        assertThat(verdict.lastShortHash()).contains(rehearsal.ticket);
    }

    @Test
    void aPackOfTwoSegmentsVerifiesTheSame() throws Exception {
        EvidencePackSetUp resumed = EvidencePackSetUp.typicalSession(directory.resolve("resumed"), true);
        Path twoSegments = resumed.export("pack", "step.output");
        assertThat(JournalJson.MAPPER
                        .readTree(twoSegments.resolve("manifest.json").toFile())
                        .path("segments")
                        .asInt())
                .isEqualTo(2);
        assertThat(agree("a reopened session's pack (two segments), step.output withheld", twoSegments))
                .isZero();
    }

    @Test
    void anotherKeyIsRefusedByBoth() throws Exception {
        Path other = directory.resolve("other.pub");
        Files.writeString(
                other,
                PublicKeys.toPem(KeyPairGenerator.getInstance("Ed25519")
                        .generateKeyPair()
                        .getPublic()));
        assertThat(agree("--public-key of another person", pack, "--public-key", other.toString()))
                .isEqualTo(1);
    }

    @Test
    void aChangedCharacterOfARevealedTextIsRefusedByBoth() throws Exception {
        Path copy = copyOf(pack, "one-character");
        List<String> lines = Files.readAllLines(copy.resolve("events.jsonl"));
        int approval = EvidencePackSetUp.lineOf(lines, "\"type\":\"approval\"");
        lines.set(approval, editPlaintext(lines.get(approval), "Lee Compliance", "Lee Complianse"));
        Files.write(copy.resolve("events.jsonl"), (String.join("\n", lines) + "\n").getBytes());
        assertThat(agree("one character of the approver changed, manifest as it was", copy))
                .isEqualTo(1);

        InsiderForgery.resignEvents(copy, lines, rehearsal.key);
        assertThat(agree("one character of the approver changed, manifest re-signed with the operator's key", copy))
                .isEqualTo(1);
    }

    @Test
    void aChangedCommitmentOfAWithheldRecordIsRefusedByBoth() throws Exception {
        Path copy = copyOf(redacted, "commitment");
        List<String> lines = Files.readAllLines(copy.resolve("events.jsonl"));
        int withheld = EvidencePackSetUp.lineOf(lines, "\"withheld\":{");
        ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(lines.get(withheld));
        String commitment = line.path("commitment").asText();
        line.put("commitment", (commitment.charAt(0) == '0' ? "1" : "0") + commitment.substring(1));
        lines.set(withheld, JournalJson.MAPPER.writeValueAsString(line));
        InsiderForgery.resignEvents(copy, lines, rehearsal.key);
        assertThat(agree("a withheld record's commitment changed, manifest re-signed", copy))
                .isEqualTo(1);
    }

    @Test
    void aCutTailIsRefusedOrReportedNotClosedByBoth() throws Exception {
        List<String> lines = Files.readAllLines(pack.resolve("events.jsonl"));
        int lastOpenCheckpoint = -1;
        for (int index = 0; index < lines.size() - 1; index++) {
            JsonNode line = JournalJson.MAPPER.readTree(lines.get(index));
            if (line.path("frame").asText().equals("checkpoint")
                    && !checkpointOf(line).closesSession()) {
                lastOpenCheckpoint = index;
            }
        }
        List<String> kept = new ArrayList<>(lines.subList(0, lastOpenCheckpoint + 1));

        Path cut = copyOf(pack, "cut");
        InsiderForgery.resignEvents(cut, kept, rehearsal.key);
        assertThat(agree("tail cut back to a checkpoint, only eventsSha256 re-signed", cut))
                .isEqualTo(1);

        Path consistent = copyOf(pack, "cut-consistent");
        InsiderForgery.resignEvents(consistent, kept, rehearsal.key);
        resignManifestForCut(consistent, kept);
        assertThat(agree("tail cut, manifest rewritten to match and re-signed", consistent))
                .isEqualTo(3);
        assertThat(agree(
                        "tail cut, manifest rewritten and re-signed, --expect the ticket's",
                        consistent,
                        "--expect",
                        rehearsal.ticket))
                .isEqualTo(1);
    }

    @Test
    void aRechainedAndResignedPackFailsOnlyAgainstTheTicketForBoth() throws Exception {
        Path copy = copyOf(pack, "rechained");
        long sequence = EvidencePackSetUp.sequenceOf(copy, "\"type\":\"approval\"");
        InsiderForgery.rewritePack(
                copy, sequence, "\"approver\":\"Lee Compliance", "\"approver\":\"Lee Complianse", rehearsal.key);
        assertThat(agree("re-committed, re-chained, every checkpoint and the manifest re-signed", copy))
                .isZero();
        assertThat(agree("the same, --expect the ticket's short hash", copy, "--expect", rehearsal.ticket))
                .isEqualTo(1);

        // the manifest is what a hurried reviewer reads the last short hash from: it may not name the ticket's
        ObjectNode manifest = (ObjectNode)
                JournalJson.MAPPER.readTree(copy.resolve("manifest.json").toFile());
        manifest.put("lastCheckpoint", rehearsal.ticket);
        InsiderForgery.resignManifest(copy, manifest, rehearsal.key);
        assertThat(agree("the same, the manifest's lastCheckpoint set to the ticket's and re-signed", copy))
                .isEqualTo(1);
    }

    /**
     * Runs both verifiers on {@code pack} with the same options ({@code --expect HASH}, {@code --public-key FILE}) and
     * asserts they agree; returns the common exit code.
     */
    private int agree(String what, Path pack, String... options) throws IOException {
        List<String> args = new ArrayList<>(List.of("journal", "verify", pack.toString(), "--json"));
        args.addAll(List.of(options));
        CliRun verify = rehearsal.cli(args.toArray(String[]::new));
        JsonNode report = JournalJson.MAPPER.readTree(verify.out());
        IndependentPackVerifier.Verdict verdict = independent(pack, List.of(options));
        table.add(String.format(
                "%-95s journal verify %d, independent %d; %s | %s",
                what,
                verify.exitCode(),
                verdict.exitCode(),
                report.path("problem").path("description").asText("-"),
                verdict.problems().isEmpty() ? "-" : verdict.problems().get(0)));
        assertThat(verdict.exitCode())
                .as("%s: journal verify says %s; the independent verifier %s", what, verify.out(), verdict)
                .isEqualTo(verify.exitCode());
        if (verdict.intact()) {
            assertThat(verdict.records())
                    .as(what)
                    .isEqualTo(report.path("records").asLong());
            List<String> hashes = new ArrayList<>();
            report.path("checkpoints")
                    .forEach(checkpoint ->
                            hashes.add(checkpoint.path("shortHash").asText()));
            assertThat(verdict.checkpointShortHashes()).as(what).isEqualTo(hashes);
        }
        return verify.exitCode();
    }

    /** The independent verifier with the same options as the command line's. */
    private static IndependentPackVerifier.Verdict independent(Path pack, List<String> options) throws IOException {
        Optional<byte[]> key = Optional.empty();
        List<String> expected = new ArrayList<>();
        for (int index = 0; index < options.size(); index += 2) {
            switch (options.get(index)) {
                case "--expect" -> expected.add(options.get(index + 1));
                case "--public-key" -> key = Optional.of(pemToX509(Path.of(options.get(index + 1))));
                default -> throw new IllegalArgumentException(options.get(index));
            }
        }
        return IndependentPackVerifier.verify(pack, key, expected);
    }

    private static byte[] pemToX509(Path pem) throws IOException {
        return PublicKeys.fromPemOrNull(Files.readString(pem)).getEncoded();
    }

    private String[] publicKeyOption(Path pack) {
        return new String[] {
            "--public-key", pack.resolve("operator-ed25519.pub").toString()
        };
    }

    private static String editPlaintext(String text, String from, String to) throws IOException {
        ObjectNode line = (ObjectNode) JournalJson.MAPPER.readTree(text);
        String plaintext = line.path("plaintext").asText();
        assertThat(plaintext).contains(from);
        line.put("plaintext", plaintext.replaceFirst(from, to));
        return JournalJson.MAPPER.writeValueAsString(line);
    }

    private static CheckpointBody checkpointOf(JsonNode line) {
        return CheckpointBody.decodeOrNull(
                Base64.getDecoder().decode(line.path("checkpoint").asText()));
    }

    /** What an insider writes into the manifest so that it describes the cut pack, then signs. */
    private void resignManifestForCut(Path pack, List<String> kept) throws Exception {
        JsonNode last = JournalJson.MAPPER.readTree(kept.get(kept.size() - 1));
        long committed =
                kept.stream().filter(text -> text.contains("\"commitment\":")).count();
        ObjectNode manifest = (ObjectNode)
                JournalJson.MAPPER.readTree(pack.resolve("manifest.json").toFile());
        manifest.put("records", last.path("sequence").asLong())
                .put("lastSequence", last.path("sequence").asLong())
                .put("chainHead", last.path("chain").asText())
                .put("sealed", true)
                .put("closed", false)
                .put("lastCheckpoint", ChainHash.shortForm(checkpointOf(last).chainHash()))
                .put("committedRecords", committed);
        InsiderForgery.resignManifest(pack, manifest, rehearsal.key);
    }

    private Path copyOf(Path source, String name) {
        Path target = directory.resolve(name);
        try (Stream<Path> files = Files.list(source)) {
            Files.createDirectories(target);
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
