package dev.flightdeck.db.admin;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.place.CommandPlace;
import java.util.Locale;

/** Free-space checks before Flightdeck writes a copy of a database somewhere. */
public final class DiskSpace {

    /** A copy needs its size plus a tenth for WAL and growth during the window, and never less than 64 MB spare. */
    public static long neededFor(long databaseBytes) {
        return databaseBytes + Math.max(databaseBytes / 10, 64L << 20);
    }

    private DiskSpace() {}

    public static void require(CommandPlace place, String path, long neededBytes, String purpose) {
        long free = place.freeBytes(path);
        if (free < neededBytes) {
            throw new DatabaseException(
                    DatabaseErrorCode.NOT_ENOUGH_DISK,
                    purpose + " needs about " + human(neededBytes) + " free at " + path + " on " + place.describe()
                            + ", but only " + human(free) + " is free");
        }
    }

    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
