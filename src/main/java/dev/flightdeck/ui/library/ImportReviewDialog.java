package dev.flightdeck.ui.library;

import dev.flightdeck.runbook.ImportReport;
import dev.flightdeck.runbook.MarkdownImportFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The importer's judgements on a Markdown procedure (split a block, dropped output lines, moved a section to the
 * rollback plan…), each with its line in the document, and the runbook it made, before anything is saved: the person
 * reviews the guesses, not the whole document, as {@code runbook import-md} prints them.
 */
public final class ImportReviewDialog {

    private final MarkdownImportFile.Imported imported;
    private final Function<Path, Optional<Path>> chooseTarget;

    /**
     * @param chooseTarget asks where to save, starting from the suggested file (a save dialog in the console); empty
     *                     when the person changes their mind
     */
    public ImportReviewDialog(MarkdownImportFile.Imported imported, Function<Path, Optional<Path>> chooseTarget) {
        this.imported = imported;
        this.chooseTarget = chooseTarget;
    }

    /** Shows the review; {@code save} receives the file the person chose to save the runbook to. */
    public void show(Window owner, BiConsumer<MarkdownImportFile.Imported, Path> save) {
        Dialog<ButtonType> dialog = new Dialog<>();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle("Import " + imported.source().getFileName());
        dialog.setHeaderText(imported.runbook().title() + "\n" + imported.summary());

        ListView<String> judgements = new ListView<>();
        judgements.setId("importJudgements");
        imported.report().judgements().stream().map(ImportReviewDialog::line).forEach(judgements.getItems()::add);
        judgements.setPlaceholder(new Label("The importer made no guesses: every step is as the document wrote it."));
        TextArea runbook = new TextArea(imported.yaml());
        runbook.setId("importedRunbook");
        runbook.setEditable(false);
        runbook.getStyleClass().add("monospace");
        TabPane tabs = new TabPane(
                new Tab("Judgements to review (" + judgements.getItems().size() + ")", judgements),
                new Tab("Runbook", runbook));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        Label hint = new Label("Nothing is saved until you choose where. Each judgement names the line of "
                + imported.source().getFileName() + " it comes from.");
        hint.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, hint, tabs));
        dialog.getDialogPane().setPrefSize(860, 560);
        dialog.setResizable(true);

        ButtonType saveButton = new ButtonType("Save runbook…", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(saveButton, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(saveButton).setId("saveImport");
        dialog.setOnHidden(event -> {
            if (dialog.getResult() == saveButton) {
                chooseTarget.apply(imported.suggestedFile()).ifPresent(target -> save.accept(imported, target));
            }
        });
        dialog.show();
        judgements.requestFocus();
    }

    static String line(ImportReport.Judgement judgement) {
        return "line " + judgement.line() + ": " + judgement.text();
    }
}
