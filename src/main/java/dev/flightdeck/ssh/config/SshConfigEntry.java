package dev.flightdeck.ssh.config;

import java.util.List;
import java.util.Optional;

/**
 * What {@code ~/.ssh/config} says about one host alias, after OpenSSH's "first value wins" rule.
 * Only the keywords Flightdeck honours are kept; {@code identityFiles} accumulate as in OpenSSH.
 */
public record SshConfigEntry(Optional<String> hostName, Optional<Integer> port, Optional<String> user,
                             List<String> identityFiles, Optional<String> proxyJump) {

    public SshConfigEntry {
        identityFiles = List.copyOf(identityFiles);
    }

    public static SshConfigEntry empty() {
        return new SshConfigEntry(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** Fields of this entry, with gaps filled from {@code fallback}. */
    public SshConfigEntry orElse(SshConfigEntry fallback) {
        List<String> identities = identityFiles.isEmpty() ? fallback.identityFiles : identityFiles;
        return new SshConfigEntry(hostName.or(fallback::hostName), port.or(fallback::port), user.or(fallback::user),
                identities, proxyJump.or(fallback::proxyJump));
    }
}
