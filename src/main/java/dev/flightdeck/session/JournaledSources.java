package dev.flightdeck.session;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.runbook.RunbookLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runbook and inventory a session ran, kept in its {@code session.opened} record (encrypted like every record), so
 * that resuming, rolling back and reviewing the session need nothing but its journal.
 */
public final class JournaledSources {

    /** How messages name a runbook or inventory read from a journal. */
    public static final String ORIGIN_PREFIX = "journal:";

    private JournaledSources() {}

    /** The text of the runbook with this digest: the built-in's text or the file it was read from; null if neither matches. */
    public static String runbookText(Runbook runbook, String sha256) {
        Optional<String> text = runbook.origin().startsWith(BuiltinRunbooks.ORIGIN_PREFIX)
                ? BuiltinRunbooks.source(runbook.origin().substring(BuiltinRunbooks.ORIGIN_PREFIX.length()))
                : readFile(runbook.origin());
        return text.filter(candidate -> RunbookDigest.sha256(candidate).equals(sha256))
                .orElse(null);
    }

    /** The inventory file's text, or null when the session runs without one (the name is then not a file). */
    public static String inventoryText(String inventoryName) {
        return readFile(inventoryName).orElse(null);
    }

    public static String sha256(String text) {
        return text == null ? null : RunbookDigest.sha256(text);
    }

    /**
     * The runbook a session ran: parsed from the journaled text; for a journal written before the text was kept, the
     * built-in of the same id if its digest matches. Empty when the journal alone cannot give it.
     */
    public static Optional<Parsed<Runbook>> runbookOf(SessionEvent.SessionOpened opened) {
        if (opened.runbookText() != null) {
            if (!RunbookDigest.sha256(opened.runbookText()).equals(opened.runbookSha256())) {
                throw new IllegalStateException(
                        "the runbook text in the journal does not match its SHA-256 " + opened.runbookSha256());
            }
            return Optional.of(
                    RunbookLoader.load(opened.runbookText(), ORIGIN_PREFIX + opened.runbookId(), opened.runbookId()));
        }
        return BuiltinRunbooks.source(opened.runbookId())
                .filter(text -> RunbookDigest.sha256(text).equals(opened.runbookSha256()))
                .flatMap(text -> BuiltinRunbooks.load(opened.runbookId()));
    }

    /** The inventory the session ran against, from the journal; empty for journals without it. */
    public static Optional<Parsed<Inventory>> inventoryOf(SessionEvent.SessionOpened opened) {
        if (opened.inventoryText() == null) {
            return Optional.empty();
        }
        return Optional.of(InventoryLoader.load(opened.inventoryText(), ORIGIN_PREFIX + opened.inventory()));
    }

    private static Optional<String> readFile(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        try {
            Path file = Path.of(name);
            return Files.isRegularFile(file)
                    ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
                    : Optional.empty();
        } catch (IOException | InvalidPathException e) {
            return Optional.empty();
        }
    }
}
