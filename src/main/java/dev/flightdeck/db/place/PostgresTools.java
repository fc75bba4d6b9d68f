package dev.flightdeck.db.place;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;

/** Finds {@code pg_dump}, {@code pg_restore} and {@code psql} on a command place, or says which package to install. */
public final class PostgresTools {

    public static final String PACKAGE_HINT =
            "install the PostgreSQL client tools there (Debian/Ubuntu: apt-get install postgresql-client; "
                    + "RHEL: dnf install postgresql), the same major version as the server or newer";

    private PostgresTools() {}

    /** The executable path of the tool, or a {@link DatabaseErrorCode#TOOL_MISSING} error that names the package. */
    public static String require(CommandPlace place, String tool) {
        return place.locate(tool)
                .orElseThrow(() -> new DatabaseException(
                        DatabaseErrorCode.TOOL_MISSING,
                        tool + " is not installed on " + place.describe() + ": " + PACKAGE_HINT));
    }
}
