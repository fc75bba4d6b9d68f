package dev.flightdeck.ui.wizard;

import atlantafx.base.theme.Styles;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Duration;

/**
 * A button that acts only when held down (mouse or Space/Enter) for the whole hold time, so it is never pressed by
 * accident. While held, its fill grows from left to right; releasing early does nothing.
 */
public final class HoldToConfirmButton extends Button {

    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress");
    private final Timeline hold;
    private final Runnable onConfirmed;

    public HoldToConfirmButton(String text, Duration holdTime, Runnable onConfirmed) {
        super(text);
        this.onConfirmed = onConfirmed;
        getStyleClass().addAll(Styles.DANGER, "hold-to-confirm");
        setAccessibleText(text + ": hold for " + (int) holdTime.toSeconds() + " seconds");
        hold = new Timeline(
                new KeyFrame(Duration.ZERO, new KeyValue(progress, 0)),
                new KeyFrame(holdTime, new KeyValue(progress, 1)));
        hold.setOnFinished(event -> confirmed());
        progress.addListener((observable, was, value) -> setStyle(fill(value.doubleValue())));
        addEventHandler(MouseEvent.MOUSE_PRESSED, event -> startHolding());
        addEventHandler(MouseEvent.MOUSE_RELEASED, event -> stopHolding());
        addEventHandler(MouseEvent.MOUSE_EXITED, event -> stopHolding());
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (isHoldKey(event)) {
                startHolding();
                event.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_RELEASED, event -> {
            if (isHoldKey(event)) {
                stopHolding();
                event.consume();
            }
        });
        // a plain click (or the default action) never confirms
        setOnAction(event -> {});
    }

    /**
     * Only a plain Space or Enter holds the button. Keys with modifiers pass through: Ctrl+Enter is the wizard's
     * "do the current step" shortcut and must work wherever the focus is, also here.
     */
    private static boolean isHoldKey(KeyEvent event) {
        boolean plain = !event.isShortcutDown() && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown();
        return plain && (event.getCode() == KeyCode.SPACE || event.getCode() == KeyCode.ENTER);
    }

    private void startHolding() {
        if (!isDisabled() && hold.getStatus() != Animation.Status.RUNNING) {
            hold.playFromStart();
        }
    }

    private void stopHolding() {
        if (hold.getStatus() == Animation.Status.RUNNING) {
            hold.stop();
            progress.set(0);
        }
    }

    private void confirmed() {
        progress.set(0);
        onConfirmed.run();
    }

    private static String fill(double share) {
        int percent = (int) Math.round(share * 100);
        return share <= 0
                ? ""
                : "-fx-background-color: linear-gradient(to right, -color-danger-emphasis " + percent
                        + "%, -color-danger-muted " + percent + "%);";
    }
}
