package dev.flightdeck.ui.wizard;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.StepStatus;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step in the wizard's list, with its title as bound in this session, its live status and how long it took. */
public final class StepRow {

    private final String number;
    private final String phaseTitle;
    private final Step step;
    private final ObjectProperty<StepStatus> status = new SimpleObjectProperty<>(this, "status", StepStatus.PENDING);
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final StringProperty title;

    public StepRow(String number, String phaseTitle, Step step) {
        this.number = number;
        this.phaseTitle = phaseTitle;
        this.step = step;
        this.title = new SimpleStringProperty(this, "title", step.displayTitle());
    }

    /** The title with this session's values bound where they exist ({@code ${checkout}} shown as the folder). */
    public StringProperty titleProperty() {
        return title;
    }

    public String number() {
        return number;
    }

    public String phaseTitle() {
        return phaseTitle;
    }

    public Step step() {
        return step;
    }

    public ObjectProperty<StepStatus> statusProperty() {
        return status;
    }

    public StringProperty durationProperty() {
        return duration;
    }
}
