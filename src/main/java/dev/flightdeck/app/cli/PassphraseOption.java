package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** The journal passphrase: {@code --passphrase-file FILE}, else {@code $FLIGHTDECK_PASSPHRASE}, else a prompt. */
public final class PassphraseOption {

    public static final String VARIABLE = "FLIGHTDECK_PASSPHRASE";
    /** {@code --passphrase-file -}: the first line of standard input, as scripts pipe it. */
    static final String STANDARD_INPUT = "-";

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
        if (file != null && file.toString().equals(STANDARD_INPUT)) {
            return firstLineOfStandardInput();
        }
        if (file != null) {
            String first;
            try {
                first = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                        .findFirst()
                        .orElse("");
            } catch (IOException e) {
                throw new IllegalArgumentException(
                        "cannot read the passphrase file " + file + " (" + e.getMessage() + ")");
            }
            if (first.isEmpty()) {
                throw new IllegalArgumentException(
                        "the passphrase file " + file + " is empty (its first line is the passphrase)");
            }
            warnIfOthersCanRead(warnings);
            return first.toCharArray();
        }
        String fromEnvironment = context.environment().get(VARIABLE);
        if (fromEnvironment != null) {
            if (fromEnvironment.isEmpty()) {
                throw new IllegalArgumentException(
                        "$" + VARIABLE + " is set but empty: set it to the passphrase, or unset it to be asked");
            }
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("a passphrase is needed: use --passphrase-file FILE or set " + VARIABLE
                    + " (no terminal to prompt on)");
        }
        char[] typed = console.readPassword("Journal passphrase: ");
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase was entered");
        }
        return typed;
    }

    /** Read char by char up to the first line end, so no copy of the passphrase is left in a String. */
    private static char[] firstLineOfStandardInput() {
        Reader reader = new InputStreamReader(System.in, StandardCharsets.UTF_8);
        char[] line = new char[0];
        try {
            for (int c = reader.read(); c != -1 && c != '\n' && c != '\r'; c = reader.read()) {
                char[] longer = Arrays.copyOf(line, line.length + 1);
                longer[line.length] = (char) c;
                Arrays.fill(line, '\0');
                line = longer;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "cannot read the passphrase from standard input (" + e.getMessage() + ")");
        }
        if (line.length == 0) {
            throw new IllegalArgumentException("--passphrase-file -: standard input held no passphrase");
        }
        return line;
    }

    private void warnIfOthersCanRead(PrintWriter warnings) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            boolean others = permissions.stream()
                    .anyMatch(permission -> !permission.name().startsWith("OWNER"));
            if (others && warnings != null) {
                warnings.println("flightdeck: warning: the passphrase file " + file + " can be read by other users ("
                        + PosixFilePermissions.toString(permissions) + "); anyone who can read it can open the journal "
                        + "and sign as you. Fix it with: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // no POSIX permissions to check here (Windows), as libpq skips the .pgpass check
        }
    }
}
