package dev.flightdeck.db.connect;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.db.error.ServerError;
import dev.flightdeck.text.Durations;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.Optional;
import javax.net.ssl.SSLHandshakeException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns JDBC, driver and pool failures into {@link DatabaseException}s that say what happened in plain
 * words ("cannot reach db1:5432 within 10 s"), keeping the server's own message for SQL errors.
 */
public final class ErrorTranslator {

    private final ConnectionTarget target;
    private final PoolSettings settings;

    public ErrorTranslator(ConnectionTarget target, PoolSettings settings) {
        this.target = target;
        this.settings = settings;
    }

    /** Translates a failure of the given statement (null when the failure was in getting a connection). */
    public DatabaseException translate(SQLException failure, String statement) {
        // a password source's own failure (an insecure ~/.pgpass) reaches us wrapped by the driver: keep its code and
        // hint
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabaseException own) {
                return own;
            }
        }
        SQLException root = innermostSqlException(failure);
        String state = Optional.ofNullable(root.getSQLState()).orElse("");
        Optional<DatabaseException> network = networkFailure(root);
        if (network.isPresent()) {
            return network.get();
        }
        return switch (state) {
            case "28P01", "28000" ->
                new DatabaseException(
                        DatabaseErrorCode.AUTHENTICATION_FAILED,
                        "password authentication failed for user " + target.user() + " on " + target.address(),
                        root);
            case "3D000" ->
                new DatabaseException(
                        DatabaseErrorCode.DATABASE_MISSING,
                        "database " + target.database() + " does not exist on " + target.address(),
                        root);
            case "55000" ->
                root.getMessage() != null && root.getMessage().contains("not currently accepting connections")
                        ? new DatabaseException(
                                DatabaseErrorCode.CONNECTION_LOST,
                                "database " + target.database()
                                        + " is not accepting connections right now: a snapshot, swap or restore is in progress,"
                                        + " or it was set aside after a rollback",
                                root)
                        : sqlError(root, state, statement);
            case "57014" ->
                new DatabaseException(
                        DatabaseErrorCode.STATEMENT_TIMEOUT,
                        "the statement ran longer than the statement timeout of "
                                + Durations.format(settings.statementTimeout()) + " and was cancelled",
                        root);
            case "55P03" ->
                new DatabaseException(
                        DatabaseErrorCode.LOCK_TIMEOUT,
                        "gave up after waiting " + Durations.format(settings.lockTimeout())
                                + " for a lock another session holds; see the preflight's blocking locks",
                        root);
            case "57P01", "57P02", "57P03" ->
                new DatabaseException(
                        DatabaseErrorCode.CONNECTION_LOST,
                        target.address() + " closed the connection: the server is shutting down or restarting ("
                                + root.getMessage() + ")",
                        root);
            default -> sqlError(root, state, statement);
        };
    }

    private Optional<DatabaseException> networkFailure(SQLException root) {
        Throwable cause = root.getCause();
        String state = Optional.ofNullable(root.getSQLState()).orElse("");
        if (cause instanceof SocketTimeoutException && state.startsWith("08")) {
            boolean connecting = "08001".equals(state);
            String message = connecting
                    ? "cannot reach " + target.address() + " within " + Durations.format(settings.connectTimeout())
                    : "no answer from " + target.address() + " within the socket timeout of "
                            + Durations.format(settings.socketTimeout()) + "; the connection was dropped";
            return Optional.of(new DatabaseException(
                    connecting ? DatabaseErrorCode.UNREACHABLE : DatabaseErrorCode.NO_RESPONSE, message, root));
        }
        // said as it happened: a refusal comes back at once, it is not a wait that ran out
        if (cause instanceof NoRouteToHostException) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.UNREACHABLE,
                    "cannot reach " + target.address() + ": no route to the host (" + cause.getMessage() + ")",
                    root));
        }
        if (cause instanceof ConnectException) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.UNREACHABLE,
                    "cannot reach " + target.address() + ": the connection was refused (nothing listens on that port, "
                            + "or a firewall rejects it)",
                    root));
        }
        if (cause instanceof UnknownHostException) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.UNREACHABLE,
                    "cannot reach " + target.address() + ": the host name " + cause.getMessage() + " is not known",
                    root));
        }
        Optional<String> certificate = certificateProblem(root);
        if (certificate.isPresent()) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.CERTIFICATE_REJECTED,
                    "the server certificate of " + target.address()
                            + " was not accepted (sslmode " + target.sslMode().written() + ", root certificate "
                            + target.rootCertificate().orElse("the driver's default") + "): " + certificate.get(),
                    root));
        }
        if ("08001".equals(state) && String.valueOf(root.getMessage()).contains("timed out")) {
            // the driver's login timeout: the connection was never made, so nothing was lost
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.UNREACHABLE,
                    "cannot reach " + target.address() + " within " + Durations.format(settings.connectTimeout())
                            + ": the port accepted the connection but the server never answered (a hung server, or a"
                            + " firewall that drops the traffic)",
                    root));
        }
        if ("08001".equals(state)) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.UNREACHABLE,
                    "cannot reach " + target.address() + ": " + root.getMessage(),
                    root));
        }
        if (state.startsWith("08")) {
            return Optional.of(new DatabaseException(
                    DatabaseErrorCode.CONNECTION_LOST,
                    "lost the connection to " + target.address() + ": " + root.getMessage(),
                    root));
        }
        return Optional.empty();
    }

    /** A TLS verification failure (unknown CA, wrong host name, unreadable root certificate), in plain words. */
    private static Optional<String> certificateProblem(SQLException root) {
        for (Throwable cause = root; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof CertPathValidatorException || message.contains("PKIX path")) {
                return Optional.of(
                        "it is not signed by a trusted certificate authority (is the root certificate the right CA?)");
            }
            if (message.contains("could not be verified by hostnameverifier") || message.contains("hostname")) {
                return Optional.of("it is not issued for this host name (" + message + ")");
            }
            if (message.contains("SSL root certificate file") || message.contains("root certificate")) {
                return Optional.of("the root certificate cannot be read (" + message + ")");
            }
            if (cause instanceof CertificateException || cause instanceof SSLHandshakeException) {
                return Optional.of(message);
            }
        }
        return Optional.empty();
    }

    private DatabaseException sqlError(SQLException root, String state, String statement) {
        ServerErrorMessage server = root instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        if (server == null) {
            return new DatabaseException(DatabaseErrorCode.SQL_ERROR, root.getMessage(), root);
        }
        ServerError error = new ServerError(
                state,
                server.getMessage(),
                server.getPosition(),
                Optional.ofNullable(server.getDetail()),
                Optional.ofNullable(server.getHint()));
        StringBuilder message = new StringBuilder(server.getMessage())
                .append(" (SQLSTATE ")
                .append(state)
                .append(')');
        error.location(statement).ifPresent(where -> message.append(" at ").append(where));
        error.detail().ifPresent(detail -> message.append(". ").append(detail));
        error.hint().ifPresent(hint -> message.append(". Hint: ").append(hint));
        DatabaseErrorCode code =
                state.equals("42501") ? DatabaseErrorCode.PERMISSION_DENIED : DatabaseErrorCode.SQL_ERROR;
        return new DatabaseException(code, message.toString(), error, root);
    }

    /** Hikari wraps the driver's exception; the innermost SQLException carries the real SQLSTATE. */
    private static SQLException innermostSqlException(SQLException failure) {
        SQLException current = failure;
        while (current.getCause() instanceof SQLException inner) {
            current = inner;
        }
        if (current.getNextException() != null && current.getSQLState() == null) {
            return current.getNextException();
        }
        return current;
    }
}
