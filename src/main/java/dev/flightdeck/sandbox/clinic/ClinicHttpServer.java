package dev.flightdeck.sandbox.clinic;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small keep-alive HTTP/1.1 server on a loopback port for the clinic app: GET requests only, each answer written in
 * one piece with TCP_NODELAY. The JDK's {@code HttpServer} writes headers and body separately and stalls about 40 ms
 * per request on delayed ACKs (docs/metrics.md), which would put a false floor under the latency the rehearsal shows.
 */
final class ClinicHttpServer implements AutoCloseable {

    private static final int MAX_CONNECTIONS = 16;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final ServerSocket socket;
    private final ExecutorService connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Function<String, HttpAnswer> handler;
    private final Thread acceptor;

    /** Listens on {@code port} (0: any free port) and answers every request path with {@code handler}. */
    ClinicHttpServer(String name, int port, Function<String, HttpAnswer> handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
        AtomicInteger threads = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(
                0,
                MAX_CONNECTIONS,
                10,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sandbox-" + name + "-http-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.acceptor = new Thread(this::accept, "sandbox-" + name + "-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                try {
                    connections.execute(() -> serve(client));
                } catch (RejectedExecutionException busy) {
                    closeQuietly(client);
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                InputStream in = new BufferedInputStream(client.getInputStream())) {
            client.setTcpNoDelay(true);
            OutputStream out = client.getOutputStream();
            for (String head = readHead(in); head != null; head = readHead(in)) {
                out.write(answer(head).encode());
                out.flush();
            }
        } catch (IOException gone) {
            // the client closed the connection, or the server is stopping
        } finally {
            open.remove(client);
        }
    }

    private HttpAnswer answer(String head) {
        String[] requestLine = head.lines().findFirst().orElse("").split(" ");
        if (requestLine.length < 2 || !requestLine[0].equals("GET")) {
            return HttpAnswer.json(405, "{\"error\":\"only GET is served\"}");
        }
        return handler.apply(requestLine[1]);
    }

    /** The request line and headers up to the blank line; null when the connection ended. Request bodies are not read: GET only. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream(256);
        int last4 = 0;
        for (int b = in.read(); b != -1; b = in.read()) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > MAX_HEADER_BYTES) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    @Override
    public void close() {
        closeQuietly(socket);
        open.forEach(ClinicHttpServer::closeQuietly);
        connections.shutdownNow();
        try {
            acceptor.join(2000);
            connections.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
