package dev.flightdeck.ssh.hostkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.ssh.keys.OpenSshKeys;
import dev.flightdeck.testing.ssh.OpenSshTools;
import dev.flightdeck.testing.tools.RequiresTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host-key decisions over real keys (made in Java, checked against ssh-keygen) and known_hosts files written as OpenSSH writes them. */
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
        serverKey = blob(OpenSshKeys.generate(directory.resolve("server"), OpenSshKeys.Type.ED25519));
        otherKey = blob(OpenSshKeys.generate(directory.resolve("other"), OpenSshKeys.Type.ECDSA));
    }

    private static byte[] blob(Path privateKey) throws Exception {
        return Base64.getDecoder().decode(OpenSshKeys.publicKeyLine(privateKey).split(" ")[1]);
    }

    private void known(String... lines) throws Exception {
        Files.writeString(userKnownHosts, String.join("\n", lines) + "\n");
    }

    private String line(String hosts, byte[] key) {
        return hosts + " " + PresentedKey.keyTypeOf(key) + " "
                + Base64.getEncoder().encodeToString(key);
    }

    @Test
    void fingerprintIsPrintedLikeOpenSsh() throws Exception {
        String printed = OpenSshTools.fingerprint(directory.resolve("server.pub"));

        assertThat(new PresentedKey("h", serverKey).fingerprint()).isEqualTo(printed);
        assertThat(OpenSshKeys.fingerprint(OpenSshKeys.publicKey(directory.resolve("server"))))
                .isEqualTo(printed);
    }

    @Test
    void keyListedUnderAPatternOrAPortIsTrusted() throws Exception {
        known(
                "# comment",
                line("*.clinic.example,!evil.clinic.example", serverKey),
                line("[10.0.0.1]:2222", serverKey));

        assertThat(verifier.verify(new PresentedKey("app1.clinic.example", serverKey)))
                .isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("[10.0.0.1]:2222", serverKey)))
                .isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("evil.clinic.example", serverKey)))
                .isInstanceOf(HostKeyVerdict.Unknown.class);
        assertThat(verifier.verify(new PresentedKey("10.0.0.1", serverKey)))
                .as("port 22 is another host")
                .isInstanceOf(HostKeyVerdict.Unknown.class);
    }

    @Test
    void hashedEntryWrittenBySshKeygenMatches() throws Exception {
        known(line("db1.clinic.example", serverKey));
        OpenSshTools.hashKnownHosts(userKnownHosts);

        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", serverKey)))
                .isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", otherKey)))
                .isInstanceOf(HostKeyVerdict.Changed.class);
    }

    @Test
    void hashedEntryWrittenInJavaMatchesOnePerNameAndKeepsPatternsAndMarkers() throws Exception {
        known(
                "# mine",
                line("db1.clinic.example,10.0.0.5", serverKey),
                line("*.lab", otherKey),
                "@revoked " + line("old", otherKey));
        OpenSshKeys.hashKnownHosts(userKnownHosts);

        List<String> lines = Files.readAllLines(userKnownHosts);
        assertThat(lines).hasSize(5).first().isEqualTo("# mine");
        assertThat(lines.subList(1, 3))
                .allSatisfy(hashed -> assertThat(hashed)
                        .startsWith("|1|")
                        .doesNotContain("db1")
                        .doesNotContain("10.0.0.5"));
        assertThat(lines.subList(3, 5)).containsExactly(line("*.lab", otherKey), "@revoked " + line("old", otherKey));
        assertThat(verifier.verify(new PresentedKey("10.0.0.5", serverKey))).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", serverKey)))
                .isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(verifier.verify(new PresentedKey("db1.clinic.example", otherKey)))
                .isInstanceOf(HostKeyVerdict.Changed.class);
    }

    @Test
    void anotherKeyForAKnownHostIsChangedEvenOfAnotherTypeAndCannotBeTrusted() throws Exception {
        known(line("db1", serverKey));
        PresentedKey impostor = new PresentedKey("db1", otherKey);

        assertThat(verifier.verify(impostor))
                .isInstanceOfSatisfying(
                        HostKeyVerdict.Changed.class,
                        changed -> assertThat(changed.knownFingerprints())
                                .containsExactly(PresentedKey.fingerprintOf(serverKey)));
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

        assertThat(verifier.trust("[127.0.0.1]:2022", PresentedKey.fingerprintOf(otherKey)))
                .isEqualTo(TrustResult.REFUSED_FINGERPRINT_MISMATCH);
        assertThat(verifier.trust("[127.0.0.1]:2022", presented.fingerprint())).isEqualTo(TrustResult.STORED);

        assertThat(verifier.verify(presented)).isInstanceOf(HostKeyVerdict.Trusted.class);
        assertThat(Files.readString(verifier.flightdeckFile()))
                .isEqualTo(presented.knownHostsLine() + System.lineSeparator());
        assertThat(userKnownHosts)
                .as("the user's own known_hosts is never written")
                .doesNotExist();
    }

    @Test
    void malformedFingerprintIsRejected() {
        assertThatThrownBy(() -> verifier.trust("db1", "MD5:aa:bb")).isInstanceOf(IllegalArgumentException.class);
    }
}
