package dev.flightdeck.ssh;

import com.jcraft.jsch.Session;
import java.util.concurrent.atomic.AtomicBoolean;

/** One live, authenticated connection to a host, shared by every command run there. */
public final class HostSession {

    private final SshTarget target;
    private final Session session;
    private final SshEventListener listener;
    private final AtomicBoolean closedByUs = new AtomicBoolean();
    private final AtomicBoolean lossReported = new AtomicBoolean();

    HostSession(SshTarget target, Session session, SshEventListener listener) {
        this.target = target;
        this.session = session;
        this.listener = listener;
    }

    public SshTarget target() {
        return target;
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    public String serverVersion() {
        return session.getServerVersion();
    }

    Session jschSession() {
        return session;
    }

    /** Reports the loss once, when the connection ended without us closing it. */
    boolean reportIfLost() {
        if (session.isConnected() || closedByUs.get()) {
            return false;
        }
        if (lossReported.compareAndSet(false, true)) {
            listener.connectionLost(
                    target, "the connection to " + target.describe() + " was closed by the server or the network");
        }
        return true;
    }

    void close() {
        if (closedByUs.compareAndSet(false, true) && session.isConnected()) {
            session.disconnect();
            listener.connectionClosed(target);
        }
    }
}
