package dev.flightdeck.db.connect;

import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.inventory.LibpqEnvironment;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Passwords from a {@code .pgpass} file, with libpq's rules: lines {@code hostname:port:database:username:password},
 * {@code *} matches anything, {@code \:} and {@code \\} escape, the first matching line wins, {@code #} starts a
 * comment. Like libpq, a file that group or others can read is not used; unlike libpq (which only warns)
 * Flightdeck stops with a message saying how to fix it, so a window does not fail later on a puzzling
 * authentication error. The file is parsed as characters so the password never becomes a String.
 */
public final class PgPassFile implements PasswordSource {

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;

    public PgPassFile(Path file) {
        this.file = file;
    }

    /** {@code $PGPASSFILE} when set, else {@code $HOME/.pgpass} (not the JVM's user.home), as libpq looks for it. */
    public static PgPassFile standardLocation(Map<String, String> environment) {
        return new PgPassFile(LibpqEnvironment.of(environment).passwordFile());
    }

    @Override
    public Optional<char[]> passwordFor(ConnectionTarget target) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        requireOwnerOnly();
        char[] content = readCharacters();
        try {
            String[] wanted = {target.host(), Integer.toString(target.port()), target.database(), target.user()};
            return new PgPassParser(content).firstMatch(wanted);
        } finally {
            Arrays.fill(content, '\0');
        }
    }

    private void requireOwnerOnly() {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new DatabaseException(
                        DatabaseErrorCode.PGPASS_INSECURE,
                        "password file " + file
                                + " has group or world access, so it is not used (libpq rule); fix it with: chmod 0600 "
                                + file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // libpq skips the check on systems without POSIX permissions too
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private char[] readCharacters() {
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
            char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return result;
        } catch (IOException e) {
            throw unreadable(e);
        } finally {
            if (bytes != null) {
                Arrays.fill(bytes, (byte) 0);
            }
        }
    }

    private DatabaseException unreadable(IOException e) {
        return new DatabaseException(
                DatabaseErrorCode.PASSWORD_UNAVAILABLE, "cannot read password file " + file + ": " + e.getMessage(), e);
    }
}
