package dev.flightdeck.ssh.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ~/.ssh/config} says about one host alias, after OpenSSH's "first value wins" rule. Only the keywords
 * Flightdeck honours are kept; {@code identityFiles} accumulate as in OpenSSH. {@code warnings} name every keyword
 * that applied to the host but that Flightdeck does not act on ({@code file:line: ...}), so the operator sees it.
 *
 * @param identityAgent       as written: a socket path, {@code none} or {@code SSH_AUTH_SOCK} / {@code $VARIABLE}
 * @param userKnownHostsFiles as written ({@code ~} not yet expanded); empty means OpenSSH's default
 */
public record SshConfigEntry(
        Optional<String> hostName,
        Optional<Integer> port,
        Optional<String> user,
        List<String> identityFiles,
        Optional<String> proxyJump,
        Optional<Boolean> identitiesOnly,
        Optional<String> identityAgent,
        List<String> userKnownHostsFiles,
        List<String> globalKnownHostsFiles,
        Optional<Duration> connectTimeout,
        Optional<Duration> serverAliveInterval,
        Optional<Integer> serverAliveCountMax,
        List<String> warnings) {

    public SshConfigEntry {
        identityFiles = List.copyOf(identityFiles);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        globalKnownHostsFiles = List.copyOf(globalKnownHostsFiles);
        warnings = List.copyOf(warnings);
    }

    /** Where the connection goes and with which key files; everything else as OpenSSH's defaults. */
    public SshConfigEntry(
            Optional<String> hostName,
            Optional<Integer> port,
            Optional<String> user,
            List<String> identityFiles,
            Optional<String> proxyJump) {
        this(
                hostName,
                port,
                user,
                identityFiles,
                proxyJump,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of());
    }

    public static SshConfigEntry empty() {
        return new SshConfigEntry(Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty());
    }

    /** Fields of this entry, with gaps filled from {@code fallback}. */
    public SshConfigEntry orElse(SshConfigEntry fallback) {
        List<String> identities = identityFiles.isEmpty() ? fallback.identityFiles : identityFiles;
        List<String> warned = new ArrayList<>(warnings);
        fallback.warnings.stream().filter(w -> !warned.contains(w)).forEach(warned::add);
        return new SshConfigEntry(
                hostName.or(fallback::hostName),
                port.or(fallback::port),
                user.or(fallback::user),
                identities,
                proxyJump.or(fallback::proxyJump),
                identitiesOnly.or(fallback::identitiesOnly),
                identityAgent.or(fallback::identityAgent),
                userKnownHostsFiles.isEmpty() ? fallback.userKnownHostsFiles : userKnownHostsFiles,
                globalKnownHostsFiles.isEmpty() ? fallback.globalKnownHostsFiles : globalKnownHostsFiles,
                connectTimeout.or(fallback::connectTimeout),
                serverAliveInterval.or(fallback::serverAliveInterval),
                serverAliveCountMax.or(fallback::serverAliveCountMax),
                warned);
    }
}
