package dev.flightdeck.ui;

/** Every view of the console; all FXML lives in the top-level {@code fxml/} folder. */
public enum FxmlFile {
    MAIN_WINDOW("main_window.fxml"),
    RUNBOOK_LIBRARY("runbook_library.fxml"),
    RUNBOOK_NAVIGATOR("runbook_navigator.fxml"),
    STEP_DETAIL("step_detail.fxml"),
    WIZARD("wizard.fxml"),
    ROLLBACK("rollback.fxml"),
    SESSION_SETUP("session_setup.fxml"),
    METRICS_PANEL("metrics_panel.fxml");

    private final String fileName;

    FxmlFile(String fileName) {
        this.fileName = fileName;
    }

    public String resourcePath() {
        return "/fxml/" + fileName;
    }
}
