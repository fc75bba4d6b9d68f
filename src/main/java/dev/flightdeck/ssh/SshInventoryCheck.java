package dev.flightdeck.ssh;

import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.HostEntry;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.ssh.config.SshConfigEntry;
import dev.flightdeck.ssh.config.SshConfigException;
import dev.flightdeck.ssh.config.SshConfigFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks an inventory's hosts against the operator's SSH setup before a window starts, with the inventory's
 * line numbers: a host nobody says where to find, a key file that is not there, a jump chain that loops.
 * Run by {@code runbook validate --inventory} and the setup screen, so surprises come before the window.
 */
public final class SshInventoryCheck {

    private SshInventoryCheck() {}

    public static void check(Inventory inventory, SshConfigFile sshConfig, SshUserHome userHome, Problems problems) {
        TargetResolver resolver = new TargetResolver(inventory, sshConfig, userHome);
        for (HostEntry host : inventory.hosts()) {
            SshConfigEntry config;
            try {
                config = sshConfig.lookup(host.name(), host.user(), userHome.localUser());
            } catch (SshConfigException e) {
                problems.error(host.position(), "host '" + host.name() + "': " + e.getMessage());
                continue;
            }
            if (host.address().isEmpty() && config.hostName().isEmpty()) {
                problems.warning(
                        host.position(),
                        "host '" + host.name() + "' has no address and " + userHome.config()
                                + " has no HostName for it: '" + host.name() + "' itself will be looked up in DNS");
            }
            // what ssh-config says for this host that Flightdeck will not do: visible before the window, not a silent
            // log line
            config.warnings()
                    .forEach(warning -> problems.warning(host.position(), "host '" + host.name() + "': " + warning));
            host.identity()
                    .map(userHome::expand)
                    .filter(path -> !Files.isRegularFile(path))
                    .ifPresent(path -> problems.error(
                            host.position(),
                            "identity file " + path + " of host '" + host.name() + "' does not exist"));
            try {
                resolver.target(host.name());
            } catch (SshException e) {
                // The resolver's message names the hop where it noticed the loop; say which entry this line is.
                problems.error(host.position(), "host '" + host.name() + "': " + e.getMessage());
            }
        }
    }

    /** The same check reading {@code ~/.ssh/config} from disk (a missing file is an empty config). */
    public static void check(Inventory inventory, SshUserHome userHome, Problems problems) throws IOException {
        Path config = userHome.config();
        check(inventory, SshConfigFile.read(config), userHome, problems);
    }
}
