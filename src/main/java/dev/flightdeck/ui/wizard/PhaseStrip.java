package dev.flightdeck.ui.wizard;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * One thin bar per phase, as wide as the phase has steps, filled as far as it has come: the whole window at a
 * glance — which phases are behind, which one is running, where something needs attention.
 */
final class PhaseStrip {

    private static final List<String> STATES = List.of("phase-done", "phase-current", "phase-troubled");

    private PhaseStrip() {}

    static void bind(HBox strip, ObservableList<PhaseProgress> phases) {
        strip.getStyleClass().add("phase-strip");
        phases.addListener((ListChangeListener<PhaseProgress>) change -> show(strip, phases));
        show(strip, phases);
    }

    private static void show(HBox strip, List<PhaseProgress> phases) {
        if (strip.getChildren().size() != phases.size()) {
            int total = phases.stream().mapToInt(PhaseProgress::steps).sum();
            double gaps = strip.getSpacing() * Math.max(0, phases.size() - 1);
            strip.getChildren()
                    .setAll(phases.stream()
                            .map(phase -> segment(strip, gaps, (double) phase.steps() / Math.max(1, total)))
                            .toList());
        }
        for (int i = 0; i < phases.size(); i++) {
            PhaseProgress phase = phases.get(i);
            ProgressBar bar = (ProgressBar) strip.getChildren().get(i);
            bar.setProgress(phase.fraction());
            bar.getStyleClass().removeAll(STATES);
            bar.getStyleClass()
                    .add(
                            phase.troubled()
                                    ? "phase-troubled"
                                    : phase.done() ? "phase-done" : phase.current() ? "phase-current" : "phase-ahead");
            bar.setAccessibleText(phase.describe());
            ((Tooltip) bar.getProperties().get(Tooltip.class)).setText(phase.describe());
        }
    }

    /** A bar whose width is its phase's share of all steps (HBox would share extra room equally, not by size). */
    private static ProgressBar segment(HBox strip, double gaps, double share) {
        ProgressBar bar = new ProgressBar(0);
        bar.getStyleClass().add("phase-segment");
        bar.setMinWidth(4);
        bar.prefWidthProperty().bind(strip.widthProperty().subtract(gaps).multiply(share));
        Tooltip tooltip = new Tooltip();
        Tooltip.install(bar, tooltip);
        bar.getProperties().put(Tooltip.class, tooltip);
        return bar;
    }
}
