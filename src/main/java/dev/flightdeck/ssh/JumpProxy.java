package dev.flightdeck.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * ProxyJump: the target's SSH connection runs inside a {@code direct-tcpip} channel of the jump host's
 * connection, as {@code ssh -J} does. No local port is opened and no extra thread is started: the jump
 * connection's reader thread feeds the channel's stream.
 */
final class JumpProxy implements Proxy {

    private final Session jumpSession;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    JumpProxy(Session jumpSession) {
        this.jumpSession = jumpSession;
    }

    @Override
    public void connect(SocketFactory socketFactory, String host, int port, int timeout) throws Exception {
        channel = jumpSession.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    /** There is no socket of our own; keepalives run on the jump host's connection. */
    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
