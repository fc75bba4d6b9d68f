package dev.flightdeck.testing.ssh;

import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real OpenSSH {@code sshd} for interoperability tests (see {@link LoopbackSshd}: loopback port, own
 * sshd_config, ed25519 host and user keys made in Java in the given directory).
 * Tests using it carry {@code @RequiresTool("sshd")}: skipped where OpenSSH's server is not installed, failed under
 * {@code CI=true}, which installs openssh-server. Should one forget the annotation, this still fails with instructions.
 */
public final class OpenSshServer {

    private OpenSshServer() {}

    public static LoopbackSshd start(Path directory) throws IOException {
        if (!LoopbackSshd.installed()) {
            throw new AssertionError("OpenSSH interoperability tests need " + LoopbackSshd.SSHD
                    + ": install the openssh-server package (apt-get install openssh-server); CI installs it.");
        }
        return LoopbackSshd.start(directory);
    }
}
