package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * A personal key's passphrase (the person's own, not the journal's): {@code --key-passphrase-file FILE}, else
 * {@code $FLIGHTDECK_KEY_PASSPHRASE}, else a prompt.
 */
public final class KeyPassphraseOption {

    public static final String VARIABLE = "FLIGHTDECK_KEY_PASSPHRASE";
    private static final SecretSource SOURCE = new SecretSource(
            "--key-passphrase-file", VARIABLE, "Passphrase of your personal key: ", "use your personal key");

    @Option(
            names = "--key-passphrase-file",
            paramLabel = "FILE",
            description =
                    "read the personal key's passphrase from the first line of FILE, '-' for standard input (else $"
                            + VARIABLE + ", else a prompt)")
    private Path file;

    /** The caller wipes the returned array when done. */
    public char[] read(AppContext context, PrintWriter warnings) {
        return SOURCE.read(file, context, warnings);
    }
}
