package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.error.JournalException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "key",
        description = "Personal signing keys: each approver, operator and administrator has their own.",
        mixinStandardHelpOptions = true)
public final class KeyCommand {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    KeyCommand(AppContext context) {
        this.context = context;
    }

    @Command(
            name = "create",
            description = {
                "Make a personal Ed25519 signing key protected by your own passphrase (Argon2id), in a file you keep.",
                "Prints the line to give the roster's keeper (flightdeck key show prints it again)."
            })
    int create(
            @Option(
                            names = "--name",
                            required = true,
                            paramLabel = "NAME",
                            description = "your name, as the roster lists it")
                    String name,
            @Option(
                            names = "--out",
                            required = true,
                            paramLabel = "FILE",
                            description = "where to keep the key (never overwritten)")
                    Path out,
            @Mixin KeyPassphraseOption passphraseOption) {
        PrintWriter err = spec.commandLine().getErr();
        char[] passphrase = null;
        try {
            passphrase = passphraseOption.read(context, err);
            PersonalKeyFile.PublicPart created = PersonalKeyFile.create(out, name, passphrase, KdfCost.production());
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("wrote " + out + " (keep it, and its passphrase, to yourself)");
            stdout.println(created.describe());
            stdout.flush();
            return Cli.OK;
        } catch (IllegalArgumentException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.USAGE;
        } catch (JournalException e) {
            err.println("flightdeck: " + e.getMessage());
            return Cli.PROBLEM;
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Command(
            name = "show",
            description =
                    "Print a key's owner, fingerprint (to read out on the phone) and public key, in one line (no passphrase needed).")
    int show(@Parameters(paramLabel = "FILE", description = "a personal key file") Path file) {
        try {
            spec.commandLine().getOut().println(PersonalKeyFile.readPublic(file).describe());
            spec.commandLine().getOut().flush();
            return Cli.OK;
        } catch (JournalException e) {
            spec.commandLine().getErr().println("flightdeck: " + e.getMessage());
            return Cli.PROBLEM;
        }
    }
}
