package dev.flightdeck.ui.detail;

import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Building blocks of the detail pane, so every kind of item is laid out alike. */
final class DetailSections {

    private DetailSections() {}

    static Label eyebrow(String text) {
        Label label = new Label(text.toUpperCase(Locale.ROOT));
        label.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "eyebrow");
        return label;
    }

    static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_2);
        label.setWrapText(true);
        return label;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        label.setWrapText(true);
        return label;
    }

    static Label paragraph(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("paragraph");
        return label;
    }

    static Label sectionHeading(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TITLE_4, "section-heading");
        return label;
    }

    /** Exact command or SQL, selectable for copying, never wrapped silently. */
    static TextArea code(String text, String accessibleName) {
        TextArea area = new TextArea(text.strip());
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-block");
        area.setPrefRowCount(Math.min(12, Math.max(1, (int) text.strip().lines().count())));
        area.setAccessibleText(accessibleName);
        return area;
    }

    /** A two-column grid of name and value, skipping empty values. */
    static final class Properties {
        private final GridPane grid = new GridPane();
        private int rows;

        Properties() {
            grid.getStyleClass().add("property-grid");
            ColumnConstraints names = new ColumnConstraints();
            names.setMinWidth(120);
            ColumnConstraints values = new ColumnConstraints();
            values.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().addAll(names, values);
        }

        Properties add(String name, String value) {
            if (value == null || value.isBlank()) {
                return this;
            }
            Label nameLabel = new Label(name);
            nameLabel.getStyleClass().add(Styles.TEXT_MUTED);
            Label valueLabel = new Label(value);
            valueLabel.setWrapText(true);
            nameLabel.setLabelFor(valueLabel);
            grid.addRow(rows++, nameLabel, valueLabel);
            return this;
        }

        Node node() {
            return rows == 0 ? new VBox() : grid;
        }
    }
}
