package dev.flightdeck.ui;

import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * Tab in a note moves to the next control, as in every other field, instead of typing a tab character nobody wants in
 * a journal note; Shift+Tab moves back. (TextArea's own behaviour moves only on Ctrl+Tab: that is what is sent on.)
 */
public final class TabLeaves {

    private TabLeaves() {}

    public static void install(TextArea... areas) {
        for (TextArea area : areas) {
            area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
                if (event.getCode() == KeyCode.TAB
                        && !event.isControlDown()
                        && !event.isAltDown()
                        && !event.isMetaDown()) {
                    event.consume();
                    area.fireEvent(new KeyEvent(
                            KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, event.isShiftDown(), true, false, false));
                }
            });
        }
    }
}
