package dev.flightdeck.ssh;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.ssh.config.SshConfigEntry;
import dev.flightdeck.ssh.config.SshConfigException;
import dev.flightdeck.ssh.config.SshConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a step's {@code on:} (a host or a group) into concrete {@link SshTarget}s: inventory fields first,
 * then the matching {@code ~/.ssh/config} block, then SSH's defaults (port 22, the local user, the default
 * key files). A jump host, from the inventory's {@code jump:} or ssh-config's {@code ProxyJump}, is resolved
 * the same way, recursively.
 */
public final class TargetResolver {

    private static final int MAX_JUMP_DEPTH = 8;
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");
    private static final List<String> DEFAULT_USER_KNOWN_HOSTS = List.of("~/.ssh/known_hosts", "~/.ssh/known_hosts2");
    private static final List<String> DEFAULT_GLOBAL_KNOWN_HOSTS =
            List.of("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2");

    private final Inventory inventory;
    private final SshConfigFile sshConfig;
    private final SshUserHome userHome;

    public TargetResolver(Inventory inventory, SshConfigFile sshConfig, SshUserHome userHome) {
        this.inventory = inventory;
        this.sshConfig = sshConfig;
        this.userHome = userHome;
    }

    /** The hosts a step's {@code on:} names, in inventory order; an unknown name that ssh-config knows is one host. */
    public List<SshTarget> resolve(String on) throws SshException {
        List<HostEntry> hosts = inventory.resolveTarget(on);
        if (!hosts.isEmpty()) {
            List<SshTarget> targets = new ArrayList<>();
            for (HostEntry host : hosts) {
                targets.add(fromInventory(host, 0));
            }
            return targets;
        }
        return List.of(target(on));
    }

    /** One host by inventory name, or by ssh-config alias when the inventory does not list it. */
    public SshTarget target(String name) throws SshException {
        Optional<HostEntry> entry = inventory.host(name);
        if (entry.isPresent()) {
            return fromInventory(entry.get(), 0);
        }
        SshConfigEntry config = config(name, Optional.empty());
        if (config.hostName().isEmpty()
                && !name.contains(".")
                && !name.equals("localhost")
                && !name.matches("[0-9.:]+")) {
            throw SshException.unknownTarget(name, DidYouMean.hint(name, inventory.targetNames()));
        }
        return merge(name, Optional.empty(), config, 0);
    }

    private SshTarget fromInventory(HostEntry host, int depth) throws SshException {
        SshConfigEntry config = config(host.name(), host.user());
        if (host.address().isPresent()) {
            config = config.orElse(config(host.address().get(), host.user()));
        }
        SshConfigEntry fromInventory = new SshConfigEntry(
                host.address(),
                host.port(),
                host.user(),
                host.identity().map(List::of).orElse(List.of()),
                Optional.empty());
        SshTarget merged = merge(host.name(), host.agent(), fromInventory.orElse(config), depth);
        if (host.jump().isPresent()) {
            SshTarget jump = jumpTarget(host.jump().get(), depth + 1);
            return merged.withJump(Optional.of(jump));
        }
        return merged;
    }

    /** The ssh-config settings for an alias; a {@code Match exec} it reaches stops the resolution with its reason. */
    private SshConfigEntry config(String alias, Optional<String> user) throws SshException {
        try {
            return sshConfig.lookup(alias, user, userHome.localUser());
        } catch (SshConfigException e) {
            throw new SshException("SSH-CONFIG", e.getMessage());
        }
    }

