package dev.flightdeck.ui.output.bench;

import javafx.scene.control.IndexedCell;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;

/** Whether a list view has laid out and shows its last row (not merely holds it): what "visible" means here. */
final class ListTail {

    private ListTail() {}

    static boolean showsLastRow(ListView<?> list) {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return false;
        }
        int lastIndex = list.getItems().size() - 1;
        IndexedCell<?> cell = lastIndex < 0 ? null : flow.getVisibleCell(lastIndex);
        return cell != null && cell.isVisible() && cell.getIndex() == lastIndex;
    }
}
