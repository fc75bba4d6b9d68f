package dev.flightdeck.db.connect;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.plugin.AuthenticationPlugin;
import org.postgresql.plugin.AuthenticationRequestType;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/**
 * Hands the driver a password as a {@code char[]} at the moment the server asks for one (the driver wipes it
 * after use), so neither HikariCP nor the driver's properties ever hold it as a String. The driver builds
 * this class by name with the connection properties; {@link #PROPERTY} says which registered source to ask.
 */
public final class PasswordPlugin implements AuthenticationPlugin {

    /** Connection property naming the registered {@link PasswordSource}. */
    public static final String PROPERTY = "flightdeckPasswordSource";

    private static final Map<String, Registration> SOURCES = new ConcurrentHashMap<>();

    private final Properties info;

    /** Called by the PostgreSQL driver. */
    public PasswordPlugin(Properties info) {
        this.info = info;
    }

    /** Registers a source for a target; returns the key to put in {@link #PROPERTY}. Unregister when the pool closes. */
    public static String register(ConnectionTarget target, PasswordSource source) {
        String key = UUID.randomUUID().toString();
        SOURCES.put(key, new Registration(target, source));
        return key;
    }

    public static void unregister(String key) {
        SOURCES.remove(key);
    }

    @Override
    public char[] getPassword(AuthenticationRequestType type) throws PSQLException {
        Registration registration = SOURCES.get(info.getProperty(PROPERTY, ""));
        if (registration == null) {
            throw new PSQLException("no password source registered for this connection", PSQLState.INVALID_PASSWORD);
        }
        Optional<char[]> password = registration.source().passwordFor(registration.target());
        return password.orElseThrow(() -> new PSQLException(
                "the server asks for a password for user "
                        + registration.target().user() + " but none was given (prompt cancelled, no ~/.pgpass line)",
                PSQLState.INVALID_PASSWORD));
    }

    private record Registration(ConnectionTarget target, PasswordSource source) {}
}
