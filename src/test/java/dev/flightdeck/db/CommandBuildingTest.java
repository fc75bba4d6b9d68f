package dev.flightdeck.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.db.admin.DatabaseNames;
import dev.flightdeck.db.admin.Identifiers;
import dev.flightdeck.db.connect.SealedSecret;
import dev.flightdeck.db.error.ServerError;
import dev.flightdeck.db.place.LocalCommandPlace;
import dev.flightdeck.db.place.ShellQuoting;
import dev.flightdeck.db.place.ToolInvocation;
import dev.flightdeck.db.place.ToolResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandBuildingTest {

    @TempDir
    Path directory;

    @Test
    void shellCommandQuotesEveryWordThatIsNotPlainlySafe() {
        ToolInvocation dump = ToolInvocation.of(
                        List.of("pg_dump", "--file=/var/backups/it's here.dump", "$(rm -rf /)"), Duration.ofMinutes(1))
                .readingFrom("/tmp/in put");

        assertThat(dump.shellCommand())
                .isEqualTo("pg_dump '--file=/var/backups/it'\"'\"'s here.dump' '$(rm -rf /)' < '/tmp/in put'");
        assertThat(ShellQuoting.quote("")).isEqualTo("''");
    }

    @Test
    void quotedWordsReachTheProgramUnchangedThroughARealShell() {
        String hostile = "a'b \"c\" $HOME `id` ; rm -rf /";
        ToolResult echoed = new LocalCommandPlace(System.getenv())
                .run(ToolInvocation.of(
                        List.of("sh", "-c", "printf %s " + ShellQuoting.quote(hostile)), Duration.ofSeconds(10)));

        assertThat(echoed.stdout()).isEqualTo(hostile);
    }

    @Test
    void passwordReachesTheToolThroughItsEnvironmentOnly() throws Exception {
        Path script = directory.resolve("show.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '%s|%s' \"$PGPASSWORD\" \"$*\"\n");
        script.toFile().setExecutable(true);
        SealedSecret secret = new SealedSecret("s3cret!".toCharArray());

        ToolInvocation invocation = ToolInvocation.of(List.of(script.toString(), "--dbname=x"), Duration.ofSeconds(10))
                .withPassword(Optional.of(secret));
        ToolResult result = new LocalCommandPlace(System.getenv()).run(invocation);

        assertThat(result.stdout()).isEqualTo("s3cret!|--dbname=x");
        assertThat(invocation.shellCommand()).doesNotContain("s3cret");
    }

    @Test
    void toolThatRunsTooLongIsStoppedAndSaysSo() {
        ToolResult result = new LocalCommandPlace(System.getenv())
                .run(ToolInvocation.of(List.of("sleep", "10"), Duration.ofMillis(300)));

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.elapsed()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void stdoutRedirectionWritesTheFile() throws Exception {
        Path out = directory.resolve("out.txt");
        new LocalCommandPlace(System.getenv())
                .run(ToolInvocation.of(List.of("printf", "hello"), Duration.ofSeconds(10))
                        .writingTo(out.toString()));

        assertThat(Files.readString(out, StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(new LocalCommandPlace(Map.of()).sha256(out.toString()))
                .isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    }

    @Test
    void sealedSecretRevealsCopiesAndWipesWhatItWasGiven() {
        char[] typed = "correct horse".toCharArray();
        SealedSecret secret = new SealedSecret(typed);

        assertThat(typed).containsOnly('\0');
        assertThat(secret.reveal()).containsExactly("correct horse".toCharArray());
        secret.close();
        assertThatThrownBy(secret::reveal).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void derivedDatabaseNamesStayWithinPostgresLimits() {
        String longName = "a_rather_long_database_name_for_the_clinic_management_system";
        Instant at = Instant.parse("2026-11-22T06:30:00Z");

        assertThat(DatabaseNames.snapshot("healthcare", at)).isEqualTo("healthcare_fd_20261122_063000");
        assertThat(DatabaseNames.setAside(longName, at))
                .hasSizeLessThanOrEqualTo(63)
                .endsWith("_fd_aside_20261122_063000");
        assertThat(Identifiers.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
        assertThatThrownBy(() -> Identifiers.quote("x".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serverErrorPositionBecomesLineAndColumn() {
        ServerError error =
                new ServerError("42703", "column \"phone\" does not exist", 19, Optional.empty(), Optional.empty());

        assertThat(error.location("SELECT id,\n       phone\nFROM visits")).contains("line 2, column 8");
        assertThat(new ServerError("42601", "syntax error", 0, Optional.empty(), Optional.empty()).location("x"))
                .isEmpty();
    }
}
