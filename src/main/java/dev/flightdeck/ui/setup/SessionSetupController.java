package dev.flightdeck.ui.setup;

import dev.flightdeck.live.LiveSession;
import dev.flightdeck.ui.TabLeaves;
import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** The setup form: binds the view model; the passphrase is read once at start and the field wiped. */
public final class SessionSetupController {

    private final SessionSetupViewModel setup;
    private final Consumer<LiveSession> started;

    @FXML
    private Label runbookTitle;

    @FXML
    private TextField operator;

    @FXML
    private TextField roster;

    @FXML
    private TextField inventory;

    @FXML
    private TextField journal;

    @FXML
    private PasswordField passphrase;

    @FXML
    private TextField operatorKey;

    @FXML
    private PasswordField operatorKeyPassphrase;

    @FXML
    private Label variablesHeading;

    @FXML
    private VBox variableBox;

    @FXML
    private Button dryRunButton;

    @FXML
    private Button testConnectionsButton;

    @FXML
    private VBox connectionBox;

    @FXML
    private Button startButton;

    @FXML
    private Label message;

    @FXML
    private TextArea plan;

    public SessionSetupController(SessionSetupViewModel setup, Consumer<LiveSession> started) {
        this.setup = setup;
        this.started = started;
    }

    @FXML
    private void initialize() {
        runbookTitle.setText(setup.runbook().title());
        operator.textProperty().bindBidirectional(setup.operatorProperty());
        roster.textProperty().bindBidirectional(setup.rosterProperty());
        operatorKey.textProperty().bindBidirectional(setup.operatorKeyProperty());
        inventory.textProperty().bindBidirectional(setup.inventoryProperty());
        journal.textProperty().bindBidirectional(setup.journalProperty());
        plan.textProperty().bind(setup.planProperty());
        message.textProperty().bind(setup.messageProperty());
        dryRunButton.disableProperty().bind(setup.busyProperty());
        testConnectionsButton.disableProperty().bind(setup.busyProperty());
        setup.connections().addListener((ListChangeListener<SessionSetupViewModel.ConnectionRow>) change ->
                connectionBox
                        .getChildren()
                        .setAll(setup.connections().stream()
                                .map(row -> ConnectionRowView.of(row, setup))
                                .toList()));
        startButton
                .textProperty()
                .bind(Bindings.when(setup.closedSessionProperty())
                        .then("Open closed session")
                        .otherwise(Bindings.when(setup.resumingProperty())
                                .then("Resume session")
                                .otherwise("Start session")));
        startButton
                .disableProperty()
                .bind(setup.canStart().not().or(passphrase.textProperty().isEmpty()));
        // the dry run disables its own button while it works, which takes the focus away: it comes back to the
        // button when the work is done, so one Tab reaches Start session
        setup.busyProperty().addListener((observable, wasBusy, busy) -> {
            if (!busy && refocusDryRun) {
                refocusDryRun = false;
                Platform.runLater(dryRunButton::requestFocus);
            }
        });
        for (SessionSetupViewModel.VariableInput variable : setup.variables()) {
            Label name = new Label(variable.definition().name()
                    + (variable.definition().description().isBlank()
                            ? ""
                            : " — " + variable.definition().description()));
            TextField value = new TextField();
            value.textProperty().bindBidirectional(variable.value());
            value.setAccessibleText("Value of " + variable.definition().name());
            name.setLabelFor(value);
            HBox.setHgrow(value, Priority.ALWAYS);
            variableBox.getChildren().add(new VBox(4, name, value));
        }
        variablesHeading.setVisible(!setup.variables().isEmpty());
        variablesHeading.setManaged(variablesHeading.isVisible());
        // typing works without a click: the form opens with its first field focused
        operator.sceneProperty().addListener((observable, was, scene) -> {
            if (scene != null) {
                Platform.runLater(operator::requestFocus);
            }
        });
        TabLeaves.install(plan);
        passphrase.sceneProperty().addListener((observable, was, scene) -> {
            if (scene == null) {
                passphrase.clear();
                operatorKeyPassphrase.clear();
            }
        });
    }

    @FXML
    private void chooseInventory() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the inventory");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Inventory (*.yaml)", "*.yaml", "*.yml"));
        File file = chooser.showOpenDialog(inventory.getScene().getWindow());
        if (file != null) {
            setup.inventoryProperty().set(file.getAbsolutePath());
        }
    }

    @FXML
    private void chooseOperatorKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose your personal key");
        File file = chooser.showOpenDialog(operatorKey.getScene().getWindow());
        if (file != null) {
            setup.operatorKeyProperty().set(file.getAbsolutePath());
        }
    }

    @FXML
    private void chooseRoster() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose the roster (team file)");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Roster (*.yaml)", "*.yaml", "*.yml"));
        File file = chooser.showOpenDialog(roster.getScene().getWindow());
        if (file != null) {
            setup.rosterProperty().set(file.getAbsolutePath());
        }
    }

    /** Edits the chosen inventory file, or a new one in Flightdeck's home when none is chosen yet. */
    @FXML
    private void editInventory() {
        Path file = setup.inventoryProperty().get().isBlank()
                ? setup.suggestedInventory()
                : Path.of(setup.inventoryProperty().get().strip());
        InventoryEditor.open(
                inventory.getScene().getWindow(),
                file,
                setup.runbook(),
                setup.background(),
                inventory.getScene().getStylesheets().get(0),
                () -> {
                    setup.inventoryProperty().set(file.toString());
                    setup.inventoryChanged();
                });
    }

    /** Set while a dry run started from its button works: the focus goes back to the button afterwards. */
    private boolean refocusDryRun;

    @FXML
    private void dryRun() {
        refocusDryRun = true;
        setup.dryRun();
    }

    @FXML
    private void testConnections() {
        setup.testConnections();
    }

    @FXML
    private void start() {
        setup.start(takeSecret(passphrase), takeSecret(operatorKeyPassphrase), started);
    }

    /** The field's characters, copied once and the field cleared (never held as a String). */
    private static char[] takeSecret(PasswordField field) {
        char[] secret = new char[field.getCharacters().length()];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = field.getCharacters().charAt(i);
        }
        field.clear();
        return secret;
    }
}
