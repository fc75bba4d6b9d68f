package dev.flightdeck.ui.wizard;

import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.StepRecord;
import dev.flightdeck.ui.Copyable;
import dev.flightdeck.ui.KindChip;
import dev.flightdeck.ui.TabLeaves;
import dev.flightdeck.ui.detail.StepDescriptions;
import dev.flightdeck.ui.rollback.FxConfirmation;
import dev.flightdeck.ui.rollback.RollbackDialog;
import dev.flightdeck.ui.rollback.RollbackViewModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/** The wizard screen: binds the view model to the controls and turns clicks and keys into its commands. */
public final class WizardController {

    private final WizardViewModel wizard;
    private final Node console;
    private final Node instruments;

    @FXML
    private Label runbookTitle;

    @FXML
    private Label warningLabel;

    @FXML
    private Label clockLabel;

    @FXML
    private Label progressLabel;

    @FXML
    private HBox phaseStrip;

    @FXML
    private HBox connectionBar;

    @FXML
    private Label journalLabel;

    @FXML
    private StackPane rollbackHolder;

    @FXML
    private StackPane rollbackOverlay;

    @FXML
    private SplitPane sessionSplit;

    @FXML
    private ListView<StepRow> stepList;

    @FXML
    private StackPane kindChipHolder;

    @FXML
    private Label stepEyebrow;

    @FXML
    private Label stepStatus;

    @FXML
    private Label stepTitle;

    @FXML
    private Label stepDescription;

    @FXML
    private Label stepWhatHappens;

    @FXML
    private TextArea stepText;

    @FXML
    private Label stepWhere;

    @FXML
    private Label stepResult;

    @FXML
    private VBox approvalForm;

    @FXML
    private VBox hostKeyBox;

    @FXML
    private TextField approverName;

    @FXML
    private ChoiceBox<Role> approverRole;

    @FXML
    private Label approverLabel;

    @FXML
    private TextField approverKeyFile;

    @FXML
    private Button chooseKeyButton;

    @FXML
    private VBox signedApprovalBox;

    @FXML
    private PasswordField approverPassphrase;

    @FXML
    private TextField approvalRequestLine;

    @FXML
    private Label approvalRequestFile;

    @FXML
    private TextField signedApprovalInput;

    @FXML
    private Label noteLabel;

    @FXML
    private TextArea note;

    @FXML
    private Button runButton;

    @FXML
    private Button confirmButton;

    @FXML
    private Button approveButton;

    @FXML
    private Button markDoneButton;

    @FXML
    private Button skipButton;

    @FXML
    private Button finishButton;

    @FXML
    private Button undoButton;

    @FXML
    private Button rollBackButton;

    @FXML
    private Label messageLabel;

    @FXML
    private StackPane consoleHost;

    @FXML
    private StackPane instrumentsHost;

    @FXML
    private FlowPane channelNotices;

    private final ChannelNotices notices;

    private final Function<RollbackViewModel, Parent> rollbackScreen;

    /**
     * @param console the live output console to show under the card (the session's output sink)
     * @param instruments the live metrics panel to show beside the card (null: none)
     * @param notices the notification channels not delivering, shown under the title (null: no notifications)
     * @param rollbackScreen builds the rollback's screen, laid over the wizard once the rollback starts (the
     *     composition provides it: the wizard does not load another screen's view)
     */
    public WizardController(
            WizardViewModel wizard,
            Node console,
            Node instruments,
            ChannelNotices notices,
            Function<RollbackViewModel, Parent> rollbackScreen) {
        this.wizard = wizard;
        this.console = console;
        this.instruments = instruments;
        this.notices = notices;
        this.rollbackScreen = rollbackScreen;
    }

    @FXML
    private VBox pauseBox;

    @FXML
    private Label pauseText;

    @FXML
    private Label pauseEvidence;

    @FXML
    private TextField pauseNote;

    @FXML
    private Button pauseContinue;

    @FXML
    private Button pauseRollBack;

    @FXML
    private void continuePaused() {
        wizard.continuePaused(pauseNote.getText());
        pauseNote.clear();
    }

