package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Position;
import java.util.List;
import java.util.Optional;

/**
 * An SSH target. Fields left empty are taken from {@code ~/.ssh/config}'s matching {@code Host} block,
 * then from SSH defaults (port 22, the local user name).
 *
 * @param identity path to a private key file ({@code ~} allowed)
 * @param agent    whether to offer the ssh-agent's keys (default: when {@code SSH_AUTH_SOCK} is set)
 * @param jump     name of another inventory host (or ssh-config alias) to tunnel through
 * @param metrics  whether the instruments read CPU, load, memory and disks of this host
 */
public record HostEntry(
        String name,
        Optional<String> address,
        Optional<Integer> port,
        Optional<String> user,
        Optional<String> identity,
        Optional<Boolean> agent,
        Optional<String> jump,
        List<String> groups,
        Position position,
        MetricsSettings metrics) {

    public HostEntry {
        groups = List.copyOf(groups);
    }

    /** A host read by the instruments with the default settings. */
    public HostEntry(
            String name,
            Optional<String> address,
            Optional<Integer> port,
            Optional<String> user,
            Optional<String> identity,
            Optional<Boolean> agent,
            Optional<String> jump,
            List<String> groups,
            Position position) {
        this(name, address, port, user, identity, agent, jump, groups, position, MetricsSettings.ON);
    }
}