    private SshTarget merge(String name, Optional<Boolean> agent, SshConfigEntry entry, int depth) throws SshException {
        String hostName = entry.hostName().orElse(name);
        String user = entry.user().orElse(userHome.localUser());
        List<Path> identities = entry.identityFiles().stream()
                .map(file -> userHome.expand(tokens(file, hostName, user)))
                .toList();
        if (identities.isEmpty()) {
            identities = DEFAULT_KEYS.stream()
                    .map(userHome.sshDirectory()::resolve)
                    .filter(Files::isRegularFile)
                    .toList();
        }
        Optional<SshTarget> jump = Optional.empty();
        if (entry.proxyJump().isPresent()) {
            jump = Optional.of(proxyJumpChain(entry.proxyJump().get(), depth + 1));
        }
        // 'agent: false' and 'IdentityAgent none' turn the agent off; otherwise its keys are offered after the key
        // files,
        // as OpenSSH does, unless 'IdentitiesOnly yes'.
        Optional<Path> agentSocket = agent.orElse(true) ? agentSocket(entry.identityAgent()) : Optional.empty();
        List<Path> knownHosts = List.of();
        if (!entry.userKnownHostsFiles().isEmpty()
                || !entry.globalKnownHostsFiles().isEmpty()) {
            List<String> files = new ArrayList<>(
                    entry.userKnownHostsFiles().isEmpty() ? DEFAULT_USER_KNOWN_HOSTS : entry.userKnownHostsFiles());
            files.addAll(
                    entry.globalKnownHostsFiles().isEmpty()
                            ? DEFAULT_GLOBAL_KNOWN_HOSTS
                            : entry.globalKnownHostsFiles());
            knownHosts = files.stream()
                    .filter(file -> !file.equalsIgnoreCase("none"))
                    .map(file -> userHome.expand(tokens(file, hostName, user)))
                    .toList();
        }
        return new SshTarget(
                name,
                hostName,
                entry.port().orElse(SshTarget.DEFAULT_PORT),
                user,
                identities,
                agentSocket,
                jump,
                entry.identitiesOnly().orElse(false),
                knownHosts,
                entry.connectTimeout(),
                entry.serverAliveInterval(),
                entry.serverAliveCountMax());
    }

    /** {@code IdentityAgent}: {@code none}, {@code SSH_AUTH_SOCK} (the environment's), or a socket path. */
    private Optional<Path> agentSocket(Optional<String> identityAgent) {
        if (identityAgent.isEmpty()
                || identityAgent.get().equals("SSH_AUTH_SOCK")
                || identityAgent.get().equals("$SSH_AUTH_SOCK")) {
            return userHome.agentSocket();
        }
        if (identityAgent.get().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(userHome.expand(identityAgent.get()));
    }

    /** ssh_config's tokens in file names: {@code %d} home, {@code %u} local user, {@code %r} remote user, {@code %h} host, {@code %%}. */
    private String tokens(String value, String hostName, String user) {
        return value.replace("%%", "\u0000")
                .replace("%d", userHome.home().toString())
                .replace("%u", userHome.localUser())
                .replace("%r", user)
                .replace("%h", hostName)
                .replace("\u0000", "%");
    }

    /** {@code ProxyJump a,b,c}: connect to a, through it to b, through b to c, and through c to the target. */
    private SshTarget proxyJumpChain(String proxyJump, int depth) throws SshException {
        Optional<SshTarget> previous = Optional.empty();
        for (String hop : proxyJump.split(",")) {
            SshTarget hopTarget = jumpTarget(hop.trim(), depth);
            if (previous.isPresent()) {
                hopTarget = hopTarget.withJump(previous);
            }
            previous = Optional.of(hopTarget);
        }
        return previous.orElseThrow();
    }

    /** A hop is an inventory host name, or {@code [user@]host[:port]} looked up in ssh-config. */
    private SshTarget jumpTarget(String hop, int depth) throws SshException {
        if (depth > MAX_JUMP_DEPTH) {
            throw new SshException(
                    "SSH-TARGET",
                    "The jump hosts of '" + hop + "' form a loop or a chain longer than " + MAX_JUMP_DEPTH
                            + "; check 'jump:' in the inventory and ProxyJump in ~/.ssh/config");
        }
        Optional<HostEntry> entry = inventory.host(hop);
        if (entry.isPresent()) {
            return fromInventory(entry.get(), depth);
        }
        HopSpec spec = HopSpec.parse(hop);
        SshConfigEntry fromHop =
                new SshConfigEntry(Optional.empty(), spec.port(), spec.user(), List.of(), Optional.empty());
        return merge(spec.host(), Optional.empty(), fromHop.orElse(config(spec.host(), spec.user())), depth);
    }

    private record HopSpec(Optional<String> user, String host, Optional<Integer> port) {

        static HopSpec parse(String hop) {
            int at = hop.lastIndexOf('@');
            Optional<String> user = at > 0 ? Optional.of(hop.substring(0, at)) : Optional.empty();
            String rest = hop.substring(at + 1);
            int colon = rest.lastIndexOf(':');
            if (colon > 0
                    && rest.indexOf(':') == colon
                    && rest.substring(colon + 1).matches("\\d+")) {
                return new HopSpec(
                        user, rest.substring(0, colon), Optional.of(Integer.parseInt(rest.substring(colon + 1))));
            }
            return new HopSpec(user, rest, Optional.empty());
        }
    }
}
