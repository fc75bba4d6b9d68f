package dev.flightdeck.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A concrete place to open an SSH connection: the inventory entry merged with {@code ~/.ssh/config} and
 * SSH defaults, so nothing is left to guess at connect time.
 *
 * @param name       the inventory host name or ssh-config alias the operator wrote
 * @param hostName   the address actually dialled
 * @param identities private key files to offer, in order
 * @param agentSocket the ssh-agent whose keys are offered (the operator's {@code SSH_AUTH_SOCK} or ssh-config's
 *                    {@code IdentityAgent}, carried here so connecting never reads the process environment)
 * @param jump       the host to tunnel through (ProxyJump), itself fully resolved
 * @param identitiesOnly ssh-config's {@code IdentitiesOnly yes}: only the key files, never the agent's keys
 * @param knownHostsFiles the known_hosts files to read for this host (ssh-config's {@code UserKnownHostsFile} and
 *                    {@code GlobalKnownHostsFile}); empty means the verifier's defaults
 * @param connectTimeout ssh-config's {@code ConnectTimeout}, else the session settings'
 * @param serverAliveInterval ssh-config's {@code ServerAliveInterval}, else the session settings' keepalive
 * @param serverAliveCountMax ssh-config's {@code ServerAliveCountMax}, else the session settings'
 */
public record SshTarget(
        String name,
        String hostName,
        int port,
        String user,
        List<Path> identities,
        Optional<Path> agentSocket,
        Optional<SshTarget> jump,
        boolean identitiesOnly,
        List<Path> knownHostsFiles,
        Optional<Duration> connectTimeout,
        Optional<Duration> serverAliveInterval,
        Optional<Integer> serverAliveCountMax) {

    public static final int DEFAULT_PORT = 22;

    public SshTarget {
        identities = List.copyOf(identities);
        knownHostsFiles = List.copyOf(knownHostsFiles);
    }

    /** A target with the session settings' timeouts and the verifier's known_hosts files; agent keys offered too. */
    public SshTarget(
            String name,
            String hostName,
            int port,
            String user,
            List<Path> identities,
            Optional<Path> agentSocket,
            Optional<SshTarget> jump) {
        this(
                name,
                hostName,
                port,
                user,
                identities,
                agentSocket,
                jump,
                false,
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The same target, reached through {@code jump}. */
    public SshTarget withJump(Optional<SshTarget> through) {
        return new SshTarget(
                name,
                hostName,
                port,
                user,
                identities,
                agentSocket,
                through,
                identitiesOnly,
                knownHostsFiles,
                connectTimeout,
                serverAliveInterval,
                serverAliveCountMax);
    }

    /**
     * The older form: {@code agent} {@code true} means the agent of this process's {@code SSH_AUTH_SOCK}.
     * Kept for callers that only ever pass {@code false} (key files only); new code names the socket.
     */
    public SshTarget(
            String name,
            String hostName,
            int port,
            String user,
            List<Path> identities,
            boolean agent,
            Optional<SshTarget> jump) {
        this(
                name,
                hostName,
                port,
                user,
                identities,
                agent ? SshUserHome.fromSystem(System.getenv()).agentSocket() : Optional.empty(),
                jump);
    }

    /** Whether the ssh-agent's keys are offered (there is an agent, and not {@code IdentitiesOnly yes}). */
    public boolean agent() {
        return agentSocket.isPresent() && !identitiesOnly;
    }

    /**
     * The name under which the host key is looked up in known_hosts, as OpenSSH writes it:
     * {@code host} on port 22, {@code [host]:port} otherwise.
     */
    public String knownHostsName() {
        return port == DEFAULT_PORT ? hostName : "[" + hostName + "]:" + port;
    }

    /** For messages: {@code app1 (deploy@10.0.4.11:22 via bastion)}. */
    public String describe() {
        String via = jump.map(j -> " via " + j.name()).orElse("");
        return name + " (" + user + "@" + hostName + ":" + port + via + ")";
    }
}
