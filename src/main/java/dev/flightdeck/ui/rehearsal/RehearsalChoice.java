package dev.flightdeck.ui.rehearsal;

import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks which rehearsal to practise: the upgrade as it should go, or with the fault that ends in the rollback. */
public final class RehearsalChoice {

    /** What the operator chose: the fault switch's position when the sandbox starts. */
    public enum Scenario {
        HEALTHY,
        FAULTY
    }

    private RehearsalChoice() {}

    public static Optional<Scenario> ask(Window owner) {
        ButtonType healthy = new ButtonType("Healthy upgrade", ButtonBar.ButtonData.OK_DONE);
        ButtonType faulty = new ButtonType("Upgrade with a fault", ButtonBar.ButtonData.OTHER);
        Alert dialog = new Alert(Alert.AlertType.NONE, """
                Flightdeck starts a small clinic on this computer: a PostgreSQL database with synthetic patients, the \
                clinic app on two app servers and a database server, all reached over SSH on 127.0.0.1. You then run the \
                rehearsal runbook against it, exactly as on the real night: preflight, backup and snapshot, approval, \
                migration, canary rollout, watch, verification.

                With the fault, the new version answers 5 % errors at three times the latency: the error-rate trigger \
                fires during the watch and you practise the emergency rollback. The fault switch stays in the window's \
                banner, so you can also flip it at any moment. Everything is stopped and deleted when the window closes.""", healthy, faulty, ButtonType.CANCEL);
        dialog.initOwner(owner);
        dialog.setTitle("Rehearse a maintenance window");
        dialog.setHeaderText("Practise the whole window before the real night");
        dialog.getDialogPane().setPrefWidth(620);
        return dialog.showAndWait()
                .flatMap(answer -> answer == healthy
                        ? Optional.of(Scenario.HEALTHY)
                        : answer == faulty ? Optional.of(Scenario.FAULTY) : Optional.empty());
    }
}
