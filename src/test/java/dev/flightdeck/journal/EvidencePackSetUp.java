package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.CliRun;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the evidence-pack tests start from: a closed journal, the key that signed it (to forge with, as an insider
 * would), the short hash of its last checkpoint as written into the change ticket, and the real command line over it.
 * Either the small typical session written through the journal's writer, or a real rehearsal run by {@code flightdeck
 * run --sandbox} with the operator's personal key.
 */
final class EvidencePackSetUp {

    static final String OPERATOR = "Dana Operator";
    private static final String KEY_PASSPHRASE = "dana keeps a long own passphrase";

    final Path directory;
    final Path home;
    final Path journal;
    final OperatorKey key;
    final String ticket;
    private final List<String> keyOptions;

    private EvidencePackSetUp(Path directory, Path home, Path journal, OperatorKey key, List<String> keyOptions) {
        this.directory = directory;
        this.home = home;
        this.journal = journal;
        this.key = key;
        this.keyOptions = keyOptions;
        Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
        this.ticket = replay.checkpoints().get(replay.checkpoints().size() - 1).shortHash();
    }

    /** {@link SessionEvents#writeTypicalSession}, signed with the installation's operator key. */
    static EvidencePackSetUp typicalSession(Path directory) {
        return typicalSession(directory, false);
    }

    /**
     * The same; when {@code resumed}, a first segment holds a note and a checkpoint, and the typical session follows in
     * a second segment, as after a reopened window.
     */
    static EvidencePackSetUp typicalSession(Path directory, boolean resumed) {
        Path home = directory.resolve("home");
        OperatorKey key = new OperatorKeyStore(new FlightdeckHome(home).keys())
                .loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        Path journal = directory.resolve("session");
        UUID session = UUID.randomUUID();
        if (resumed) {
            try (JournalWriter first =
                    Journal.create(journal, session, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
                first.append("custom.note", "dana", JournalJson.object().put("text", "window opened early"));
                first.checkpoint("before the reopening");
            }
            try (JournalWriter writer = Journal.resume(
                            journal, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())
                    .writer()) {
                SessionEvents.writeTypicalSession(writer);
            }
        } else {
            try (JournalWriter writer =
                    Journal.create(journal, session, JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
                SessionEvents.writeTypicalSession(writer);
            }
        }
        return new EvidencePackSetUp(directory, home, journal, key, List.of());
    }

    /**
     * The sandbox rehearsal through the real command line, opened and signed with the operator's personal key; {@code
     * options} are more of {@code run}'s (e.g. {@code --fault --auto-rollback}).
     */
    static EvidencePackSetUp rehearsal(Path directory, String... options) {
        try {
            Path keyFile = directory.resolve("dana.fdkey");
            Path keyPassphrase = Files.writeString(directory.resolve("dana.pass"), KEY_PASSPHRASE + "\n");
            Files.setPosixFilePermissions(keyPassphrase, PosixFilePermissions.fromString("rw-------"));
            PersonalKeyFile.create(keyFile, OPERATOR, KEY_PASSPHRASE.toCharArray(), KdfCost.insecureForTestsOnly(64));
            List<String> keyOptions =
                    List.of("--operator-key", keyFile.toString(), "--key-passphrase-file", keyPassphrase.toString());
            Path home = directory.resolve("home");
            Path journal = directory.resolve("rehearsal");
            List<String> run = new ArrayList<>(List.of(
                    "run",
                    Sandbox.RUNBOOK_ID,
                    "--sandbox",
                    "--journal",
                    journal.toString(),
                    "--operator",
                    OPERATOR,
                    "--yes",
                    "--approve",
                    "COMPLIANCE=Lee Compliance"));
            run.addAll(keyOptions);
            run.addAll(List.of(options));
            CliRun rehearsal = cli(home, run.toArray(String[]::new));
            assertThat(rehearsal.exitCode())
                    .as(rehearsal.out() + rehearsal.err())
                    .isIn(0, 4);
            OperatorKey key = PersonalKeyFile.unlock(keyFile, KEY_PASSPHRASE.toCharArray())
                    .key();
            return new EvidencePackSetUp(directory, home, journal, key, keyOptions);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real command line, in this set-up's home, with the journal's passphrase in the environment. */
    CliRun cli(String... args) {
        return cli(home, args);
    }

    private static CliRun cli(Path home, String... args) {
        return CliRun.runWith(home, Map.of("FLIGHTDECK_PASSPHRASE", new String(JournalFixture.PASSPHRASE)), args);
    }

    /** {@code journal export --format jsonl} into {@code name}, signed with the session's key. */
    Path export(String name, String... withhold) {
        Path pack = directory.resolve(name);
        List<String> args = new ArrayList<>(
                List.of("journal", "export", journal.toString(), "--format", "jsonl", "--out", pack.toString()));
        for (String selector : withhold) {
            args.addAll(List.of("--withhold", selector));
        }
        args.addAll(keyOptions);
        CliRun export = cli(args.toArray(String[]::new));
        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        return pack;
    }

    /** The index of the first line holding {@code fragment}. */
    static int lineOf(List<String> lines, String fragment) {
        for (int index = 0; index < lines.size(); index++) {
            if (lines.get(index).contains(fragment)) {
                return index;
            }
        }
        throw new AssertionError("no line holds " + fragment);
    }

    /** The sequence of the pack's first record line holding {@code fragment}. */
    static long sequenceOf(Path pack, String fragment) throws IOException {
        List<String> lines = Files.readAllLines(pack.resolve("events.jsonl"));
        return JournalJson.MAPPER
                .readTree(lines.get(lineOf(lines, fragment)))
                .path("sequence")
                .asLong();
    }

    /** The "first problem:" line {@code journal verify} printed. */
    static String firstProblem(CliRun verify) {
        return verify.out()
                .lines()
                .filter(line -> line.startsWith("first problem:"))
                .findFirst()
                .orElse("(none)");
    }
}
