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

/**
 * Where a passphrase comes from on the command line, the same way for the journal's and a personal key's: a file option
 * (its first line; {@code -} for standard input), else an environment variable, else a prompt on the terminal.
 *
 * @param option   the file option's name, for messages
 * @param variable the environment variable
 * @param prompt   what the terminal prompt says
 * @param purpose  what the passphrase does, for the warning about a file others can read ("open the journal")
 */
record SecretSource(String option, String variable, String prompt, String purpose) {

    /** {@code --…-file -}: the first line of standard input, as scripts pipe it. */
    static final String STANDARD_INPUT = "-";

    /** The caller wipes the returned array when done. */
    char[] read(Path file, AppContext context, PrintWriter warnings) {
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
            warnIfOthersCanRead(file, warnings);
            return first.toCharArray();
        }
        String fromEnvironment = context.environment().get(variable);
        if (fromEnvironment != null) {
            if (fromEnvironment.isEmpty()) {
                throw new IllegalArgumentException(
                        "$" + variable + " is set but empty: set it to the passphrase, or unset it to be asked");
            }
            return fromEnvironment.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("a passphrase is needed: use " + option + " FILE or set " + variable
                    + " (no terminal to prompt on)");
        }
        char[] typed = console.readPassword(prompt);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException("no passphrase was entered");
        }
        return typed;
    }

    /** Read char by char up to the first line end, so no copy of the passphrase is left in a String. */
    private char[] firstLineOfStandardInput() {
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
            throw new IllegalArgumentException(option + " -: standard input held no passphrase");
        }
        return line;
    }

    private void warnIfOthersCanRead(Path file, PrintWriter warnings) {
        try {
            var permissions = Files.getPosixFilePermissions(file);
            boolean others = permissions.stream()
                    .anyMatch(permission -> !permission.name().startsWith("OWNER"));
            if (others && warnings != null) {
                warnings.println("flightdeck: warning: the passphrase file " + file + " can be read by other users ("
                        + PosixFilePermissions.toString(permissions) + "); anyone who can read it can " + purpose
                        + " and sign as you. Fix it with: chmod 600 " + file);
            }
        } catch (UnsupportedOperationException | IOException notPosix) {
            // no POSIX permissions to check here (Windows), as libpq skips the .pgpass check
        }
    }
}
