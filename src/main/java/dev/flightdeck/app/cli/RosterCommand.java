package dev.flightdeck.app.cli;

import dev.flightdeck.approval.Roster;
import dev.flightdeck.approval.RosterSignature;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.journal.crypto.PersonalKey;
import dev.flightdeck.journal.crypto.PersonalKeyFile;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.runbook.Role;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "roster",
        description = "The team file: who may approve for which role, with their public keys.",
        mixinStandardHelpOptions = true)
public final class RosterCommand {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    RosterCommand(AppContext context) {
        this.context = context;
    }

    @Command(name = "show", description = "Check a roster and list its people, roles and key fingerprints.")
    int show(@Parameters(paramLabel = "FILE", description = "a roster (YAML)") Path file) {
        PrintWriter out = spec.commandLine().getOut();
        Roster roster = load(file);
        if (roster == null) {
            return Cli.PROBLEM;
        }
        out.println("Roster '" + roster.team() + "'"
                + roster.signedBy().map(by -> ", signed by " + by).orElse(", not signed") + ": "
                + roster.people().size() + " people");
        roster.people()
                .forEach(person -> out.println("  " + person.name() + " · "
                        + person.roles().stream().map(Role::name).sorted().collect(Collectors.joining(", "))
                        + " · key " + person.fingerprint()));
        out.println("SHA-256 " + roster.sha256());
        out.flush();
        return Cli.OK;
    }

    @Command(
            name = "sign",
            description =
                    "Sign a roster with an administrator's personal key; the signature goes beside it as FILE.sig.")
    int sign(
            @Parameters(paramLabel = "FILE", description = "a roster (YAML)") Path file,
            @Option(
                            names = "--key",
                            required = true,
                            paramLabel = "KEYFILE",
                            description = "the administrator's personal key")
                    Path keyFile,
            @Mixin KeyPassphraseOption passphraseOption) {
        PrintWriter err = spec.commandLine().getErr();
        if (load(file) == null) {
            return Cli.PROBLEM;
        }
        char[] passphrase = null;
        try {
            passphrase = passphraseOption.read(context, err);
            PersonalKey key = PersonalKeyFile.unlock(keyFile, passphrase);
            Path signature = RosterSignature.sign(file, key);
            spec.commandLine()
                    .getOut()
                    .println("wrote " + signature + ": " + file + " signed by " + key.name() + " (key "
                            + PublicKeys.groupedFingerprint(key.publicKey()) + ")");
            spec.commandLine().getOut().flush();
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

    /** The roster, or null after printing its problems (FILE:LINE:COLUMN: message). */
    private Roster load(Path file) {
        return RosterFiles.read(file, spec.commandLine().getErr()).orElse(null);
    }
}
