package dev.flightdeck.ui.wizard;

import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The status bar's left side: every SSH host with a dot for its connection (connected, not yet, closed, lost). */
final class ConnectionBar {

    private ConnectionBar() {}

    static void bind(HBox bar, ObservableList<WizardViewModel.HostConnection> connections) {
        connections.addListener((ListChangeListener<WizardViewModel.HostConnection>) change -> show(bar, connections));
        show(bar, connections);
    }

    private static void show(HBox bar, ObservableList<WizardViewModel.HostConnection> connections) {
        if (connections.isEmpty()) {
            bar.getChildren().setAll(new Label("No SSH hosts in this session"));
            return;
        }
        bar.getChildren().setAll(connections.stream().map(ConnectionBar::label).toList());
    }

    private static Label label(WizardViewModel.HostConnection connection) {
        Label label = new Label("● " + connection.host());
        label.getStyleClass()
                .addAll(
                        "connection-state",
                        "connection-" + connection.state().split(" ")[0].toLowerCase(Locale.ROOT));
        label.setTooltip(new Tooltip(connection.host() + ": " + connection.state()));
        label.setAccessibleText(connection.host() + ": " + connection.state());
        return label;
    }
}
