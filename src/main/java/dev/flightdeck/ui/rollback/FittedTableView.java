package dev.flightdeck.ui.rollback;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * A table as tall as its rows, so a short list (a rollback plan, its verification) is read whole without a scroll
 * bar: after each layout it measures the header and its rows and asks for exactly that height. Rows may wrap, so
 * their heights are measured, never assumed; while not all rows have been laid out yet it asks for more room first.
 */
public class FittedTableView<T> extends TableView<T> {

    private static final double FIRST_GUESS_PER_ROW = 34;

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double wanted = contentHeight();
        if (Math.abs(wanted - getPrefHeight()) > 1) {
            setPrefHeight(wanted);
            setMinHeight(wanted);
            if (getParent() != null) {
                getParent().requestLayout();
            }
        }
    }

    private double contentHeight() {
        Node header = lookup(".column-header-background");
        double frame = snappedTopInset()
                + snappedBottomInset()
                + (header == null ? 0 : header.getLayoutBounds().getHeight());
        if (getItems().isEmpty()) {
            // the placeholder's text, in two lines
            return frame + 2 * FIRST_GUESS_PER_ROW;
        }
        Map<Integer, Double> heights = new HashMap<>();
        for (Node node : lookupAll(".table-row-cell")) {
            if (node instanceof TableRow<?> row
                    && node.isVisible()
                    && !row.isEmpty()
                    && row.getIndex() >= 0
                    && row.getIndex() < getItems().size()) {
                heights.put(row.getIndex(), row.getHeight());
            }
        }
        double rows = heights.values().stream().mapToDouble(Double::doubleValue).sum();
        int seen = heights.size();
        if (seen < getItems().size()) {
            return frame + rows + (getItems().size() - seen) * FIRST_GUESS_PER_ROW;
        }
        return Math.ceil(frame + rows + 2);
    }
}
