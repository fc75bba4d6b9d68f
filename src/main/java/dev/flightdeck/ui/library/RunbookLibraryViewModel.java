package dev.flightdeck.ui.library;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.MarkdownImportFile;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.ui.Tasks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The runbooks the operator can choose from; loading happens on a background executor. */
public final class RunbookLibraryViewModel {

    private static final String LOADING = "Loading built-in runbooks…";

    private final Executor executor;
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<LibraryEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", LOADING);

    public RunbookLibraryViewModel(Executor executor) {
        this.executor = executor;
    }

    public ObservableList<LibraryEntry> entries() {
        return entries;
    }

    public ObjectProperty<LibraryEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void loadBuiltins() {
        Tasks.create(() -> BuiltinRunbooks.ids().stream()
                        .map(id -> LibraryEntry.builtin(
                                BuiltinRunbooks.load(id).orElseThrow(),
                                RunbookDigest.sha256(BuiltinRunbooks.source(id).orElseThrow())))
                        .toList())
                .onSuccess(this::showBuiltins)
                .onError(error -> status.set("Could not load the built-in runbooks: " + error.getMessage()))
                .runOnce(executor);
    }

    private void showBuiltins(List<LibraryEntry> builtins) {
        entries.removeIf(LibraryEntry::isBuiltin);
        entries.addAll(0, builtins);
        // a file the operator opened meanwhile has said something about itself: that stays on the status line
        if (status.get().equals(LOADING)) {
            status.set(builtins.size() == 1 ? "1 built-in runbook" : builtins.size() + " built-in runbooks");
        }
        if (selected.get() == null && !entries.isEmpty()) {
            selected.set(entries.get(0));
        }
    }

    /**
     * Imports a Markdown procedure on the background executor and hands the result to {@code review} on the UI thread:
     * the person reads the importer's judgements before anything is saved. A document that cannot be imported says why
     * in the status line.
     */
    public void importMarkdown(Path markdown, Consumer<MarkdownImportFile.Imported> review) {
        status.set("Importing " + markdown.getFileName() + "…");
        Tasks.create(() -> MarkdownImportFile.read(markdown))
                .onSuccess(outcome -> {
                    if (outcome instanceof MarkdownImportFile.Imported imported) {
                        status.set("Review the import of " + markdown.getFileName() + ": " + imported.summary());
                        review.accept(imported);
                    } else if (outcome instanceof MarkdownImportFile.Refused refused) {
                        status.set("Could not import " + markdown.getFileName() + ": "
                                + String.join("; ", refused.problems()));
                    }
                })
                .onError(error -> status.set("Could not import " + markdown + ": " + error.getMessage()))
                .runOnce(executor);
    }

    /** Saves a reviewed import as a runbook file and opens it, so it is listed and selected like any runbook. */
    public void saveImported(MarkdownImportFile.Imported imported, Path target, boolean replace) {
        status.set("Saving " + target.getFileName() + "…");
        Tasks.create(() -> {
                    MarkdownImportFile.save(imported, target, replace);
                    return target;
                })
                .onSuccess(this::open)
                .onError(error -> status.set("Could not save " + target + ": " + error.getMessage()))
                .runOnce(executor);
    }

    /** Reads a runbook file and selects it; a file with problems is listed too, so its problems can be read. */
    public void open(Path file) {
        status.set("Opening " + file.getFileName() + "…");
        Tasks.create(() -> {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Parsed<Runbook> parsed = RunbookLoader.load(
                            text,
                            file.toString(),
                            RunbookLoader.defaultId(file.getFileName().toString()));
                    return LibraryEntry.fromFile(file, parsed, RunbookDigest.sha256(text));
                })
                .onSuccess(entry -> {
                    entries.removeIf(existing -> existing.file().equals(entry.file()));
                    entries.add(entry);
                    selected.set(entry);
                    status.set(
                            entry.parsed().isValid()
                                    ? "Opened " + file
                                    : file.getFileName() + " has problems; see the details");
                })
                .onError(error -> status.set("Could not open " + file + ": " + error.getMessage()))
                .runOnce(executor);
    }
}
