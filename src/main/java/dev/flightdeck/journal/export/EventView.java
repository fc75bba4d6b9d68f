package dev.flightdeck.journal.export;

import java.util.List;

/**
 * How one journal event reads to a reviewer: a category (for styling and grouping), a one-line title, optional
 * preformatted text (command, output), and labelled fields. Built by {@link EventViews}.
 */
public record EventView(String category, String title, String text, List<Field> fields) {

    public record Field(String label, String value) {
    }

    public boolean hasText() {
        return text != null && !text.isEmpty();
    }
}
