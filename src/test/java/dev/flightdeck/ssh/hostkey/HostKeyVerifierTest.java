package dev.flightdeck.ssh.hostkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.ssh.loopback.SshKeygen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.flightdeck.testing.tools.RequiresTool;

/** Host-key decisions over real keys made by ssh-keygen and known_hosts files written as OpenSSH writes them. */
@RequiresTool("ssh-keygen")
class HostKeyVerifierTest {

    @TempDir
    Path directory;
    private Path userKnownHosts;
    private HostKeyVerifier verifier;
    private byte[] serverKey;
    private byte[] otherKey;

    @BeforeEach
    void setUp() throws Exception {
        userKnownHosts = directory.resolve("known_hosts");
        verifier = new HostKeyVerifier(List.of(userKnownHosts), directory.resolve("flightdeck/known_hosts"));
        serverKey = blob(SshKeygen.generate(directory.resolve("server"), "ed25519"));
        otherKey = blob(SshKeygen.generate(directory.resolve("other"), "ecdsa"));
    }

    private static byte[] blob(Path privateKey) throws Exception {
        return Base64.getDecoder().decode(SshKeygen.publicKey(privateKey).split(" ")[1]);
    }

    private void known(String... lines) throws Exception {
        Files.writeString(userKnownHosts, String.join("\n", lines) + "\n");
    }

    private String line(String hosts, byte[] key) {
        return hosts + " " + PresentedKey.keyTypeOf(key) + " " + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void fingerprintIsPrintedLikeOpenSsh() throws Exception {
        Process process = new ProcessBuilder("ssh-keygen", "-lf", directory.resolve("server.pub").toString()).start();
        String printed = new String(process.getInputStream().readAllBytes()).split("\\s+")[1];

        assertThat(new PresentedKey("h", serverKey).fingerprint()).isEqualTo(printed);
    }

    @Test
    void keyListedUnderAPatternOrAPortIsTrusted() throws Exception {
        known("# comment", line("*.clinic.example,!evil.clinic.example", serverKey), line("[10.0.0.1]:2222", serverKey));

        assertThat(verifier.verify(new PresentedKey("app1.clinic.example", serverKey))).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("[10.0.0.1]:2222", serverKey))).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("evil.clinic.example", serverKey))).isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(verifier.verify(new PresentedKey("10.0.0.1", serverKey))).as("port 22 is another host").isInstanceOf(HostKeyVerdict.Unknown.class);
    }

    @Test
    void hashedEntryWrittenBySshKeygenMatches() throws Exception {
        known(line("db1.clinic.example", serverKey));
        SshKeygen.hashKnownHosts(userKnownHosts);

        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", serverKey))).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", otherKey))).isInstanceOf(HostKeyVerdict.Changed.class);
    }

    @Test
    void anotherKeyForAKnownHostIsChangedEvenOfAnotherTypeAndCannotBeTrusted() throws Exception {
        known(line("db1", serverKey));
        PresentedKey impostor = new PresentedKey("db1", otherKey);

        assertThat(verifier.verify(impostor)).isInstanceOfSatisfying(HostKeyVerdict.Changed.class,
                changed -> assertThat(changed.knownFingerprints()).containsExactly(PresentedKey.fingerprintOf(serverKey)));
        assertThat(verifier.trust("db1", impostor.fingerprint())).isEqualTo(TrustResult.REFUSED_KEY_CHANGED);
        assertThat(verifier.verify(impostor)).isInstanceOf(HostKeyVerdict.Changed.class);
    }

    @Test
    void revokedKeyIsRefusedEvenIfAlsoListedAsKnown() throws Exception {
        known(line("db1", serverKey), "@revoked " + line("*", serverKey));

        assertThat(verifier.verify(new PresentedKey("db1", serverKey))).isInstanceOf(HostKeyVerdict.Revoked.class);
    }

    @Test
    void trustStoresOnlyTheKeyTheServerShowedWithThatFingerprint() throws Exception {
        PresentedKey presented = new PresentedKey("[127.0.0.1]:2022", serverKey);
        assertThat(verifier.verify(presented)).isInstanceOf(HostKeyVerdict.Unknown.class);

        assertThat(verifier.trust("[127.0.0.1]:2022", PresentedKey.fingerprintOf(otherKey))).isEqualTo(TrustResult.REFUSED_FINGERPRINT_MISMATCH);
        assertThat(verifier.trust("[127.0.0.1]:2022", presented.fingerprint())).isEqualTo(TrustResult.STORED);

        assertThat(verifier.verify(presented)).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(Files.readString(verifier.flightdeckFile())).isEqualTo(presented.knownHostsLine() + System.lineSeparator());
        assertThat(userKnownHosts).as("the user's own known_hosts is never written").doesNotExist();
    }

    @Test
    void malformedFingerprintIsRejected() {
        assertThatThrownBy(() -> verifier.trust("db1", "MD5:aa:bb")).isInstanceOf(IllegalArgumentException.class);
    }
}
