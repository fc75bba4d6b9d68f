package dev.flightdeck.ui.metrics;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The banner over the instruments when a trigger fires: the trigger, the evidence's summary, and while the rollback
 * is armed the countdown with its "Cancel countdown…" button. A plain alarm can be acknowledged (hidden); a running
 * countdown cannot.
 */
final class AlarmBanner extends VBox {

    private static final PseudoClass ARMED = PseudoClass.getPseudoClass("armed");

    private final MetricsPanelViewModel panel;
    private final Label title = new Label();
    private final Label evidence = new Label();
    private final Label countdown = new Label();
    private final Label note = new Label();
    private final Button cancel = new Button("Cancel countdown…");
    private final Button acknowledge = new Button("Acknowledge");
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.millis(200), event -> showCountdown()));

    AlarmBanner(MetricsPanelViewModel panel) {
        this.panel = panel;
        setId("alarmBanner");
        getStyleClass().add("alarm-banner");
        setAccessibleRole(AccessibleRole.TEXT);
        title.getStyleClass().add("alarm-title");
        title.setWrapText(true);
        evidence.getStyleClass().add("alarm-evidence");
        evidence.setWrapText(true);
        countdown.setId("alarmCountdown");
        countdown.getStyleClass().add("alarm-countdown");
        note.setWrapText(true);
        // wrapped labels in a VBox keep their full height only with a minimum at their preferred size
        for (Label label : new Label[] {title, evidence, note}) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        cancel.setId("cancelCountdownButton");
        cancel.getStyleClass().add("danger");
        cancel.setAccessibleText("Cancel the rollback countdown, with a reason");
        cancel.setOnAction(event -> new CancelCountdownDialog(
                        panel, getScene() == null ? null : getScene().getWindow())
                .ask());
        acknowledge.setOnAction(event -> panel.acknowledge());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, countdown, spacer, cancel, acknowledge);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, evidence, note, actions);
        ticker.setCycleCount(Timeline.INDEFINITE);
        panel.bannerProperty().addListener((observable, was, banner) -> show(banner));
        show(panel.bannerProperty().get());
    }

    private void show(Banner banner) {
        setVisible(banner.visible());
        setManaged(banner.visible());
        boolean counting = banner.kind() == Banner.Kind.COUNTDOWN;
        pseudoClassStateChanged(ARMED, counting || banner.kind() == Banner.Kind.ROLLBACK_REQUESTED);
        title.setText(banner.title());
        evidence.setText(banner.evidenceSummary());
        note.setText(banner.note());
        note.setVisible(!banner.note().isEmpty());
        note.setManaged(note.isVisible());
        cancel.setVisible(counting);
        cancel.setManaged(counting);
        countdown.setVisible(counting);
        acknowledge.setVisible(banner.kind() == Banner.Kind.ALARM || banner.kind() == Banner.Kind.CANCELLED);
        acknowledge.setManaged(acknowledge.isVisible());
        if (counting) {
            showCountdown();
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    private void showCountdown() {
        countdown.setText("Rollback in " + panel.countdownText());
    }
}
