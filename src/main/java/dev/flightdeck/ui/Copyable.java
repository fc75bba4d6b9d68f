package dev.flightdeck.ui;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * A message the operator may need to paste into a ticket or a chat: its label gets "Copy message" in a context menu
 * (right click), and Ctrl+C when it has the focus. It stays out of the Tab order, which belongs to the controls.
 */
public final class Copyable {

    private Copyable() {}

    public static void install(Labeled message) {
        MenuItem copy = new MenuItem("Copy message");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(event -> copy(message.getText()));
        message.setContextMenu(new ContextMenu(copy));
        message.setOnKeyPressed(event -> {
            if (copy.getAccelerator().match(event)) {
                copy(message.getText());
                event.consume();
            }
        });
        message.getStyleClass().add("copyable");
    }

    static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text == null ? "" : text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
