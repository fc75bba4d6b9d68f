package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The journal passphrase: {@code --passphrase-file FILE}, else {@code $FLIGHTDECK_PASSPHRASE}, else a prompt. */
public final class PassphraseOption {

    public static final String VARIABLE = "FLIGHTDECK_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "read the journal passphrase from the first line of FILE (else $" + VARIABLE + ", else a prompt)")
    private Path file;

    /** The caller wipes the returned array when done. */
    public char[] read(AppContext context) {
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
}
