package dev.flightdeck.ssh;

import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.ssh.config.SshConfigEntry;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.yaml.DidYouMean;
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
        SshConfigEntry config = sshConfig.lookup(name);
        if (config.hostName().isEmpty() && !name.contains(".") && !name.equals("localhost") && !name.matches("[0-9.:]+")) {
            throw SshException.unknownTarget(name, DidYouMean.hint(name, inventory.targetNames()));
        }
        return merge(name, Optional.empty(), config, 0);
    }

    private SshTarget fromInventory(HostEntry host, int depth) throws SshException {
        SshConfigEntry config = sshConfig.lookup(host.name());
        if (host.address().isPresent()) {
            config = config.orElse(sshConfig.lookup(host.address().get()));
        }
        SshConfigEntry fromInventory = new SshConfigEntry(host.address(), host.port(), host.user(),
                host.identity().map(List::of).orElse(List.of()), Optional.empty());
        SshTarget merged = merge(host.name(), host.agent(), fromInventory.orElse(config), depth);
        if (host.jump().isPresent()) {
            SshTarget jump = jumpTarget(host.jump().get(), depth + 1);
            return new SshTarget(merged.name(), merged.hostName(), merged.port(), merged.user(), merged.identities(),
                    merged.agentSocket(), Optional.of(jump));
        }
        return merged;
    }

    private SshTarget merge(String name, Optional<Boolean> agent, SshConfigEntry entry, int depth) throws SshException {
        List<Path> identities = entry.identityFiles().stream().map(userHome::expand).toList();
        if (identities.isEmpty()) {
            identities = DEFAULT_KEYS.stream().map(userHome.sshDirectory()::resolve).filter(Files::isRegularFile).toList();
        }
        Optional<SshTarget> jump = Optional.empty();
        if (entry.proxyJump().isPresent()) {
            jump = Optional.of(proxyJumpChain(entry.proxyJump().get(), depth + 1));
        }
        // 'agent: false' turns the agent off; otherwise it is offered whenever the operator has one (SSH_AUTH_SOCK).
        return new SshTarget(name, entry.hostName().orElse(name), entry.port().orElse(SshTarget.DEFAULT_PORT),
                entry.user().orElse(userHome.localUser()), identities,
                agent.orElse(true) ? userHome.agentSocket() : Optional.empty(), jump);
    }

    /** {@code ProxyJump a,b,c}: connect to a, through it to b, through b to c, and through c to the target. */
    private SshTarget proxyJumpChain(String proxyJump, int depth) throws SshException {
        Optional<SshTarget> previous = Optional.empty();
        for (String hop : proxyJump.split(",")) {
            SshTarget hopTarget = jumpTarget(hop.trim(), depth);
            if (previous.isPresent()) {
                hopTarget = new SshTarget(hopTarget.name(), hopTarget.hostName(), hopTarget.port(), hopTarget.user(),
                        hopTarget.identities(), hopTarget.agentSocket(), previous);
            }
            previous = Optional.of(hopTarget);
        }
        return previous.orElseThrow();
    }

    /** A hop is an inventory host name, or {@code [user@]host[:port]} looked up in ssh-config. */
    private SshTarget jumpTarget(String hop, int depth) throws SshException {
        if (depth > MAX_JUMP_DEPTH) {
            throw new SshException("SSH-TARGET", "The jump hosts of '" + hop + "' form a loop or a chain longer than "
                    + MAX_JUMP_DEPTH + "; check 'jump:' in the inventory and ProxyJump in ~/.ssh/config");
        }
        Optional<HostEntry> entry = inventory.host(hop);
        if (entry.isPresent()) {
            return fromInventory(entry.get(), depth);
        }
        HopSpec spec = HopSpec.parse(hop);
        SshConfigEntry fromHop = new SshConfigEntry(Optional.empty(), spec.port(), spec.user(), List.of(), Optional.empty());
        return merge(spec.host(), Optional.empty(), fromHop.orElse(sshConfig.lookup(spec.host())), depth);
    }

    private record HopSpec(Optional<String> user, String host, Optional<Integer> port) {

        static HopSpec parse(String hop) {
            int at = hop.lastIndexOf('@');
            Optional<String> user = at > 0 ? Optional.of(hop.substring(0, at)) : Optional.empty();
            String rest = hop.substring(at + 1);
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && rest.indexOf(':') == colon && rest.substring(colon + 1).matches("\\d+")) {
                return new HopSpec(user, rest.substring(0, colon), Optional.of(Integer.parseInt(rest.substring(colon + 1))));
            }
            return new HopSpec(user, rest, Optional.empty());
        }
    }
}
