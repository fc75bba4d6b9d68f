package dev.flightdeck.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A concrete place to open an SSH connection: the inventory entry merged with {@code ~/.ssh/config} and
 * SSH defaults, so nothing is left to guess at connect time.
 *
 * @param name       the inventory host name or ssh-config alias the operator wrote
 * @param hostName   the address actually dialled
 * @param identities private key files to offer, in order
 * @param agent      whether the ssh-agent's keys are offered too
 * @param jump       the host to tunnel through (ProxyJump), itself fully resolved
 */
public record SshTarget(String name, String hostName, int port, String user, List<Path> identities, boolean agent,
                        Optional<SshTarget> jump) {

    public static final int DEFAULT_PORT = 22;

    public SshTarget {
        identities = List.copyOf(identities);
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
