package dev.flightdeck.db.connect;

import dev.flightdeck.inventory.DatabaseEntry;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import java.util.Optional;

/**
 * Where one database lives and who connects to it. Holds no secret.
 *
 * @param name the inventory name ({@code healthcare}); the database itself is {@link #database()}
 */
public record ConnectionTarget(
        String name,
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        Optional<String> rootCertificate) {

    public static ConnectionTarget of(DatabaseEntry entry) {
        return new ConnectionTarget(
                entry.name(),
                entry.host(),
                entry.port(),
                entry.database(),
                entry.user(),
                entry.sslMode(),
                entry.rootCertificate());
    }

    /** The same server and user, another database (the maintenance database for CREATE/ALTER DATABASE). */
    public ConnectionTarget withDatabase(String otherDatabase) {
        return new ConnectionTarget(
                name + "@" + otherDatabase, host, port, otherDatabase, user, sslMode, rootCertificate);
    }

    /** {@code host:port} as operators write it. */
    public String address() {
        return host + ":" + port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostForUrl() + ":" + port + "/" + database;
    }

    private String hostForUrl() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
