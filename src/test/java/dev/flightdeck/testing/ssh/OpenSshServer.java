package dev.flightdeck.testing.ssh;

import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real OpenSSH {@code sshd} for interoperability tests (see {@link LoopbackSshd}: loopback port, own
 * sshd_config, ed25519 host and user keys made in Java in the given directory).
 * When {@code /usr/sbin/sshd} is absent the test FAILS with instructions instead of being skipped: JSch must
 * be proven against what servers really run, and CI installs openssh-server.
 */
public final class OpenSshServer {

    private OpenSshServer() {
    }

    public static LoopbackSshd start(Path directory) throws IOException {
        if (!LoopbackSshd.installed()) {
            throw new AssertionError("OpenSSH interoperability tests need " + LoopbackSshd.SSHD
                    + ": install the openssh-server package (apt-get install openssh-server); CI installs it.");
        }
        return LoopbackSshd.start(directory);
    }
}
