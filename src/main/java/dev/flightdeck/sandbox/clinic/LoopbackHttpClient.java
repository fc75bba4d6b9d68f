package dev.flightdeck.sandbox.clinic;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive connection to a clinic app for the synthetic load: GET, read the status and skip the body. Plain
 * sockets and no JDK HTTP client, whose selector and keep-alive threads outlive their use and would be left behind
 * after the sandbox closes.
 */
final class LoopbackHttpClient implements AutoCloseable {

    private final int port;
    private Socket socket;
    private InputStream in;

    LoopbackHttpClient(int port) {
        this.port = port;
    }

    /** The status of {@code GET path}; reconnects when the app restarted; IOException when it is down. */
    int get(String path) throws IOException {
        try {
            return exchange(path);
        } catch (IOException stale) {
            close();
            return exchange(path);
        }
    }

    private int exchange(String path) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            socket.setSoTimeout(5000);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream());
        }
        socket.getOutputStream()
                .write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: sandbox-load\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        String statusLine = readLine();
        int length = 0;
        for (String header = readLine(); !header.isEmpty(); header = readLine()) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).strip());
            }
        }
        in.readNBytes(length);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b == -1) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }
}
