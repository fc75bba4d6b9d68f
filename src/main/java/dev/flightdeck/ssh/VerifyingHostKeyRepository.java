package dev.flightdeck.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.hostkey.PresentedKey;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The connection was made without asking {@link #check}: JSch accepted a host certificate signed by one of the
     * authorities {@link #getHostKey()} gave it. Said and remembered like any other verdict.
     */
    void acceptedByCertificate() {
        if (verdict != null) {
            return;
        }
        List<HostKeyVerifier.MarkedKey> authorities =
                verifier.markedKeys(target.knownHostsName(), target.knownHostsFiles()).stream()
                        .filter(HostKeyVerifier.MarkedKey::authority)
                        .toList();
        if (authorities.isEmpty()) {
            throw new IllegalStateException(
                    "JSch let " + target.describe() + " in without a host-key check and no @cert-authority names it");
        }
        HostKeyVerdict.Certified certified = new HostKeyVerdict.Certified(
                new PresentedKey(target.knownHostsName(), authorities.get(0).blob()),
                authorities.stream().map(HostKeyVerifier.MarkedKey::location).toList());
        verdict = certified;
        listener.hostKeyChecked(target, certified);
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

    /**
     * Only what JSch's host-certificate check asks for: the {@code @cert-authority} and {@code @revoked} keys for this
     * target, already matched against its name here (hashed and negated patterns included), so each is given to JSch
     * for any host ({@code *}). Plain host keys are decided in {@link #check} alone.
     */
    @Override
    public HostKey[] getHostKey() {
        List<HostKey> keys = new ArrayList<>();
        for (HostKeyVerifier.MarkedKey marked :
                verifier.markedKeys(target.knownHostsName(), target.knownHostsFiles())) {
            try {
                keys.add(new HostKey(
                        marked.authority() ? "@cert-authority" : "@revoked",
                        "*",
                        HostKey.GUESS,
                        marked.blob(),
                        marked.location()));
            } catch (JSchException unusableKey) {
                // a key type JSch cannot read cannot have signed or be the certificate: leaving it out refuses nothing
            }
        }
        return keys.toArray(new HostKey[0]);
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return new HostKey[0];
    }
}
