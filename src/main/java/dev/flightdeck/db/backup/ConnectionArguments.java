package dev.flightdeck.db.backup;

import dev.flightdeck.db.connect.ConnectionTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * How pg_dump, pg_restore and psql are told where to connect: one libpq connection string as a single argument
 * (every value quoted with libpq's rules, so a database called {@code a=b} or {@code x y} is still one name),
 * and {@code --no-password} so a tool never sits waiting at a prompt nobody can see.
 */
final class ConnectionArguments {

    private ConnectionArguments() {}

    static List<String> forDatabase(ConnectionTarget target, String database) {
        List<String> conninfo = new ArrayList<>();
        conninfo.add("host=" + quote(target.host()));
        conninfo.add("port=" + target.port());
        conninfo.add("user=" + quote(target.user()));
        conninfo.add("dbname=" + quote(database));
        conninfo.add("sslmode=" + target.sslMode().written());
        target.rootCertificate().ifPresent(path -> conninfo.add("sslrootcert=" + quote(path)));
        conninfo.add("application_name=flightdeck");
        return List.of("--dbname=" + String.join(" ", conninfo), "--no-password");
    }

    /** libpq conninfo quoting: plain words stay bare, anything else in single quotes with \\ and \' escaped. */
    static String quote(String value) {
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_.:/-]+")) {
            return value;
        }
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
