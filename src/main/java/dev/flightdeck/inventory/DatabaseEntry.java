package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Position;
import java.util.Optional;

/**
 * A PostgreSQL database. The password never sits in the inventory: it comes from a prompt or from
 * {@code ~/.pgpass} (libpq rules).
 *
 * @param sshHost the inventory host the database runs on, where dump and restore tools are run
 * @param metrics whether the instruments read this database's connections, transactions, locks, lag and size
 */
public record DatabaseEntry(
        String name,
        String host,
        int port,
        String database,
        String user,
        SslMode sslMode,
        Optional<String> rootCertificate,
        Optional<String> sshHost,
        Position position,
        MetricsSettings metrics) {

    /** A database read by the instruments with the default settings. */
    public DatabaseEntry(
            String name,
            String host,
            int port,
            String database,
            String user,
            SslMode sslMode,
            Optional<String> rootCertificate,
            Optional<String> sshHost,
            Position position) {
        this(name, host, port, database, user, sslMode, rootCertificate, sshHost, position, MetricsSettings.ON);
    }

    /** libpq's sslmode values, in increasing strictness. */
    public enum SslMode {
        DISABLE("disable"),
        ALLOW("allow"),
        PREFER("prefer"),
        REQUIRE("require"),
        VERIFY_CA("verify-ca"),
        VERIFY_FULL("verify-full");

        private final String written;

        SslMode(String written) {
            this.written = written;
        }

        public String written() {
            return written;
        }

        public static Optional<SslMode> of(String text) {
            for (SslMode mode : values()) {
                if (mode.written.equals(text)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }
    }
}