    @FXML
    private void rollBackPaused() {
        wizard.rollBackPaused(pauseNote.getText(), new FxConfirmation(wizard.operator()));
        pauseNote.clear();
    }

    @FXML
    private void initialize() {
        runbookTitle.setText(wizard.stateProperty().get().runbook().title());
        clockLabel.textProperty().bind(wizard.clockProperty());
        progressLabel.textProperty().bind(wizard.progressProperty());
        PhaseStrip.bind(phaseStrip, wizard.phases());
        ConnectionBar.bind(connectionBar, wizard.connections());
        journalLabel.textProperty().bind(wizard.journalStatusProperty());
        warningLabel.textProperty().bind(wizard.warningProperty());
        warningLabel.visibleProperty().bind(wizard.warningProperty().isNotEmpty());
        warningLabel.managedProperty().bind(warningLabel.visibleProperty());
        pauseText.textProperty().bind(wizard.pauseProperty());
        pauseEvidence.textProperty().bind(wizard.pauseEvidenceProperty());
        pauseBox.visibleProperty().bind(wizard.pauseProperty().isNotEmpty());
        pauseBox.managedProperty().bind(pauseBox.visibleProperty());
        pauseContinue.disableProperty().bind(wizard.busyProperty());
        pauseRollBack.disableProperty().bind(wizard.busyProperty());
        messageLabel.textProperty().bind(wizard.messageProperty());
        wizard.messageIsProblemProperty()
                .addListener((observable, was, problem) ->
                        messageLabel.pseudoClassStateChanged(PseudoClass.getPseudoClass("ok"), !problem));
        TabLeaves.install(note, stepText);
        Copyable.install(messageLabel);
        Copyable.install(stepResult);
        stepList.setItems(wizard.rows());
        stepList.setCellFactory(list -> new StepRowCell());
        bindButton(runButton, WizardViewModel.Action.RUN);
        bindButton(confirmButton, WizardViewModel.Action.CONFIRM);
        bindButton(approveButton, WizardViewModel.Action.APPROVE);
        bindButton(markDoneButton, WizardViewModel.Action.MARK_DONE);
        bindButton(skipButton, WizardViewModel.Action.SKIP);
        bindButton(undoButton, WizardViewModel.Action.UNDO);
        bindButton(rollBackButton, WizardViewModel.Action.ROLL_BACK);
        approvalForm.visibleProperty().bind(wizard.allowedProperty(WizardViewModel.Action.APPROVE));
        approvalForm.managedProperty().bind(approvalForm.visibleProperty());
        showApprovalKind();
        approvalRequestLine.textProperty().bind(wizard.approvalRequestProperty());
        approvalRequestFile
                .textProperty()
                .bind(wizard.approvalRequestFileProperty().map(file -> "Also written to " + file));
        approvalRequestFile
                .visibleProperty()
                .bind(wizard.approvalRequestFileProperty().isNotEmpty());
        approvalRequestFile.managedProperty().bind(approvalRequestFile.visibleProperty());
        wizard.currentProperty().addListener((observable, was, row) -> {
            showCard(row);
            // the list follows the walk: the current step in view, with the two before it for context
            int index = wizard.rows().indexOf(row);
            if (index >= 0) {
                stepList.scrollTo(Math.max(0, index - 2));
            }
        });
        wizard.stateProperty().addListener((observable, was, state) -> {
            stepList.refresh();
            showCard(wizard.currentProperty().get());
        });
        if (console != null) {
            consoleHost.getChildren().setAll(console);
        }
        if (instruments != null) {
            instrumentsHost.getChildren().setAll(instruments);
        }
        if (notices != null) {
            ChannelChips.bind(channelNotices, notices);
        }
        showCard(wizard.currentProperty().get());
        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), event -> wizard.refreshClock()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
        runbookTitle.sceneProperty().addListener((observable, was, scene) -> installShortcuts(scene));
        installRollbackButton();
    }

    private void bindButton(Button button, WizardViewModel.Action action) {
        // only the actions valid now are shown; disabled too, so shortcuts obey the same rule
        button.disableProperty().bind(wizard.allowedProperty(action).not());
        button.visibleProperty().bind(wizard.allowedProperty(action));
        button.managedProperty().bind(button.visibleProperty());
    }

    private void showCard(StepRow row) {
        if (row == null) {
            showCompletion();
            return;
        }
        finishButton.setVisible(false);
        finishButton.setManaged(false);
        Step step = row.step();
        StepRecord record = wizard.stateProperty().get().record(step.id());
        kindChipHolder.getChildren().setAll(KindChip.of(step.kind()));
        stepEyebrow.setText(("Step " + row.number() + " · " + row.phaseTitle()).toUpperCase(Locale.ROOT));
        stepStatus.setText(row.statusText());
        stepStatus.getStyleClass().removeIf(style -> style.startsWith("status-") && !style.equals("status-chip"));
        stepStatus.getStyleClass().add(row.statusStyle());
        stepTitle.setText(row.titleProperty().get());
        stepDescription.setText(step.description());
        stepDescription.setVisible(!step.description().isBlank());
        stepDescription.setManaged(stepDescription.isVisible());
        // what will run, with this session's values in it; a value not known yet stays ${name} and is said so
        String exact = wizard.boundText(StepDescriptions.exactText(step));
        List<String> unbound = WizardViewModel.unboundReferences(exact);
        stepWhatHappens.setText(StepDescriptions.whatHappens(step)
                + (unbound.isEmpty()
                        ? ""
                        : " Not known yet: " + String.join(", ", unbound)
                                + " (filled in when the step runs, from the values of this session)."));
        stepText.setText(exact);
        stepText.setPrefRowCount(Math.max(1, Math.min(10, (int)
                exact.lines().mapToInt(line -> 1 + line.length() / 70).sum())));
        stepText.setVisible(!exact.isBlank());
        stepText.setManaged(stepText.isVisible());
        stepWhere.setText(step.target()
                .map(target -> target.equals("local") ? "Runs on this computer" : "Runs on " + target)
                .orElse(""));
        stepWhatHappens.setVisible(true);
        stepWhatHappens.setManaged(true);
        stepWhere.setVisible(step.target().isPresent());
        stepWhere.setManaged(stepWhere.isVisible());
        stepResult.setText(record.message());
        stepResult.setVisible(!record.message().isBlank());
        stepResult.setManaged(stepResult.isVisible());
        showUnknownHostKeys();
        approverRole.getItems().setAll(wizard.rolesOfCurrentGate());
        if (!approverRole.getItems().isEmpty() && approverRole.getValue() == null) {
            approverRole.setValue(approverRole.getItems().get(0));
        }
        runButton.setText(wizard.runLabel());
        boolean notes = wizard.wantsNote();
        note.setVisible(notes);
        note.setManaged(notes);
        noteLabel.setVisible(notes);
        noteLabel.setManaged(notes);
        focusWhenEnabled(
                switch (CardFocus.of(row)) {
                    case APPROVER_NAME -> wizard.takesSignedApprovals() ? approverKeyFile : approverName;
                    case NOTE -> note;
                    case CONFIRM -> confirmButton;
                    case RUN -> runButton;
                });
    }

    /** The focus request waiting for its control to be enabled; replaced when the next card is shown. */
    private Runnable cancelPendingFocus = () -> {};

    /**
     * A card is often shown while the step's run is still settling, with its buttons disabled; a disabled control
     * ignores requestFocus. So the request waits until the control is enabled (once), unless another card came first.
     */
    private void focusWhenEnabled(Node target) {
        cancelPendingFocus.run();
        if (!target.isDisabled()) {
            cancelPendingFocus = () -> {};
            Platform.runLater(target::requestFocus);
            return;
        }
        ChangeListener<Boolean> onEnabled = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> observable, Boolean was, Boolean disabled) {
                if (!disabled) {
                    target.disabledProperty().removeListener(this);
                    // later, not now: the same change makes the button visible, and an invisible node refuses the focus
                    Platform.runLater(target::requestFocus);
                }
            }
        };
        target.disabledProperty().addListener(onEnabled);
        cancelPendingFocus = () -> target.disabledProperty().removeListener(onEnabled);
    }

    /**
     * A host presented a key nobody has trusted yet: show it with how to check it, and one deliberate button per
     * host. A changed key never gets here: it is refused outright.
     */
    private void showUnknownHostKeys() {
        hostKeyBox.getChildren().clear();
        wizard.unknownHostKeysOfCurrentStep().forEach((host, key) -> {
            String fingerprint = key.substring(key.indexOf(' ') + 1);
            Label text = new Label(host + " presented an SSH host key nobody has trusted yet: " + key
                    + ". Compare it with the" + " server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on " + host
                    + ") before trusting it.");
            text.setWrapText(true);
            Button trust = new Button("Trust this key for " + host);
            trust.setAccessibleText("Trust the host key " + fingerprint + " for " + host);
            trust.setOnAction(event -> wizard.trustHostKey(host, fingerprint));
            trust.disableProperty().bind(wizard.busyProperty());
            hostKeyBox.getChildren().addAll(text, trust);
        });
        hostKeyBox.setVisible(!hostKeyBox.getChildren().isEmpty());
        hostKeyBox.setManaged(hostKeyBox.isVisible());
    }

    /**
     * Large, red, never pressed by accident: it acts only when held for two seconds, then a dialog names the system,
     * the plan and the decision matrix. Its tooltip shows the plan; once started, the rollback screen covers the steps.
     */
    private void installRollbackButton() {
        HoldToConfirmButton button = new HoldToConfirmButton(
                "Emergency rollback · hold 2 s or Space",
                Duration.seconds(2),
                () -> Platform.runLater(() -> {
                    Optional<String> afterClose = wizard.afterCloseWarning();
                    if (afterClose.isPresent()) {
                        RollbackDialog.confirmAfterClose(wizard.rollback(), afterClose.get())
                                .ifPresent(reason ->
                                        wizard.reopenForRollback(reason, new FxConfirmation(wizard.operator())));
                        return;
                    }
                    Optional<Step> running = wizard.runningStep();
                    if (RollbackDialog.confirm(wizard.rollback(), running)) {
                        // an emergency does not wait for a 10-minute watch or a hung command to end
                        running.ifPresent(step -> wizard.stopRunningStep());
                        wizard.startRollback(new FxConfirmation(wizard.operator()));
                    }
                }));
        button.setId("rollbackButton");
        Tooltip plan = new Tooltip();
        button.setTooltip(plan);
        Runnable refresh = () -> {
            plan.setText("Hold the button (or Space while it has the focus) for 2 seconds to start the rollback:\n"
                    + wizard.rollbackPlanText());
            button.setVisible(wizard.canRollBack());
            button.setManaged(button.isVisible());
        };
        wizard.stateProperty().addListener((observable, was, state) -> refresh.run());
        // usable while a step runs: that is when trouble shows (a watch, a migration); only a rollback under way
        // disables it
        button.disableProperty().bind(wizard.rollback().runningProperty());
        refresh.run();
        rollbackHolder.getChildren().setAll(button);
        Parent rollbackView = rollbackScreen.apply(wizard.rollback());
        rollbackOverlay.getChildren().add(rollbackView);
        // what is covered is out of the Tab order too
        sessionSplit.visibleProperty().bind(rollbackView.visibleProperty().not());
    }

    /** Nothing left to do: say so, offer to seal the journal, and clear what belonged to the last step. */
    private void showCompletion() {
        boolean complete = wizard.completeProperty().get();
        boolean closed = wizard.stateProperty().get().closed().isPresent();
        stepTitle.setText(!complete ? "" : closed ? "This session is closed" : "Every step is done");
        stepEyebrow.setText(!complete ? "" : closed ? "SESSION CLOSED" : "SESSION COMPLETE");
        kindChipHolder.getChildren().clear();
        stepStatus.setText("");
        stepDescription.setText(
                !complete
                        ? ""
                        : !closed
                                ? "Close the session to seal the journal with its closing checkpoint, and write the checkpoint into the change ticket."
                                : closedText());
        stepDescription.setVisible(complete);
        stepDescription.setManaged(complete);
        for (Node node : new Node[] {stepWhatHappens, stepText, stepWhere, stepResult, note, noteLabel}) {
            node.setVisible(false);
            node.setManaged(false);
        }
        boolean closable = complete && wizard.stateProperty().get().closed().isEmpty();
        finishButton.setVisible(closable);
        finishButton.setManaged(closable);
        if (closable) {
            Platform.runLater(finishButton::requestFocus);
        }
    }

    /** What a closed session's card says: its closing checkpoint, and how it could still be rolled back. */
    private String closedText() {
        String sealed = "Its journal is sealed with its closing checkpoint"
                + wizard.lastCheckpoint().map(hash -> " " + hash).orElse("") + "; nothing more runs in it.";
        return !wizard.canRollBack()
                ? sealed
                : sealed + " If the change must be undone after all, hold the emergency rollback: "
                        + "it says what that costs and reopens the session for the rollback only.";
    }

    @FXML
    private void finishSession() {
        wizard.finishSession();
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), this::primary);
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::approve);
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::skip);
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::markDone);
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        this::undo);
    }

    /** Ctrl+Enter does what the current step is waiting for: run it, or confirm it. */
    private void primary() {
        if (!confirmButton.isDisabled()) {
            confirm();
        } else if (!runButton.isDisabled()) {
            run();
        }
    }

    @FXML
    private void run() {
        wizard.runCurrent();
    }

    @FXML
    private void confirm() {
        wizard.confirmCurrent(takeNote());
    }

    @FXML
    private void approve() {
        if (approveButton.isDisabled()) {
            return;
        }
        if (wizard.takesSignedApprovals()) {
            char[] passphrase = approverPassphrase.getText().toCharArray();
            approverPassphrase.clear();
            wizard.approveWithKey(
                    Path.of(approverKeyFile.getText().strip()), passphrase, approverRole.getValue(), takeNote());
        } else {
            wizard.approveCurrent(approverName.getText(), approverRole.getValue(), takeNote());
            approverName.clear();
        }
    }

    /**
     * A session with a roster takes an approval signed with the approver's key (typed passphrase here, or their signed
     * answer from elsewhere); without one, a typed name, which the journal and the report show as unverified.
     */
    private void showApprovalKind() {
        boolean signed = wizard.takesSignedApprovals();
        approverLabel.setText(
                signed
                        ? "Approver's key (a roster person with the role, never the operator)"
                        : "Approver (not the operator): without a roster, an unverified approval");
        approverLabel.setLabelFor(signed ? approverKeyFile : approverName);
        for (Node node : List.of(approverKeyFile, chooseKeyButton, signedApprovalBox)) {
            node.setVisible(signed);
            node.setManaged(signed);
        }
        approverName.setVisible(!signed);
        approverName.setManaged(!signed);
        approveButton.setText(signed ? "Sign and record approval" : "Record approval");
    }

    @FXML
    private void chooseApproverKey() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("The approver's personal key");
        File file = chooser.showOpenDialog(approverKeyFile.getScene().getWindow());
        if (file != null) {
            approverKeyFile.setText(file.getAbsolutePath());
        }
    }

    @FXML
    private void requestApproval() {
        wizard.requestApproval();
    }

    @FXML
    private void loadApproval() {
        if (!signedApprovalInput.getText().isBlank()) {
            wizard.loadApproval(signedApprovalInput.getText().strip());
            signedApprovalInput.clear();
        }
    }

    @FXML
    private void undo() {
        if (!undoButton.isDisabled()) {
            wizard.undoCurrent();
        }
    }

    /** A failed step's way out: the red button in the header, focused, so holding Space starts the rollback. */
    @FXML
    private void rollBack() {
        rollbackHolder.getChildren().stream().findFirst().ifPresent(Node::requestFocus);
        wizard.hint("Hold the red Emergency rollback button for 2 seconds, or hold Space now: it has the focus.");
    }

    @FXML
    private void skip() {
        if (!skipButton.isDisabled()) {
            wizard.skipCurrent(takeNote());
        }
    }

    @FXML
    private void markDone() {
        if (!markDoneButton.isDisabled()) {
            wizard.markCurrentDone(takeNote());
        }
    }

    private String takeNote() {
        String text = note.getText();
        note.clear();
        return text;
    }
}
