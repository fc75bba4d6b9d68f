package dev.flightdeck.ssh;

import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.time.Duration;

/**
 * Everything that happens over SSH, for the session engine to journal. Every method has an empty default,
 * so a listener implements only what it records.
 *
 * <p>{@link #outputLine} is called on the connection's reader thread, which also carries every other
 * command on that host: implementations must hand the line off (queue it) rather than block.
 */
public interface SshEventListener {

    SshEventListener NONE = new SshEventListener() {};

    default void connectionOpened(SshTarget target, Duration took) {}

    /** Flightdeck closed the connection (pool closed or host evicted). */
    default void connectionClosed(SshTarget target) {}

    /** The connection ended without Flightdeck closing it (server gone, network down, keepalive unanswered). */
    default void connectionLost(SshTarget target, String reason) {}

    /** Every host-key check made while connecting, whatever its verdict. */
    default void hostKeyChecked(SshTarget target, HostKeyVerdict verdict) {}

    /** An operator's trust decision for a fingerprint, and what it did. */
    default void hostKeyTrustDecided(SshTarget target, String fingerprint, TrustResult result) {}

    /** Called before anything is sent to the server: the journal's intent record. */
    default void commandIntent(CommandId id, SshTarget target, String command) {}

    default void outputLine(CommandId id, OutputStreamKind stream, String line) {}

    default void commandOutcome(CommandId id, SshTarget target, CommandOutcome outcome, Duration duration) {}
}
