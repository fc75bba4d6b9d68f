package dev.flightdeck.ui.setup;

import dev.flightdeck.live.ConnectionCheck;
import java.util.Locale;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** One line of the connection test: a mark, the target and where it is, and what happened, in words. */
final class ConnectionRowView {

    private ConnectionRowView() {}

    static Node of(SessionSetupViewModel.ConnectionRow row, SessionSetupViewModel setup) {
        ConnectionCheck.Target target = row.target();
        Label mark = new Label();
        mark.getStyleClass().add("status-mark");
        Label name = new Label(target.name());
        name.getStyleClass().add("connection-name");
        Label kind = new Label(target.kind().name().toLowerCase(Locale.ROOT));
        kind.getStyleClass().addAll("status-chip", "text-muted");
        Label where = new Label(target.where());
        where.getStyleClass().add("text-muted");
        Label detail = new Label();
        detail.setWrapText(true);
        detail.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(detail, Priority.ALWAYS);
        HBox line = new HBox(10, mark, name, kind, where, detail);
        line.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(4, line);
        box.getStyleClass().add("connection-row");
        if (row.outcome().isEmpty()) {
            mark.setText("…");
            mark.getStyleClass().add("status-running");
            detail.setText("connecting");
        } else if (row.outcome().get() instanceof ConnectionCheck.Outcome.Reached reached) {
            mark.setText("✓");
            mark.getStyleClass().add("status-succeeded");
            detail.setText(reached.detail() + " (" + row.took().toMillis() + " ms)");
        } else if (row.outcome().get() instanceof ConnectionCheck.Outcome.Failed failed) {
            mark.setText("✗");
            mark.getStyleClass().add("status-failed");
            detail.setText(failed.problem());
        } else {
            ConnectionCheck.Outcome.HostKeyUnknown unknown =
                    (ConnectionCheck.Outcome.HostKeyUnknown) row.outcome().get();
            mark.setText("?");
            mark.getStyleClass().add("status-unknown");
            detail.setText(
                    "presented a host key nobody has trusted yet: " + unknown.keyType() + " " + unknown.fingerprint());
            box.getChildren().add(trustBlock(target, unknown, setup));
        }
        box.setAccessibleText(target.name() + ": " + mark.getText() + " " + detail.getText());
        return box;
    }

    private static Node trustBlock(
            ConnectionCheck.Target host, ConnectionCheck.Outcome.HostKeyUnknown unknown, SessionSetupViewModel setup) {
        Label advice = new Label(
                "Compare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on " + host.name()
                        + ", or ask its administrator) before trusting it. Trusting stores it in Flightdeck's known hosts.");
        advice.setWrapText(true);
        Button trust = new Button("Trust this key for " + host.name());
        trust.setAccessibleText("Trust the host key " + unknown.fingerprint() + " for " + host.name());
        trust.disableProperty().bind(setup.busyProperty());
        trust.setOnAction(event -> setup.trustHostKey(host, unknown.fingerprint()));
        VBox block = new VBox(6, advice, trust);
        block.getStyleClass().add("form-block");
        return block;
    }
}
