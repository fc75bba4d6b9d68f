package dev.flightdeck.ui.main;

import dev.flightdeck.ui.library.RunbookLibraryViewModel;
import dev.flightdeck.ui.navigator.NavigatorItem;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The console's shared state: the library and what is selected in the navigator. */
public final class ConsoleViewModel {

    private final RunbookLibraryViewModel library;
    private final ObjectProperty<NavigatorItem> selectedItem = new SimpleObjectProperty<>(this, "selectedItem");

    public ConsoleViewModel(RunbookLibraryViewModel library) {
        this.library = library;
    }

    public RunbookLibraryViewModel library() {
        return library;
    }

    public ObjectProperty<NavigatorItem> selectedItemProperty() {
        return selectedItem;
    }
}
