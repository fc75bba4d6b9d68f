package dev.flightdeck.ssh;

import com.jcraft.jsch.Session;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.hostkey.TrustResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The SSH connections of one run: one connection per host, opened on first use and reused by every command
 * after it (jump hosts included), reopened if it was lost, all closed by {@link #close()}.
 * This is the entry point the session engine uses to run commands and to record trust decisions.
 */
public final class SshSessions implements AutoCloseable {

    private final SshSettings settings;
    private final HostKeyVerifier verifier;
    private final SshEventListener listener;
    private final SshConnector connector;
    private final Map<SshTarget, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong commandNumbers = new AtomicLong();

    public SshSessions(
            SshSettings settings, HostKeyVerifier verifier, Credentials credentials, SshEventListener listener) {
        this.settings = settings;
        this.verifier = verifier;
        this.listener = listener;
        this.connector = new SshConnector(settings, verifier, credentials, listener);
    }

    /**
     * The live connection to {@code target}, opening it if needed.
     *
     * @throws UnknownHostKeyException  the host key is not on file: ask the operator, then {@link #trust}
     * @throws ChangedHostKeyException  the host key differs from the one on file: refused, no way around it
     * @throws SshException             unreachable, refused login, timeout (see {@link SshException#code()})
     */
    public HostSession connect(SshTarget target) throws SshException {
        Slot slot = slots.computeIfAbsent(target, t -> new Slot());
        synchronized (slot) {
            if (slot.session != null && slot.session.isConnected()) {
                return slot.session;
            }
            if (slot.session != null) {
                slot.session.reportIfLost();
            }
            Optional<Session> through = Optional.empty();
            if (target.jump().isPresent()) {
                through = Optional.of(connect(target.jump().get()).jschSession());
            }
            long start = System.nanoTime();
            Session session = connector.open(target, through);
            slot.session = new HostSession(target, session, listener);
            listener.connectionOpened(target, Duration.ofNanos(System.nanoTime() - start));
            return slot.session;
        }
    }

    /**
     * Starts a command; the intent is reported before anything is sent. Never throws for SSH reasons: a
     * command that could not start is a finished {@link RunningCommand} whose outcome is
     * {@link CommandOutcome.FailedToStart} carrying the typed exception (an unknown host key among them).
     */
    public RunningCommand start(SshTarget target, CommandRequest request) {
        CommandId id = new CommandId(target.name(), commandNumbers.incrementAndGet());
        listener.commandIntent(id, target, request.command());
        try {
            return RunningCommand.start(id, connect(target), request, settings, listener);
        } catch (SshException e) {
            CommandOutcome outcome = new CommandOutcome.FailedToStart(e);
            listener.commandOutcome(id, target, outcome, Duration.ZERO);
            return RunningCommand.failed(new CommandResult(
                    id, target, request.command(), outcome, Duration.ZERO, new byte[0], new byte[0], Optional.empty()));
        }
    }

    /** Runs a command to its end (or deadline) on the calling thread. */
    public CommandResult exec(SshTarget target, CommandRequest request) throws InterruptedException {
        return start(target, request).await();
    }

    /**
     * The operator's explicit decision to trust the host key with this fingerprint (as shown by
     * {@link UnknownHostKeyException#key()}), written to Flightdeck's known-hosts file. A changed key is
     * never accepted this way.
     */
    public TrustResult trust(SshTarget target, String fingerprint) {
        TrustResult result = verifier.trust(target.knownHostsName(), fingerprint);
        listener.hostKeyTrustDecided(target, fingerprint, result);
        return result;
    }

    /** How many hosts currently have a live connection (jump hosts included). */
    public int openConnections() {
        return (int) slots.values().stream()
                .filter(slot -> slot.session != null && slot.session.isConnected())
                .count();
    }

    /** Closes every connection, targets before the jump hosts they run through. */
    @Override
    public void close() {
        List<Slot> jumps = new ArrayList<>();
        slots.forEach((target, slot) -> {
            if (isJumpHost(target)) {
                jumps.add(slot);
            } else {
                slot.close();
            }
        });
        jumps.forEach(Slot::close);
        slots.clear();
    }

    private boolean isJumpHost(SshTarget candidate) {
        return slots.keySet().stream()
                .anyMatch(t -> t.jump().filter(candidate::equals).isPresent());
    }

    private static final class Slot {
        private HostSession session;

        synchronized void close() {
            if (session != null) {
                session.close();
            }
        }
    }
}
