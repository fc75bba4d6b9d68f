package dev.flightdeck.ui.rollback;

import dev.flightdeck.rollback.VerificationTable;
import dev.flightdeck.ui.Copyable;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/** The rollback screen: binds the plan, output, decisions and verification table to the {@link RollbackViewModel}. */
public final class RollbackController {

    private final RollbackViewModel rollback;

    @FXML
    private Label rollbackProgress;

    @FXML
    private TableView<RollbackRow> planTable;

    @FXML
    private TableColumn<RollbackRow, String> numberColumn;

    @FXML
    private TableColumn<RollbackRow, String> kindColumn;

    @FXML
    private TableColumn<RollbackRow, String> titleColumn;

    @FXML
    private TableColumn<RollbackRow, String> whyColumn;

    @FXML
    private TableColumn<RollbackRow, String> statusColumn;

    @FXML
    private ListView<String> outputList;

    @FXML
    private Label rollbackMessage;

    @FXML
    private VBox decisionBox;

    @FXML
    private TextField reasonField;

    @FXML
    private Button retryButton;

    @FXML
    private Button skipButton;

    @FXML
    private Button manualButton;

    @FXML
    private TableView<VerificationTable.Row> verificationTable;

    @FXML
    private TableColumn<VerificationTable.Row, String> checkNumberColumn;

    @FXML
    private TableColumn<VerificationTable.Row, String> checkColumn;

    @FXML
    private TableColumn<VerificationTable.Row, String> checkKindColumn;

    @FXML
    private TableColumn<VerificationTable.Row, String> resultColumn;

    @FXML
    private TableColumn<VerificationTable.Row, String> detailColumn;

    public RollbackController(RollbackViewModel rollback) {
        this.rollback = rollback;
    }

    @FXML
    private void initialize() {
        column(numberColumn, RollbackRow::number);
        column(kindColumn, RollbackRow::kind);
        column(titleColumn, RollbackRow::title);
        column(whyColumn, RollbackRow::why);
        column(statusColumn, RollbackRow::status);
        planTable.setItems(rollback.plan());
        column(checkNumberColumn, VerificationTable.Row::number);
        column(checkColumn, VerificationTable.Row::check);
        column(checkKindColumn, VerificationTable.Row::kindLabel);
        column(resultColumn, VerificationTable.Row::result);
        column(detailColumn, VerificationTable.Row::detail);
        verificationTable.setItems(rollback.verification());
        Label noChecks = new Label(
                rollback.hasVerificationChecks()
                        ? "The checks of the runbook's rollback-verification run once every rollback step is done; their results appear here."
                        : "This runbook has no rollback-verification checks: check by hand that the system works as before the window.");
        noChecks.setWrapText(true);
        noChecks.getStyleClass().add("table-note");
        verificationTable.setPlaceholder(noChecks);
        outputList.setItems(rollback.output());
        rollback.output().addListener((ListChangeListener<String>)
                change -> outputList.scrollTo(rollback.output().size() - 1));
        rollbackMessage.textProperty().bind(rollback.messageProperty());
        Copyable.install(rollbackMessage);
        rollbackProgress.textProperty().bind(Bindings.createStringBinding(this::progress, rollback.plan()));
        decisionBox.visibleProperty().bind(rollback.stoppedProperty());
        decisionBox.managedProperty().bind(decisionBox.visibleProperty());
        retryButton.disableProperty().bind(rollback.runningProperty());
        skipButton
                .disableProperty()
                .bind(rollback.runningProperty().or(reasonField.textProperty().isEmpty()));
        manualButton.disableProperty().bind(skipButton.disableProperty());
    }

    private String progress() {
        long settled = rollback.plan().stream()
                .filter(row -> row.status().equals("succeeded") || row.status().equals("skipped"))
                .count();
        return settled + " of " + rollback.plan().size() + " done";
    }

    /** A column whose cells wrap their text within the column's width, so a long title makes its row taller, never cut. */
    private static <T> void column(TableColumn<T, String> column, Function<T, String> value) {
        column.setCellValueFactory(
                cell -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(table -> new WrappingCell<>());
    }

    private static final class WrappingCell<T> extends TableCell<T, String> {

        private final Text text = new Text();

        WrappingCell() {
            text.getStyleClass().add("wrapping-cell-text");
            text.wrappingWidthProperty().bind(widthProperty().subtract(snappedLeftInset() + snappedRightInset() + 8));
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setPrefHeight(USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
            setGraphic(empty || item == null ? null : text);
            setAccessibleText(empty ? null : item);
        }
    }

    @FXML
    private void retry() {
        rollback.retry();
    }

    @FXML
    private void skip() {
        rollback.skip(reasonField.getText().strip());
        reasonField.clear();
    }

    @FXML
    private void doneByHand() {
        rollback.doneByHand(reasonField.getText().strip());
        reasonField.clear();
    }
}
