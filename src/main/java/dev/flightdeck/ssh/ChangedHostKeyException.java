package dev.flightdeck.ssh;

import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.PresentedKey;

/**
 * The server presented a key different from the one on file (or a revoked one). Someone may be
 * intercepting the connection. Flightdeck never connects in this case and offers no way to accept the key:
 * an administrator must verify the new key and edit the known-hosts file by hand.
 */
public final class ChangedHostKeyException extends SshException {

    private final transient PresentedKey key;

    private ChangedHostKeyException(String code, String message, PresentedKey key) {
        super(code, message);
        this.key = key;
    }

    public static ChangedHostKeyException changed(SshTarget target, HostKeyVerdict.Changed verdict) {
        PresentedKey key = verdict.key();
        return new ChangedHostKeyException(
                "SSH-HOSTKEY-CHANGED",
                "WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED for "
                        + target.describe()
                        + "! It is possible that someone is intercepting this connection. The server now presents "
                        + key.keyType() + " " + key.fingerprint() + " but " + String.join(", ", verdict.locations())
                        + " expect "
                        + String.join(", ", verdict.knownFingerprints())
                        + ". Flightdeck refuses to connect. If the server was "
                        + "really reinstalled, verify the new key with its administrator and remove the old entry from the file.",
                key);
    }

    public static ChangedHostKeyException revoked(SshTarget target, HostKeyVerdict.Revoked verdict) {
        PresentedKey key = verdict.key();
        return new ChangedHostKeyException(
                "SSH-HOSTKEY-REVOKED",
                "The host key of " + target.describe() + " ("
                        + key.keyType() + " " + key.fingerprint() + ") is marked @revoked in " + verdict.location()
                        + ". Flightdeck refuses to connect.",
                key);
    }

    public PresentedKey key() {
        return key;
    }
}
