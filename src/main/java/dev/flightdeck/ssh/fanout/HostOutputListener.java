package dev.flightdeck.ssh.fanout;

import dev.flightdeck.ssh.OutputStreamKind;
import dev.flightdeck.ssh.SshTarget;

/** A fan-out's output, line by line, tagged with the host it came from (called on that host's reader thread). */
@FunctionalInterface
public interface HostOutputListener {

    HostOutputListener IGNORE = (host, stream, line) -> {};

    void line(SshTarget host, OutputStreamKind stream, String line);
}
