package dev.flightdeck.ui.rehearsal;

import atlantafx.base.controls.ToggleSwitch;
import dev.flightdeck.sandbox.RunningSandbox;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The band across the top of a rehearsal's window, so nobody mistakes it for the real night: it says this is the
 * sandbox on this computer, and holds the fault switch (v2 answers 5 % errors at three times the latency while it
 * is on), which may be flipped at any moment of the rehearsal.
 */
public final class RehearsalBanner {

    private RehearsalBanner() {}

    /** The screen below the banner; {@code end} ends the rehearsal (asks first while its session is open). */
    public static Parent around(Parent screen, RunningSandbox sandbox, Runnable end) {
        BorderPane framed = new BorderPane(screen);
        framed.setTop(banner(sandbox, end));
        return framed;
    }

    private static Node banner(RunningSandbox sandbox, Runnable end) {
        Label title = new Label("REHEARSAL");
        title.getStyleClass().add("rehearsal-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label("Clinic sandbox on this computer: nothing real is touched.");
        what.setTooltip(new Tooltip("Hosts app1, app2 and db1 on 127.0.0.1; inventory: " + sandbox.inventoryFile()));
        what.getStyleClass().add("rehearsal-text");
        what.setMinWidth(0);
        HBox.setHgrow(what, Priority.ALWAYS);
        ToggleSwitch fault = new ToggleSwitch("Fault: v2 answers 5 % errors, 3× slower");
        fault.setSelected(sandbox.fault());
        fault.setAccessibleText("Fault switch of the rehearsal sandbox");
        fault.getStyleClass().add("rehearsal-fault");
        fault.setMinWidth(Region.USE_PREF_SIZE);
        fault.selectedProperty().addListener((observable, was, on) -> sandbox.fault(on));
        Button endButton = new Button("End rehearsal…");
        endButton.setId("endRehearsalButton");
        endButton.setTooltip(new Tooltip("Close this window and stop the sandbox (Ctrl+W)"));
        endButton.setAccessibleText("End the rehearsal: close this window and stop the sandbox (Ctrl+W)");
        endButton.setMinWidth(Region.USE_PREF_SIZE);
        endButton.setFocusTraversable(false);
        endButton.setOnAction(event -> end.run());
        HBox band = new HBox(14, title, what, fault, endButton);
        band.setAlignment(Pos.CENTER_LEFT);
        band.getStyleClass().add("rehearsal-banner");
        band.setAccessibleText("Rehearsal against the sandbox on this computer");
        return band;
    }
}
