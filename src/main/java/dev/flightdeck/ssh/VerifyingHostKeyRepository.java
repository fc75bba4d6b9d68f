package dev.flightdeck.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.hostkey.PresentedKey;
import java.util.Optional;

/**
 * Plugs {@link HostKeyVerifier} into one JSch connection attempt and remembers its verdict, so a refused
 * connection becomes a typed exception carrying the fingerprint instead of JSch's message text.
 * JSch can never add keys through it: trusting is {@link HostKeyVerifier#trust}'s job alone.
 */
final class VerifyingHostKeyRepository implements HostKeyRepository {

    private final SshTarget target;
    private final HostKeyVerifier verifier;
    private final SshEventListener listener;
    private volatile HostKeyVerdict verdict;

    VerifyingHostKeyRepository(SshTarget target, HostKeyVerifier verifier, SshEventListener listener) {
        this.target = target;
        this.verifier = verifier;
        this.listener = listener;
    }

    Optional<HostKeyVerdict> verdict() {
        return Optional.ofNullable(verdict);
    }

    @Override
    public int check(String host, byte[] key) {
        // Filed under the target's own known-hosts name, whatever alias JSch was given.
        HostKeyVerdict result =
                verifier.verify(new PresentedKey(target.knownHostsName(), key), target.knownHostsFiles());
        verdict = result;
        listener.hostKeyChecked(target, result);
        if (result instanceof HostKeyVerdict.Trusted) {
            return OK;
        }
        return result instanceof HostKeyVerdict.Unknown ? NOT_INCLUDED : CHANGED;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // StrictHostKeyChecking=yes: JSch never asks to add; refusing here keeps it that way.
    }

    @Override
    public void remove(String host, String type) {}

    @Override
    public void remove(String host, String type, byte[] key) {}

    @Override
    public String getKnownHostsRepositoryID() {
        return verifier.flightdeckFile().toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0];
    }
}
