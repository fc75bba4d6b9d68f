package dev.flightdeck.live;

import dev.flightdeck.session.Session;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.hostkey.HostKeyVerdict;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Puts every SSH connection change and host-key decision into the session's journal. (Command intents, output
 * and outcomes are journaled by the session itself, around each step.)
 */
final class JournalingSshEvents implements SshEventListener {

    private final Supplier<Optional<Session>> session;

    JournalingSshEvents(Supplier<Optional<Session>> session) {
        this.session = session;
    }

    @Override
    public void connectionOpened(SshTarget target, Duration took) {
        session.get()
                .ifPresent(s -> s.recordConnection(
                        target.name(), "connected", target.describe() + " in " + took.toMillis() + " ms"));
    }

    @Override
    public void connectionClosed(SshTarget target) {
        session.get().ifPresent(s -> s.recordConnection(target.name(), "closed", target.describe()));
    }

    @Override
    public void connectionLost(SshTarget target, String reason) {
        session.get().ifPresent(s -> s.recordConnection(target.name(), "lost", reason));
    }

    @Override
    public void hostKeyChecked(SshTarget target, HostKeyVerdict verdict) {
        session.get().ifPresent(s -> {
            if (verdict instanceof HostKeyVerdict.Trusted trusted) {
                s.recordHostKeyCheck(
                        target.name(),
                        trusted.key().keyType(),
                        trusted.key().fingerprint(),
                        "known (" + trusted.location() + ")");
            } else if (verdict instanceof HostKeyVerdict.Unknown unknown) {
                s.recordHostKeyCheck(
                        target.name(),
                        unknown.key().keyType(),
                        unknown.key().fingerprint(),
                        "unknown: refused until the operator trusts it");
            } else if (verdict instanceof HostKeyVerdict.Changed changed) {
                s.recordHostKeyCheck(
                        target.name(),
                        changed.key().keyType(),
                        changed.key().fingerprint(),
                        "CHANGED: refused (known as " + String.join(", ", changed.knownFingerprints()) + ")");
            } else if (verdict instanceof HostKeyVerdict.Certified certified) {
                s.recordHostKeyCheck(
                        target.name(),
                        "host certificate",
                        certified.key().fingerprint(),
                        "certified by the @cert-authority key "
                                + certified.key().fingerprint() + " (" + String.join(", ", certified.authorities())
                                + ")");
            } else if (verdict instanceof HostKeyVerdict.Revoked revoked) {
                s.recordHostKeyCheck(
                        target.name(), revoked.key().keyType(), revoked.key().fingerprint(), "revoked: refused");
            }
        });
    }

    @Override
    public void hostKeyTrustDecided(SshTarget target, String fingerprint, TrustResult result) {
        session.get().ifPresent(s -> s.recordHostKeyDecision(target.name(), fingerprint, "trust decision: " + result));
    }
}
