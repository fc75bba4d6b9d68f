package dev.flightdeck.app.cli;

import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.storage.DurableWrites;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = {
            "Sign an approval request with your own key, on your own machine.",
            "Shows what is being approved, asks your key's passphrase and writes a signed approval for the operator to"
                    + " load (run --approval FILE, or the console's approval card).",
            "Exit 0 signed, 1 the key could not be used, 2 wrong usage."
        })
public final class ApproveCommand implements Callable<Integer> {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    @Mixin
    private KeyPassphraseOption passphraseOption;

    @Parameters(
            paramLabel = "REQUEST",
            description = "the request file, or the pasted line starting with " + ApprovalRequest.FORMAT + ":")
    private String request;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "your personal key file")
    private Path keyFile;

    @Option(
            names = "--role",
            paramLabel = "ROLE",
            description = "the role you approve as (needed only when the gate names more than one)")
    private String role;

    @Option(names = "--note", paramLabel = "TEXT", description = "what you checked or the ticket you approved (signed)")
    private String note = "";

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description =
                    "where to write the signed approval (default: beside the request file, or the current directory)")
    private Path out;

    ApproveCommand(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        char[] passphrase = null;
        try {
            ApprovalRequest asked = ApprovalRequest.read(request);
            String chosenRole = role(asked);
            PersonalKeyFile.PublicPart holder = PersonalKeyFile.readPublic(keyFile);
            show(asked, chosenRole, holder, stdout);
            passphrase = passphraseOption.read(context, err);
            PersonalKey key = PersonalKeyFile.unlock(keyFile, passphrase);
            SignedApproval signed = SignedApproval.sign(asked, chosenRole, note, key, Instant.now());
            Path written = target(asked);
            if (Files.exists(written)) {
                throw new IllegalArgumentException(written + " already exists; choose another --out");
            }
            DurableWrites.writeOwnerOnly(written, signed.toFile());
            stdout.println("Signed approval written to " + written + ". Send it to the operator (" + asked.operator()
                    + "), or have them paste this line:");
            stdout.println(signed.toLine());
            stdout.flush();
            return Cli.OK;
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        } catch (JournalException | IOException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.PROBLEM;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    /** What the approver is asked to approve, before the passphrase is asked for. */
    private static void show(
            ApprovalRequest asked, String chosenRole, PersonalKeyFile.PublicPart holder, PrintWriter out) {
        out.println("Approval request " + asked.shortText());
        out.println("  runbook:  " + asked.runbookTitle() + " (" + asked.runbookId() + ", SHA-256 "
                + asked.runbookSha256().substring(0, 16) + "…)");
        out.println("  operator: " + asked.operator() + ", asked at " + asked.requestedAt());
        out.println("  gate:     " + asked.stepTitle() + (asked.reason().isBlank() ? "" : " — " + asked.reason()));
        out.println("  needs:    " + String.join(" and ", asked.roles()));
        if (asked.nextSteps().isEmpty()) {
            out.println("  next:     nothing: this gate is the last step");
        } else {
            out.println("  next:     " + asked.nextSteps().get(0));
            asked.nextSteps().stream().skip(1).forEach(step -> out.println("            " + step));
        }
        out.println("You approve as " + holder.name() + " (" + chosenRole + "), key "
                + PublicKeys.groupedFingerprint(holder.publicKey()) + ".");
        out.flush();
    }

    private String role(ApprovalRequest asked) {
        if (role == null) {
            if (asked.roles().size() != 1) {
                throw new IllegalArgumentException("gate " + asked.stepId() + " needs "
                        + String.join(" and ", asked.roles()) + ": say which you approve as with --role");
            }
            return asked.roles().get(0);
        }
        String chosen = role.strip().toUpperCase(Locale.ROOT);
        if (!asked.roles().contains(chosen)) {
            throw new IllegalArgumentException(
                    "gate " + asked.stepId() + " needs " + String.join(" and ", asked.roles()) + ", not " + chosen);
        }
        return chosen;
    }

    private Path target(ApprovalRequest asked) {
        if (out != null) {
            return out;
        }
        String name = "approval-" + asked.stepId() + ".json";
        Path requestFile = Path.of(request.strip());
        return request.strip().startsWith(ApprovalRequest.FORMAT + ":") || !Files.isRegularFile(requestFile)
                ? Path.of(name)
                : requestFile.toAbsolutePath().resolveSibling(name);
    }
}
