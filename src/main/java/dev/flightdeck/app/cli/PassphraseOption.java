package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine.Option;

/** The journal passphrase: {@code --passphrase-file FILE}, else {@code $FLIGHTDECK_PASSPHRASE}, else a prompt. */
public final class PassphraseOption {

    public static final String VARIABLE = "FLIGHTDECK_PASSPHRASE";
    /** {@code --passphrase-file -}: the first line of standard input, as scripts pipe it. */
    static final String STANDARD_INPUT = "-";

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "read the journal passphrase from the first line of FILE, '-' for standard input (else $" + VARIABLE + ", else a prompt)")
    private Path file;

    /** The caller wipes the returned array when done. */
    public char[] read(AppContext context) {
        if (file != null && file.toString().equals(STANDARD_INPUT)) {
            return firstLineOfStandardInput();
        }
        if (file != null) {
            try {
                return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("").toCharArray();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read the passphrase file " + file + " (" + e.getMessage() + ")");
            }
        }
        String fromEnvironment = context.environment().get(VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("a passphrase is needed: use --passphrase-file FILE or set " + VARIABLE + " (no terminal to prompt on)");
        }
        char[] typed = console.readPassword("Journal passphrase: ");
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase was entered");
        }
        return typed;
    }

    /** Read char by char up to the first line end, so no copy of the passphrase is left in a String. */
    private static char[] firstLineOfStandardInput() {
        java.io.Reader reader = new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8);
        char[] line = new char[0];
        try {
            for (int c = reader.read(); c != -1 && c != '\n' && c != '\r'; c = reader.read()) {
                char[] longer = Arrays.copyOf(line, line.length + 1);
                longer[line.length] = (char) c;
                Arrays.fill(line, '\0');
                line = longer;
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the passphrase from standard input (" + e.getMessage() + ")");
        }
        if (line.length == 0) {
            throw new IllegalArgumentException("--passphrase-file -: standard input held no passphrase");
        }
        return line;
    }
}
