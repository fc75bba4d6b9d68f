package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password login, the last resort: asked only through {@link Credentials#password}, wiped after every attempt. */
class MinaPasswordLoginTest {

    private static final String USER = "alice";

    @TempDir
    static Path serverDirectory;

    private static MinaSshServer server;

    @TempDir
    Path operatorDirectory;

    private SshTestKit kit;
    private SshTarget target;

    @BeforeAll
    static void startServer() throws Exception {
        server = MinaSshServer.startWithPassword(serverDirectory, USER, "correct horse");
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void knowTheServer() throws Exception {
        kit = SshTestKit.in(operatorDirectory);
        kit.knowHost(server.knownHostsLine());
        // No key file and no agent: the password is the only way in.
        target = new SshTarget(
                "clinic-app", "127.0.0.1", server.port(), USER, List.of(), Optional.empty(), Optional.empty());
    }

    @Test
    void theRightPasswordLogsInAndTheCharArrayHandedOverIsWiped() throws Exception {
        PasswordGiver giver = new PasswordGiver("correct horse");

        try (SshSessions sessions =
                new SshSessions(SshTestKit.fastSettings(), kit.verifier(), giver, SshEventListener.NONE)) {
            CommandResult result = sessions.exec(target, CommandRequest.of("true"));

            assertThat(result.isSuccess()).as("outcome %s", result.outcome()).isTrue();
        }
        assertThat(giver.handedOut)
                .isNotEmpty()
                .allSatisfy(password -> assertThat(password).containsOnly('\0'));
        assertThat(giver.askedFor).containsOnly(target);
    }

    @Test
    void aWrongPasswordIsATypedAuthenticationErrorAndEveryAttemptIsWiped() throws Exception {
        PasswordGiver giver = new PasswordGiver("battery staple");

        try (SshSessions sessions =
                new SshSessions(SshTestKit.fastSettings(), kit.verifier(), giver, SshEventListener.NONE)) {
            assertThatThrownBy(() -> sessions.connect(target)).isInstanceOfSatisfying(SshException.class, e -> {
                assertThat(e.code()).isEqualTo("SSH-AUTH");
                assertThat(e.getMessage()).contains("refused the login").doesNotContain("battery");
            });
        }
        assertThat(giver.handedOut)
                .isNotEmpty()
                .allSatisfy(password -> assertThat(password).containsOnly('\0'));
    }

    @Test
    void withoutAPasswordToGiveTheLoginIsRefusedNotHung() throws Exception {
        try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
            CommandResult result = sessions.exec(target, CommandRequest.of("true"));

            assertThat(result.outcome())
                    .isInstanceOfSatisfying(
                            CommandOutcome.FailedToStart.class,
                            failed -> assertThat(failed.cause().code()).isEqualTo("SSH-AUTH"));
        }
    }

    /** Hands out a fresh char[] on every ask (JSch may ask again after a refusal) and keeps it to check the wipe. */
    private static final class PasswordGiver implements Credentials {
        private final String password;
        private final List<char[]> handedOut = new CopyOnWriteArrayList<>();
        private final List<SshTarget> askedFor = new CopyOnWriteArrayList<>();

        PasswordGiver(String password) {
            this.password = password;
        }

        @Override
        public Optional<char[]> password(SshTarget target) {
            char[] copy = password.toCharArray();
            handedOut.add(copy);
            askedFor.add(target);
            return Optional.of(copy);
        }
    }
}
