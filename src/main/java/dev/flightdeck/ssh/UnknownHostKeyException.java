package dev.flightdeck.ssh;

import dev.flightdeck.ssh.hostkey.PresentedKey;
import java.util.List;

/**
 * The server's host key is in no known_hosts file. The connection was not made. The console shows
 * {@link #key()}'s type and fingerprint and offers "trust" ({@link SshSessions#trust}); headless, the run
 * stops and the operator may pass {@code --trust-host HOST=SHA256:...}.
 */
public final class UnknownHostKeyException extends SshException {

    private final transient SshTarget target;
    private final transient PresentedKey key;

    public UnknownHostKeyException(SshTarget target, PresentedKey key) {
        this(target, key, List.of());
    }

    /** @param certificateAuthorities {@code @cert-authority} lines naming this host, which Flightdeck cannot use yet */
    public UnknownHostKeyException(SshTarget target, PresentedKey key, List<String> certificateAuthorities) {
        super(
                "SSH-HOSTKEY-UNKNOWN",
                "The authenticity of host " + target.describe() + " can't be established. "
                        + key.keyType() + " key fingerprint is " + key.fingerprint()
                        + ". Compare it with the server's own "
                        + "(ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the server) before trusting it."
                        + (certificateAuthorities.isEmpty()
                                ? ""
                                : " A @cert-authority line names this host ("
                                        + String.join(", ", certificateAuthorities)
                                        + "), but Flightdeck does not check host certificates yet: trust the host's own key instead."));
        this.target = target;
        this.key = key;
    }

    public SshTarget target() {
        return target;
    }

    public PresentedKey key() {
        return key;
    }
}
