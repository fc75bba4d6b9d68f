package dev.flightdeck.app.cli;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.export.EvidencePackVerifier;
import dev.flightdeck.journal.export.Withholding;
import dev.flightdeck.journal.storage.DurableWrites;
import dev.flightdeck.journal.verify.ExpectedCheckpoints;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.journal.verify.VerificationReport;
import dev.flightdeck.journal.verify.WithheldSummary;
import dev.flightdeck.review.ApprovalAudit;
import dev.flightdeck.review.HtmlReport;
import dev.flightdeck.review.ReviewModel;
import dev.flightdeck.review.ReviewText;
import dev.flightdeck.session.SessionJournals;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "journal", description = "Verify, read and export session journals.", mixinStandardHelpOptions = true)
public final class JournalCommand {

    static final String PASSPHRASE_VARIABLE = PassphraseOption.VARIABLE;
    /** {@code journal verify}: every record intact, but the journal does not end with the checkpoint that closed the session. */
    public static final int NOT_CLOSED = 3;

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @picocli.CommandLine.Mixin
    private PassphraseOption passphraseOption;

    JournalCommand(AppContext context) {
        this.context = context;
    }

    @Command(
            name = "verify",
            description = {
                "Check every record, the hash chain and the signatures (no passphrase needed).",
                "Exit 0 intact and closed, 1 problem, 2 usage, 3 intact but NOT closed (cut short, or a window still running: --allow-open)."
            })
    int verify(
            @Parameters(paramLabel = "PATH", description = "a journal directory or an exported evidence pack")
                    Path path,
            @Option(
                            names = "--public-key",
                            paramLabel = "FILE",
                            description = "the operator's published public key (PEM)")
                    Optional<Path> publicKeyFile,
            @Option(
                            names = "--decrypt",
                            description = "also decrypt and authenticate every record (needs the passphrase)")
                    boolean decrypt,
            @Option(
                            names = "--allow-open",
                            description =
                                    "accept a journal that is intact but not closed (a window still running): exit 0")
                    boolean allowOpen,
            @Option(
                            names = "--expect",
                            paramLabel = "SHORTHASH",
                            description =
                                    "a checkpoint's short hash written down earlier (the change ticket): verification fails unless it is a valid checkpoint here; repeatable")
                    List<String> expected,
            @Option(names = "--json", description = "print the full report as one JSON object (same exit codes)")
                    boolean json,
            @Option(
                            names = "--roster",
                            paramLabel = "FILE",
                            description =
                                    "check the approvals against this roster instead of the one the journal recorded")
                    Optional<Path> rosterFile) {
        return run(() -> {
            if (!Files.isDirectory(path)) {
                return usage(path + ": no such journal directory or evidence pack");
            }
            Optional<PublicKey> trusted = publicKeyFile.isPresent()
                    ? Optional.of(OperatorKeyStore.readPublicKey(publicKeyFile.get()))
                    : Optional.empty();
            List<String> expectedHashes = expected == null ? List.of() : expected;
            try {
                expectedHashes.forEach(ExpectedCheckpoints::normalize);
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            Optional<Roster> roster = Optional.empty();
            if (rosterFile.isPresent()) {
                roster = RosterFiles.read(rosterFile.get(), spec.commandLine().getErr());
                if (roster.isEmpty()) {
                    return Cli.PROBLEM;
                }
            }
            Verified verified = verified(path, trusted, decrypt, roster);
            VerificationReport report = ExpectedCheckpoints.check(verified.report(), expectedHashes);
            PrintWriter out = spec.commandLine().getOut();
            int exitCode = !report.isIntact() || verified.approvals().anyRefused()
                    ? Cli.PROBLEM
                    : report.isClosed() || allowOpen ? Cli.OK : NOT_CLOSED;
            if (json) {
                JsonOutput.println(out, JsonOutput.verification(report, verified.approvals(), exitCode));
                return exitCode;
            }
            report.lines().forEach(out::println);
            verified.approvals().format().forEach(out::println);
            out.flush();
            return exitCode;
        });
    }

    /** The journal's or pack's verdict, and its approvals checked as far as what can be read allows. */
    private record Verified(VerificationReport report, ApprovalAudit.Result approvals) {}

    private Verified verified(Path path, Optional<PublicKey> trusted, boolean decrypt, Optional<Roster> roster)
            throws IOException {
        if (EvidencePackVerifier.isEvidencePack(path)) {
            EvidencePackVerifier.PackReading pack = EvidencePackVerifier.read(path, trusted);
            return new Verified(pack.report(), ApprovalAudit.of(SessionJournals.decode(pack.replay()), roster));
        }
        if (!decrypt) {
            VerificationReport report = JournalVerifier.verify(path, trusted, Optional.empty());
            return new Verified(report, ApprovalAudit.fromCheckpoints(report.checkpoints()));
        }
        char[] passphrase = passphrase();
        try (KeyRing keys = new KeyRing(passphrase)) {
            VerificationReport report = JournalVerifier.verify(path, trusted, Optional.of(keys));
            return new Verified(report, ApprovalAudit.of(SessionJournals.read(path, passphrase), roster));
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    @Command(
            name = "show",
            description =
                    "Print the session as a readable timeline (a journal needs the passphrase; an evidence pack does not).")
    int show(
            @Parameters(paramLabel = "PATH", description = "a journal directory or an exported evidence pack")
                    Path path) {
        return run(() -> {
            PrintWriter out = spec.commandLine().getOut();
            if (EvidencePackVerifier.isEvidencePack(path)) {
                EvidencePackVerifier.PackReading pack = EvidencePackVerifier.read(path, Optional.empty());
                ReviewText.render(ReviewModel.of(pack.replay(), pack.report())).forEach(out::println);
                out.flush();
                return pack.report().isIntact() ? Cli.OK : Cli.PROBLEM;
            }
            char[] passphrase = passphrase();
            try (KeyRing keys = new KeyRing(passphrase)) {
                Replay replay = Journal.read(path, passphrase);
                ReviewText.render(ReviewModel.of(
                                replay, JournalVerifier.verify(path, Optional.empty(), Optional.of(keys))))
                        .forEach(out::println);
                out.flush();
                return replay.isIntact() ? Cli.OK : Cli.PROBLEM;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        });
    }

    @Command(
            name = "export",
            description =
                    "Write a printable HTML review report, or a JSONL evidence pack that 'journal verify' checks offline.")
    int export(
            @Parameters(
                            paramLabel = "PATH",
                            description =
                                    "a journal directory, or an evidence pack (html only: the reviewer's report from the pack, withheld records shown as withheld)")
                    Path path,
            @Option(
                            names = "--format",
                            required = true,
                            paramLabel = "html|jsonl",
                            description =
                                    "html: the review report to read or print; jsonl: the evidence pack (events.jsonl and its signed manifest)")
                    String format,
            @Option(
                            names = "--out",
                            required = true,
                            paramLabel = "DIR",
                            description =
                                    "the folder to write into (made if missing); a report or pack already there is replaced")
                    Path outDirectory,
            @Option(
                            names = "--withhold",
                            paramLabel = "TYPE|step:ID",
                            description =
                                    "jsonl only: leave out the text of records of this event type (step.output) or of this step (step:backup), keeping their commitments; repeatable")
                    List<String> withheldSelectors,
            @Option(
                            names = "--operator-key",
                            paramLabel = "FILE",
                            description =
                                    "jsonl: sign the manifest with this personal key (the one the session was run with --operator-key)")
                    Optional<Path> operatorKey,
            @picocli.CommandLine.Mixin KeyPassphraseOption keyPassphrase) {
        return run(() -> {
            if (!format.equals("html") && !format.equals("jsonl")) {
                return usage("--format must be html or jsonl, not '" + format + "'");
            }
            List<String> selectors = withheldSelectors == null ? List.of() : withheldSelectors;
            if (!selectors.isEmpty() && !format.equals("jsonl")) {
                return usage("--withhold applies to --format jsonl (an evidence pack), not to the HTML report");
            }
            if (EvidencePackVerifier.isEvidencePack(path)) {
                if (!format.equals("html") || !selectors.isEmpty() || operatorKey.isPresent()) {
                    return usage(path + " is an evidence pack: from a pack only --format html is made (what it"
                            + " withholds stays withheld; a pack is not re-signed)");
                }
                return writeHtmlFromPack(path, outDirectory);
            }
            Withholding withholding;
            try {
                withholding = new Withholding(selectors);
            } catch (IllegalArgumentException e) {
                return usage(e.getMessage());
            }
            char[] passphrase = passphrase();
            try (KeyRing keys = new KeyRing(passphrase)) {
                Replay replay = Journal.read(path, passphrase);
                String unmatched = withholding.unmatchedOrNull(replay.entries());
                if (unmatched != null) {
                    return usage(unmatched);
                }
                Files.createDirectories(outDirectory);
                String written = format.equals("html")
                        ? writeHtml(path, replay, keys, outDirectory) + " ("
                                + replay.entries().size() + " records)"
                        : writeEvidence(
                                replay, signingKey(passphrase, operatorKey, keyPassphrase), withholding, outDirectory);
                spec.commandLine().getOut().println("wrote " + written);
                spec.commandLine().getOut().flush();
                return replay.isIntact() ? Cli.OK : Cli.PROBLEM;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        });
    }

    private static Path writeHtml(Path journal, Replay replay, KeyRing keys, Path outDirectory) throws IOException {
        VerificationReport verification = JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys));
        Path report = outDirectory.resolve("journal-report.html");
        DurableWrites.writeOwnerOnly(
                report, HtmlReport.render(replay, verification).getBytes(StandardCharsets.UTF_8));
        return report;
    }

    /**
     * The HTML report from an evidence pack, no passphrase needed: the pack's verdict in the summary, its withheld records
     * shown as withheld. Exit 1 (the report still written, saying so) when the pack does not verify.
     */
    private int writeHtmlFromPack(Path pack, Path outDirectory) throws IOException {
        EvidencePackVerifier.PackReading reading = EvidencePackVerifier.read(pack, Optional.empty());
        Files.createDirectories(outDirectory);
        Path report = outDirectory.resolve("journal-report.html");
        DurableWrites.writeOwnerOnly(
                report, HtmlReport.render(reading.replay(), reading.report()).getBytes(StandardCharsets.UTF_8));
        spec.commandLine()
                .getOut()
                .println("wrote " + report + " (" + reading.replay().entries().size()
                        + " records, from the evidence pack)");
        spec.commandLine().getOut().flush();
        return reading.report().isIntact() ? Cli.OK : Cli.PROBLEM;
    }

    private static String writeEvidence(Replay replay, OperatorKey key, Withholding withholding, Path outDirectory)
            throws IOException {
        WithheldSummary withheld = EvidencePack.write(replay, key, withholding, outDirectory);
        return outDirectory + " (" + replay.entries().size() + " records"
                + (withheld.isEmpty() ? "" : "; withheld " + withheld.describe()) + ")";
    }

    /** The key that signed the session: the operator's personal key when given, else the installation's. */
    private OperatorKey signingKey(char[] passphrase, Optional<Path> personal, KeyPassphraseOption keyPassphrase) {
        if (personal.isEmpty()) {
            return new OperatorKeyStore(context.home().keys()).load(passphrase);
        }
        char[] own;
        try {
            own = keyPassphrase.read(context, spec.commandLine().getErr());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
        try {
            return PersonalKeyFile.unlock(personal.get(), own).key();
        } finally {
            Arrays.fill(own, '\0');
        }
    }

    /** --passphrase-file, else $FLIGHTDECK_PASSPHRASE, else an interactive prompt; the caller wipes the result. */
    private char[] passphrase() {
        try {
            return passphraseOption.read(context);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(e.getMessage());
        }
    }

    private int run(Callable<Integer> action) {
        try {
            return action.call();
        } catch (CommandFailure failure) {
            return usage(failure.getMessage());
        } catch (JournalException e) {
            spec.commandLine().getErr().println("flightdeck: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Cli.PROBLEM;
        } catch (IOException e) {
            spec.commandLine().getErr().println("flightdeck: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return Cli.PROBLEM;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private int usage(String message) {
        spec.commandLine().getErr().println("flightdeck: " + message);
        spec.commandLine().getErr().flush();
        return Cli.USAGE;
    }

    /** A problem with how the command was called (missing passphrase, unreadable option file): exit 2. */
    private static final class CommandFailure extends RuntimeException {
        CommandFailure(String message) {
            super(message);
        }
    }
}
