package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.ssh.keys.OpenSshKeys;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.OpenSshTools;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key authentication against real OpenSSH: passphrase-protected keys and refused logins. */
@RequiresTool({"sshd", "ssh-keygen"})
class OpenSshAuthenticationTest {

    @Test
    void encryptedKeyIsUnlockedWithThePromptedPassphraseWhichIsThenWiped(
            @TempDir Path serverDir, @TempDir Path operatorDir) throws Exception {
        try (LoopbackSshd sshd = OpenSshServer.start(serverDir)) {
            Path key = operatorDir.resolve("id_ecdsa_protected");
            OpenSshKeys.generate(key, OpenSshKeys.Type.ECDSA, "correct horse".toCharArray());
            assertThat(OpenSshTools.derivePublicKey(key, "correct horse")
                            .output()
                            .trim())
                    .as("OpenSSH reads the encrypted key")
                    .startsWith(OpenSshKeys.publicKeyLine(key) + " ");
            Files.writeString(
                    serverDir.resolve("authorized_keys"),
                    OpenSshKeys.publicKeyLine(key) + "\n",
                    StandardOpenOption.APPEND);
            SshTestKit kit = SshTestKit.in(operatorDir);
            kit.knowHost(sshd.knownHostsLine());
            AtomicReference<char[]> handedOut = new AtomicReference<>();
            Credentials prompt = new Credentials() {
                @Override
                public Optional<char[]> passphrase(Path identity) {
                    handedOut.set("correct horse".toCharArray());
                    return Optional.of(handedOut.get());
                }
            };
            SshTarget target = new SshTarget(
                    "protected", "127.0.0.1", sshd.port(), sshd.user(), List.of(key), false, Optional.empty());

            try (SshSessions sessions =
                    new SshSessions(SshTestKit.fastSettings(), kit.verifier(), prompt, SshEventListener.NONE)) {
                assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess())
                        .isTrue();
            }
            assertThat(handedOut.get()).containsOnly('\0');
        }
    }

    @Test
    void loginWithAKeyTheServerDoesNotKnowIsATypedAuthenticationError(
            @TempDir Path serverDir, @TempDir Path operatorDir) throws Exception {
        try (LoopbackSshd sshd = OpenSshServer.start(serverDir)) {
            Path stranger = OpenSshKeys.generate(operatorDir.resolve("id_stranger"), OpenSshKeys.Type.ED25519);
            SshTestKit kit = SshTestKit.in(operatorDir);
            kit.knowHost(sshd.knownHostsLine());
            SshTarget target = SshTestKit.target("locked", sshd.port(), stranger);

            try (SshSessions sessions = kit.sessions(SshEventListener.NONE)) {
                assertThatThrownBy(() -> sessions.connect(target)).isInstanceOfSatisfying(SshException.class, e -> {
                    assertThat(e.code()).isEqualTo("SSH-AUTH");
                    assertThat(e.getMessage()).contains("refused the login");
                });
                CommandResult result = sessions.exec(target, CommandRequest.of("true"));
                assertThat(result.outcome())
                        .isInstanceOfSatisfying(
                                CommandOutcome.FailedToStart.class,
                                failed -> assertThat(failed.cause().code()).isEqualTo("SSH-AUTH"));
            }
        }
    }
}
