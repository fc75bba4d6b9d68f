package dev.flightdeck.db.place;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.db.DatabaseSteps;
import dev.flightdeck.db.backup.BackupArtifact;
import dev.flightdeck.db.connect.PoolSettings;
import dev.flightdeck.db.connect.PromptedPassword;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.ssh.CommandId;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.testing.db.PostgresExtension;
import dev.flightdeck.testing.db.TestDatabase;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Dump tools on the database host over SSH: a verified backup, with the password never in a command line. */
@RequiresTool({"pg_dump", "pg_restore", "psql"})
class SshCommandPlaceTest {

    @RegisterExtension
    static final PostgresExtension POSTGRES = PostgresExtension.sharedServer();

    @TempDir
    Path dir;

    @Test
    void aBackupOverSshIsVerifiedAndThePasswordNeverTravelsInACommand() throws Exception {
        TestDatabase database = POSTGRES.freshDatabase();
        database.execute("CREATE TABLE visits (id int PRIMARY KEY); INSERT INTO visits SELECT generate_series(1, 300)");
        POSTGRES.server()
                .execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'remote_backup') THEN"
                        + " CREATE ROLE remote_backup LOGIN PASSWORD 's3cret-over-ssh'; END IF; END $$");
        POSTGRES.server().execute("GRANT pg_read_all_data TO remote_backup");
        POSTGRES.server().requirePasswordFor("remote_backup");
        List<String> commandsSent = new CopyOnWriteArrayList<>();
        SshEventListener recordCommands = new SshEventListener() {
            @Override
            public void commandIntent(CommandId id, SshTarget target, String command) {
                commandsSent.add(command);
            }
        };
        try (MinaSshServer server = MinaSshServer.start(dir.resolve("server"))) {
            SshTestKit kit = SshTestKit.in(dir.resolve("kit"));
            kit.knowHost(server.knownHostsLine());
            try (SshSessions sessions =
                    new SshSessions(SshTestKit.fastSettings(), kit.verifier(), Credentials.NONE, recordCommands)) {
                SshCommandPlace dbHost =
                        new SshCommandPlace(sessions, SshTestKit.target("db1", server.port(), server.userKey()));
                Path backups = Files.createDirectories(dir.resolve("backups"));

                assertThat(dbHost.describe()).isEqualTo("db1 (over SSH)");
                assertThat(dbHost.locate("pg_dump")).isPresent();
                assertThat(dbHost.locate("no-such-tool-anywhere")).isEmpty();
                assertThat(dbHost.freeBytes(backups.resolve("not-yet/there").toString()))
                        .isPositive();

                try (DatabaseSteps steps = DatabaseSteps.open(
                        database.targetAs("remote_backup"),
                        new PromptedPassword("s3cret-over-ssh"::toCharArray),
                        PoolSettings.console(),
                        dbHost,
                        Clock.systemUTC(),
                        event -> {})) {
                    BackupArtifact artifact =
                            steps.backup(StepAction.BackupFormat.CUSTOM, backups.toString(), Duration.ofMinutes(2));

                    assertThat(artifact.entries()).isPositive();
                    assertThat(dbHost.fileSize(artifact.file()))
                            .isEqualTo(artifact.sizeBytes())
                            .isEqualTo(Files.size(Path.of(artifact.file())));
                    assertThat(dbHost.sha256(artifact.file())).isEqualTo(artifact.sha256());
                }
            }
        }
        assertThat(commandsSent)
                .anySatisfy(command -> assertThat(command).contains("pg_dump").contains("read -r PGPASSWORD"));
        assertThat(commandsSent).noneSatisfy(command -> assertThat(command).contains("s3cret-over-ssh"));
    }
}
