package dev.flightdeck.ui.setup;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.ui.Tasks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An inventory being edited in the setup: its text, what is wrong with it (as file:line:column, against the YAML
 * rules and against the targets the runbook needs), and a save that never leaves a half-written file.
 */
final class InventoryDraft {

    static final String TEMPLATE = """
            # Where the runbook's steps run. Passwords never go here: ~/.pgpass or a prompt.
            hosts:
              app1: { address: 10.0.4.11, user: deploy, groups: [app] }
            databases:
              clinic: { host: 10.0.4.20, port: 5432, database: clinic, user: flightdeck, sslmode: verify-full, ssh-host: db1 }
            endpoints:
              app1-health: { url: "https://app1.clinic.example/api/health", kind: health }
            vars:
              backup_dir: /var/backups/flightdeck
            """;

    private final Path file;
    private final Runbook runbook;
    private final Executor background;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final BooleanProperty savable = new SimpleBooleanProperty(this, "savable");
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private long checkedVersion;

    InventoryDraft(Path file, Runbook runbook, Executor background) {
        this.file = file;
        this.runbook = runbook;
        this.background = background;
    }

    Path file() {
        return file;
    }

    StringProperty textProperty() {
        return text;
    }

    StringProperty statusProperty() {
        return status;
    }

    /** True when the text as last checked has no errors (warnings are fine). */
    BooleanProperty savableProperty() {
        return savable;
    }

    ObservableList<String> problems() {
        return problems;
    }

    /** Reads the file, or starts from the template when it does not exist yet. */
    void load() {
        record Loaded(String text, boolean existing) {}
        Tasks.create(() -> Files.exists(file)
                        ? new Loaded(Files.readString(file, StandardCharsets.UTF_8), true)
                        : new Loaded(TEMPLATE, false))
                .onSuccess(loaded -> {
                    text.set(loaded.text());
                    status.set(loaded.existing() ? "Editing " + file : "New inventory: " + file + " (not saved yet)");
                    check();
                })
                .onError(error -> status.set("Cannot read " + file + ": " + error.getMessage()))
                .runOnce(background);
    }

    /** Checks the text as it is now; an answer for older text is dropped when newer text was checked since. */
    void check() {
        long version = ++checkedVersion;
        String now = text.get();
        savable.set(false);
        Tasks.create(() -> problemsOf(now))
                .onSuccess(found -> {
                    if (version != checkedVersion) {
                        return;
                    }
                    problems.setAll(found.stream().map(Problem::format).toList());
                    savable.set(found.stream().noneMatch(Problem::isError));
                })
                .runOnce(background);
    }

    private List<Problem> problemsOf(String candidate) {
        Parsed<Inventory> parsed = InventoryLoader.load(candidate, file.toString());
        List<Problem> found = new ArrayList<>(parsed.problems());
        parsed.value().ifPresent(inventory -> {
            Problems targets = new Problems(runbook.origin());
            new RunbookValidator(targets).checkTargets(runbook, inventory);
            found.addAll(targets.sorted());
        });
        return found;
    }

    /** Writes the text next to the file, then moves it into place: the old file stays whole until the new one is. */
    void save(Runnable saved) {
        String toWrite = text.get();
        Tasks.create(() -> {
                    List<Problem> found = problemsOf(toWrite);
                    if (found.stream().anyMatch(Problem::isError)) {
                        throw new IllegalStateException("the inventory has errors; fix them first (listed below)");
                    }
                    writeAtomically(toWrite);
                    return found;
                })
                .onSuccess(found -> {
                    status.set("Saved " + file);
                    saved.run();
                })
                .onError(error -> status.set("Not saved: " + error.getMessage()))
                .runOnce(background);
    }

    private void writeAtomically(String content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
