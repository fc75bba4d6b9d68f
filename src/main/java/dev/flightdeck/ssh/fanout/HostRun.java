package dev.flightdeck.ssh.fanout;

import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.SshTarget;

/** What happened on one host of a fan-out. */
public sealed interface HostRun {

    SshTarget target();

    /** The command was started on the host (it may still have failed to start; see the result's outcome). */
    record Ran(SshTarget target, CommandResult result) implements HostRun {}

    /** The rollout stopped (too many failures, or cancelled) before this host's turn: nothing was run there. */
    record NotStarted(SshTarget target, String reason) implements HostRun {}
}
