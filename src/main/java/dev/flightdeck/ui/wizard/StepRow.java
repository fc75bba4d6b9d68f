package dev.flightdeck.ui.wizard;

import dev.flightdeck.runbook.Step;
import dev.flightdeck.session.StepStatus;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
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
    private final IntegerProperty warnings = new SimpleIntegerProperty(this, "warnings", 0);
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

    /** Warnings a passed step reported ({@code StepRecord.warnings()}): it shows as passed with warnings, not a plain tick. */
    public IntegerProperty warningsProperty() {
        return warnings;
    }

    private boolean passedWithWarnings() {
        return status.get() == StepStatus.SUCCEEDED && warnings.get() > 0;
    }

    /** The status in words, for the card's chip: {@code succeeded}, {@code passed with 2 warnings}, {@code failed}. */
    public String statusText() {
        if (passedWithWarnings()) {
            return "passed with " + warnings.get() + (warnings.get() == 1 ? " warning" : " warnings");
        }
        return status.get().name().toLowerCase(Locale.ROOT);
    }

    /** The style class of the status mark and chip ({@code status-succeeded}, {@code status-warned}, ...). */
    public String statusStyle() {
        return passedWithWarnings()
                ? "status-warned"
                : "status-" + status.get().name().toLowerCase(Locale.ROOT);
    }

    /** The list's mark: ○ ▶ ● ✓ ⚠ ✗ – ?. */
    public String glyph() {
        if (passedWithWarnings()) {
            return "⚠";
        }
        return switch (status.get()) {
            case PENDING -> "○";
            case READY -> "▶";
            case RUNNING -> "●";
            case SUCCEEDED -> "✓";
            case FAILED -> "✗";
            case SKIPPED -> "–";
            case UNKNOWN -> "?";
        };
    }
}
