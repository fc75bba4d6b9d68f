package dev.flightdeck.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.Slf4jLogger;
import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens one authenticated JSch connection to a target, with strict host-key checking, keepalive, connect
 * timeout, the target's keys (and agent), and, for a jump, a tunnel through the jump host's connection.
 */
final class SshConnector {

    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final SshSettings settings;
    private final HostKeyVerifier verifier;
    private final Credentials credentials;
    private final SshEventListener listener;

    SshConnector(SshSettings settings, HostKeyVerifier verifier, Credentials credentials, SshEventListener listener) {
        this.settings = settings;
        this.verifier = verifier;
        this.credentials = credentials;
        this.listener = listener;
    }

    Session open(SshTarget target, Optional<Session> through) throws SshException {
        JSch jsch = new JSch();
        jsch.setInstanceLogger(new Slf4jLogger());
        VerifyingHostKeyRepository hostKeys = new VerifyingHostKeyRepository(target, verifier, listener);
        Session session;
        try {
            IdentityLoader.addIdentities(jsch, target, credentials);
            session = jsch.getSession(target.user(), target.hostName(), target.port());
            configure(session, target, hostKeys);
            through.ifPresent(jump -> session.setProxy(new JumpProxy(jump)));
        } catch (JSchException e) {
            throw new SshException(
                    "SSH-SETUP",
                    "Cannot prepare the connection to " + target.describe() + ": " + SshException.reason(e),
                    e);
        }
        AtomicReference<Thread> reader = new AtomicReference<>();
        session.setThreadFactory(runnable -> {
            Thread thread = new Thread(runnable);
            thread.setDaemon(true);
            reader.set(thread);
            return thread;
        });
        try (PasswordPrompt prompt = new PasswordPrompt(target, credentials)) {
            session.setUserInfo(prompt);
            session.connect(Math.toIntExact(
                    target.connectTimeout().orElse(settings.connectTimeout()).toMillis()));
            hostKeys.acceptedByCertificate();
            // JSch names its reader thread after creating it; rename it so thread dumps and leak checks find it.
            Optional.ofNullable(reader.get())
                    .ifPresent(thread ->
                            thread.setName("flightdeck-ssh-" + target.name() + "-" + THREAD_NUMBER.incrementAndGet()));
            return session;
        } catch (JSchException e) {
            session.disconnect();
            throw classify(target, hostKeys.verdict(), e, verifier);
        }
    }

    private void configure(Session session, SshTarget target, VerifyingHostKeyRepository hostKeys)
            throws JSchException {
        session.setHostKeyRepository(hostKeys);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("HashKnownHosts", "no");
        session.setConfig("PreferredAuthentications", "publickey,keyboard-interactive,password");
        session.setConfig("server_host_key", hostKeyAlgorithms(target, session.getConfig("server_host_key")));
        // ssh-config's ServerAliveInterval 0 turns keepalive off in OpenSSH; Flightdeck keeps its own then, to notice a
        // lost host
        session.setServerAliveInterval(Math.toIntExact(target.serverAliveInterval()
                .filter(interval -> !interval.isZero())
                .orElse(settings.keepaliveInterval())
                .toMillis()));
        session.setServerAliveCountMax(target.serverAliveCountMax().orElse(settings.keepaliveCountMax()));
        session.setDaemonThread(true);
    }

    /**
     * Like OpenSSH, ask first for the key types already on file for this host, so a server with several
     * host keys is not reported as unknown just because the client preferred another type.
     */
    private String hostKeyAlgorithms(SshTarget target, String defaults) {
        List<String> available = Arrays.asList(defaults.split(","));
        Set<String> ordered = new LinkedHashSet<>();
        for (String known : verifier.knownKeyTypes(target.knownHostsName(), target.knownHostsFiles())) {
            List<String> algorithms =
                    known.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") : List.of(known);
            algorithms.stream().filter(available::contains).forEach(ordered::add);
        }
        ordered.addAll(available);
        return String.join(",", new ArrayList<>(ordered));
    }

    private static SshException classify(
            SshTarget target, Optional<HostKeyVerdict> verdict, JSchException e, HostKeyVerifier verifier) {
        if (verdict.isPresent()) {
            HostKeyVerdict v = verdict.get();
            if (v instanceof HostKeyVerdict.Unknown unknown) {
                return new UnknownHostKeyException(
                        target,
                        unknown.key(),
                        verifier.certificateAuthorities(target.knownHostsName(), target.knownHostsFiles()));
            }
            if (v instanceof HostKeyVerdict.Changed changed) {
                return ChangedHostKeyException.changed(target, changed);
            }
            if (v instanceof HostKeyVerdict.Revoked revoked) {
                return ChangedHostKeyException.revoked(target, revoked);
            }
        }
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
            return SshException.authentication(target, e);
        }
        return SshException.connect(target, e);
    }
}
