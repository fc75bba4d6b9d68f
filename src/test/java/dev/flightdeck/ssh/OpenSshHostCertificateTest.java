package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import dev.flightdeck.testing.ssh.OpenSshServer;
import dev.flightdeck.testing.ssh.OpenSshTools;
import dev.flightdeck.testing.ssh.SshTestKit;
import dev.flightdeck.testing.tools.RequiresTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code sshd} presenting a host certificate signed by a CA: with only a {@code @cert-authority} line in
 * known_hosts, Flightdeck reaches the host exactly when OpenSSH's {@code ssh} does (a certificate for another name, or
 * a revoked CA, reaches neither), and the journal's verdict names the authority.
 */
@RequiresTool({"sshd", "ssh-keygen", "ssh"})
class OpenSshHostCertificateTest {

    @TempDir
    Path dir;

    @Test
    void aHostCertificateFromAKnownAuthorityIsTrustedAsByOpenSsh() throws Exception {
        Path ca = keygen("ca");
        try (LoopbackSshd sshd = certifiedServer(ca, "127.0.0.1")) {
            Path knownHosts = Files.writeString(
                    dir.resolve("known_hosts"), "@cert-authority [127.0.0.1]:* " + publicKey(ca) + "\n");
            List<HostKeyVerdict> verdicts = new CopyOnWriteArrayList<>();

            assertThat(sshReaches(sshd, knownHosts)).isTrue();
            assertThat(flightdeckReaches(sshd, knownHosts, verdicts)).isTrue();
            String authority = fingerprint(ca);
            assertThat(verdicts).singleElement().isInstanceOfSatisfying(HostKeyVerdict.Certified.class, certified -> {
                assertThat(certified.authorities()).containsExactly(knownHosts + ":1");
                assertThat(certified.key().fingerprint()).isEqualTo(authority);
            });

            Path revoked = Files.writeString(
                    dir.resolve("known_hosts_revoked"),
                    "@cert-authority [127.0.0.1]:* " + publicKey(ca) + "\n@revoked * " + publicKey(ca) + "\n");
            assertThat(sshReaches(sshd, revoked)).isFalse();
            assertThat(flightdeckReaches(sshd, revoked, new CopyOnWriteArrayList<>()))
                    .isFalse();
        }
    }

    @Test
    void aCertificateForAnotherNameOrFromAnotherAuthorityIsNotTrusted() throws Exception {
        Path ca = keygen("ca");
        Path stranger = keygen("stranger-ca");
        try (LoopbackSshd sshd = certifiedServer(ca, "db.elsewhere.example")) {
            Path knownHosts = Files.writeString(
                    dir.resolve("known_hosts"), "@cert-authority [127.0.0.1]:* " + publicKey(ca) + "\n");
            assertThat(sshReaches(sshd, knownHosts)).isFalse();
            assertThat(flightdeckReaches(sshd, knownHosts, new CopyOnWriteArrayList<>()))
                    .isFalse();
            // the certificate names another host: the plain key is unknown, and the message points at the CA line
            assertThat(connect(sshd, knownHosts, SshEventListener.NONE)
                            .outcome()
                            .toString())
                    .contains("A @cert-authority line names this host (" + knownHosts + ":1)");
        }
        try (LoopbackSshd sshd = certifiedServer(stranger, "127.0.0.1")) {
            Path knownHosts = Files.writeString(
                    dir.resolve("known_hosts_other"), "@cert-authority [127.0.0.1]:* " + publicKey(ca) + "\n");
            assertThat(sshReaches(sshd, knownHosts)).isFalse();
            assertThat(flightdeckReaches(sshd, knownHosts, new CopyOnWriteArrayList<>()))
                    .isFalse();
        }
    }

    /** A loopback sshd whose host key carries a certificate for {@code principal}, signed by {@code ca}. */
    private LoopbackSshd certifiedServer(Path ca, String principal) throws Exception {
        Path server = dir.resolve("sshd-" + principal + "-" + ca.getFileName());
        OpenSshServer.start(server).close(); // makes its host and user keys
        run(
                "ssh-keygen",
                "-q",
                "-s",
                ca.toString(),
                "-I",
                "flightdeck-test",
                "-h",
                "-n",
                principal,
                "-V",
                "-5m:+1h",
                server.resolve("ssh_host_ed25519_key.pub").toString());
        return OpenSshServer.start(server);
    }

    private boolean sshReaches(LoopbackSshd sshd, Path knownHosts) throws IOException {
        Path config = Files.writeString(dir.resolve("ssh_config"), config(sshd, knownHosts));
        return OpenSshTools.ssh(dir, config, null, List.of("-o", "ConnectTimeout=10"), "certified", "true")
                .succeeded();
    }

    private boolean flightdeckReaches(LoopbackSshd sshd, Path knownHosts, List<HostKeyVerdict> verdicts)
            throws Exception {
        try {
            return connect(sshd, knownHosts, new SshEventListener() {
                        @Override
                        public void hostKeyChecked(SshTarget target, HostKeyVerdict verdict) {
                            verdicts.add(verdict);
                        }
                    })
                    .isSuccess();
        } catch (SshException refused) {
            return false;
        }
    }

    private CommandResult connect(LoopbackSshd sshd, Path knownHosts, SshEventListener listener) throws Exception {
        Path config = Files.writeString(dir.resolve("ssh_config"), config(sshd, knownHosts));
        Inventory inventory = InventoryLoader.load("hosts:\n  elsewhere: { address: 10.255.255.1 }\n", "inventory.yaml")
                .value()
                .orElseThrow();
        SshUserHome userHome = new SshUserHome(dir, dir, System.getProperty("user.name"), Optional.empty());
        try (SshSessions sessions = new SshSessions(
                SshTestKit.fastSettings(),
                new HostKeyVerifier(List.of(knownHosts), dir.resolve("flightdeck_known_hosts")),
                Credentials.NONE,
                listener)) {
            SshTarget target =
                    new TargetResolver(inventory, SshConfigFile.read(config, dir, dir), userHome).target("certified");
            return sessions.exec(target, CommandRequest.of("true"));
        }
    }

    private static String config(LoopbackSshd sshd, Path knownHosts) {
        return String.join(
                "\n",
                "Host certified",
                "  HostName 127.0.0.1",
                "  Port " + sshd.port(),
                "  User " + sshd.user(),
                "  IdentityFile " + sshd.userKey(),
                "  UserKnownHostsFile " + knownHosts,
                "  GlobalKnownHostsFile /dev/null",
                "");
    }

    private Path keygen(String name) throws Exception {
        Path key = dir.resolve(name);
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", key.toString());
        return key;
    }

    private static String publicKey(Path key) throws IOException {
        String[] fields = Files.readString(Path.of(key + ".pub")).strip().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    private static String fingerprint(Path key) throws IOException {
        return OpenSshTools.fingerprint(Path.of(key + ".pub"));
    }

    private static void run(String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(String.join(" ", argv) + ": " + output)
                .isZero();
    }
}
