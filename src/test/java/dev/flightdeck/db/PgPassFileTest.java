package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.connect.ConnectionTarget;
import dev.flightdeck.db.connect.PgPassFile;
import dev.flightdeck.db.error.DatabaseErrorCode;
import dev.flightdeck.db.error.DatabaseException;
import dev.flightdeck.inventory.DatabaseEntry.SslMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgPassFileTest {

    private static final ConnectionTarget DB1 = new ConnectionTarget(
            "healthcare", "db1.clinic", 5432, "healthcare", "flightdeck", SslMode.VERIFY_FULL, Optional.empty());

    @TempDir
    Path home;

    @Test
    void firstMatchingLineWinsAndWildcardsMatchAnything() throws IOException {
        PgPassFile file = pgpass("""
                # staging first
                staging:5432:*:flightdeck:wrong
                db1.clinic:5432:other:flightdeck:wrong-db
                db1.clinic:*:healthcare:flightdeck:s3cret
                *:*:*:*:fallback
                """, "rw-------");

        assertThat(password(file, DB1)).isEqualTo("s3cret");
        assertThat(password(file, DB1.withDatabase("reports"))).isEqualTo("fallback");
    }

    @Test
    void escapedColonsAndBackslashesFollowLibpq() throws IOException {
        PgPassFile file = pgpass("db1.clinic:5432:healthcare:flightdeck:pa\\:ss\\\\word\r\n", "rw-------");

        assertThat(password(file, DB1)).isEqualTo("pa:ss\\word");
    }

    @Test
    void noMatchingLineAndNoFileGiveNoPassword() throws IOException {
        assertThat(pgpass("other:5432:*:*:x\n", "rw-------").passwordFor(DB1)).isEmpty();
        assertThat(new PgPassFile(home.resolve("absent")).passwordFor(DB1)).isEmpty();
    }

    @Test
    void fileOthersCanReadIsRefusedWithTheFix() throws IOException {
        PgPassFile file = pgpass("*:*:*:*:s3cret\n", "rw-r--r--");

        assertThatThrownBy(() -> file.passwordFor(DB1)).isInstanceOfSatisfying(DatabaseException.class, error -> {
            assertThat(error.code()).isEqualTo(DatabaseErrorCode.PGPASS_INSECURE);
            assertThat(error.getMessage()).contains("has group or world access").contains("chmod 0600");
        });
    }

    @Test
    void pgpassFileVariableOverridesTheHomeLocation() throws IOException {
        Path custom = home.resolve("custom.pgpass");
        Files.writeString(custom, "*:*:*:*:from-variable\n");
        Files.setPosixFilePermissions(custom, PosixFilePermissions.fromString("rw-------"));

        assertThat(password(PgPassFile.standardLocation(Map.of("PGPASSFILE", custom.toString())), DB1))
                .isEqualTo("from-variable");
    }

    private PgPassFile pgpass(String content, String permissions) throws IOException {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return new PgPassFile(file);
    }

    private static String password(PgPassFile file, ConnectionTarget target) {
        return new String(file.passwordFor(target).orElseThrow());
    }
}
