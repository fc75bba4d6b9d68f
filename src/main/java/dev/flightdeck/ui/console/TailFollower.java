package dev.flightdeck.ui.console;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Follow-the-tail as terminals do it: new lines scroll into view while following; the operator scrolling up
 * turns following off, and scrolling back to the bottom turns it on again. Only the operator's own input is
 * judged, never the scrolling the console does itself, so streaming output cannot switch following off.
 */
final class TailFollower {

    private final ListView<ConsoleLine> list;
    private final BooleanProperty follow;
    private final Runnable revealTailAfterLayout = this::revealTailAfterLayout;
    private boolean tailPending;

    TailFollower(ListView<ConsoleLine> list, BooleanProperty follow) {
        this.list = list;
        this.follow = follow;
        list.addEventFilter(ScrollEvent.SCROLL, this::onScroll);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.addEventFilter(MouseEvent.MOUSE_DRAGGED, event -> judgeLater());
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> judgeLater());
        list.sceneProperty().addListener((observable, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(revealTailAfterLayout);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(revealTailAfterLayout);
            }
        });
        follow.addListener((observable, was, following) -> {
            if (following) {
                showTail();
            }
        });
    }

    /** Called after lines were added: keeps the newest line in view while following. */
    void linesAdded() {
        if (follow.get()) {
            showTail();
        }
    }

    private void showTail() {
        int size = list.getItems().size();
        if (size > 0) {
            list.scrollTo(size - 1);
            tailPending = true;
        }
    }

    /**
     * {@code ListView.scrollTo} puts a row at the top of the view and can leave the last row just below the edge;
     * once layout knows the final row count, scroll the least distance that shows the last row in full.
     */
    private void revealTailAfterLayout() {
        int size = list.getItems().size();
        if (tailPending && size > 0 && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollTo(size - 1);
        }
        tailPending = false;
    }

    private void onScroll(ScrollEvent event) {
        if (event.getDeltaY() > 0) {
            follow.set(false);
        } else {
            judgeLater();
        }
    }

    private void onKey(KeyEvent event) {
        switch (event.getCode()) {
            case UP, PAGE_UP, HOME, KP_UP -> follow.set(false);
            case END -> Platform.runLater(() -> follow.set(true));
            case DOWN, PAGE_DOWN, KP_DOWN -> judgeLater();
            default -> {
            }
        }
    }

    /** The list moves only after the event is handled, so look at its position afterwards. */
    private void judgeLater() {
        Platform.runLater(() -> follow.set(atBottom()));
    }

    boolean atBottom() {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= list.getItems().size() - 1;
    }
}
