package dev.flightdeck.testing.ssh;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 in front of a server that can be frozen, as a hung host or a silent network would be:
 * connections stay open, nothing is closed, and no byte goes either way until {@link #resume()}. Replaces sending
 * {@code SIGSTOP} to the server's processes (which Java cannot do without running {@code kill}).
 */
public final class FreezableRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final Object gate = new Object();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean frozen;
    private volatile boolean closed;

    private FreezableRelay(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    public static FreezableRelay to(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        FreezableRelay relay = new FreezableRelay(listener, targetPort);
        Thread acceptor = new Thread(relay::accept, "relay-accept-" + targetPort);
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    public int port() {
        return listener.getLocalPort();
    }

    public void freeze() {
        frozen = true;
    }

    public void resume() {
        synchronized (gate) {
            frozen = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 5000);
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[16384];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            awaitThaw();
                            out.write(buffer, 0, read);
                            out.flush();
                        }
                    } catch (IOException | InterruptedException ended) {
                        // either side closed: the other follows
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                    }
                },
                "relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitThaw() throws InterruptedException {
        synchronized (gate) {
            while (frozen && !closed) {
                gate.wait();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        resume();
        closeQuietly(listener);
        sockets.forEach(FreezableRelay::closeQuietly);
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
