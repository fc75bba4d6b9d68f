package dev.flightdeck.db.integrity;

/** One way a table differs between two captures. */
public record TableDifference(String table, Kind kind, String before, String after) {

    public enum Kind {
        ROW_COUNT("row count"),
        CONTENT("content hash"),
        TABLE_MISSING("table missing"),
        TABLE_ADDED("new table");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** A table a migration adds is worth showing but does not mean data was lost or changed. */
        public boolean failsComparison() {
            return this != TABLE_ADDED;
        }
    }
}
