package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The journal passphrase: {@code --passphrase-file FILE}, else {@code $FLIGHTDECK_PASSPHRASE}, else a prompt. */
public final class PassphraseOption {

    public static final String VARIABLE = "FLIGHTDECK_PASSPHRASE";

    @Option(
            names = "--passphrase-file",
            paramLabel = "FILE",
            scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "read the journal passphrase from the first line of FILE, '-' for standard input (else $"
                    + VARIABLE + ", else a prompt)")
    private Path file;

    /** The caller wipes the returned array when done. */
    public char[] read(AppContext context) {
        return read(context, null);
    }

    /**
     * The passphrase; an empty one is refused the same way from every source (a file, the environment variable set to
     * nothing, an empty prompt). A passphrase file others can read gets a warning on {@code warnings}, as {@code .pgpass}
     * would be refused. The caller wipes the returned array when done.
     */
    public char[] read(AppContext context, PrintWriter warnings) {
        return SOURCE.read(file, context, warnings);
    }

    static final SecretSource SOURCE =
            new SecretSource("--passphrase-file", VARIABLE, "Journal passphrase: ", "open the journal");
}
