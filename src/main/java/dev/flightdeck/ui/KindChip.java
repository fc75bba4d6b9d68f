package dev.flightdeck.ui;

import dev.flightdeck.runbook.StepKind;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

/** A small coloured label naming a step's kind, styled per kind in flightdeck.css ({@code .kind-chip.kind-run}). */
public final class KindChip {

    private KindChip() {}

    public static Label of(StepKind kind) {
        Label chip = new Label(kind.label());
        chip.getStyleClass().addAll("kind-chip", "kind-" + kind.key());
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }
}
