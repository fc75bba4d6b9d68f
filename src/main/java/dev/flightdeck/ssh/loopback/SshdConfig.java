package dev.flightdeck.ssh.loopback;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sshd_config of a {@link LoopbackSshd}: loopback only, key login only, everything under its directory. */
final class SshdConfig {

    private SshdConfig() {}

    static String text(Path directory, int port) {
        Path certificate = directory.resolve("ssh_host_ed25519_key-cert.pub");
        return String.join(
                "\n",
                "Port " + port,
                "ListenAddress 127.0.0.1",
                "HostKey " + directory.resolve("ssh_host_ed25519_key"),
                // a host certificate, when one was made for the host key (ssh-keygen -s CA -h), is presented too
                Files.exists(certificate) ? "HostCertificate " + certificate : "",
                "PidFile " + directory.resolve("sshd.pid"),
                "AuthorizedKeysFile " + directory.resolve("authorized_keys"),
                // Keys live in a temp directory whose modes sshd would otherwise reject.
                "StrictModes no",
                "UsePAM no",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "AllowTcpForwarding yes",
                // The fan-out benchmark opens dozens of connections at once.
                "MaxStartups 200",
                "MaxSessions 100",
                "LogLevel ERROR",
                "");
    }
}
