package dev.flightdeck.ssh.loopback;

import dev.flightdeck.ssh.keys.OpenSshKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real OpenSSH {@code sshd} on 127.0.0.1, run as the current user with its own config, ed25519 host key,
 * ed25519 user key (made in Java, {@link OpenSshKeys}) and authorized_keys in one directory. Used by {@code flightdeck bench ssh}, by the
 * interoperability tests and (later) by the sandbox. Nothing outside the directory is read or written,
 * except {@code /run/sshd}, which sshd insists on for privilege separation.
 */
public final class LoopbackSshd implements AutoCloseable {

    public static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Path directory;
    private final int port;
    private final Process process;

    private LoopbackSshd(Path directory, int port, Process process) {
        this.directory = directory;
        this.port = port;
        this.process = process;
    }

    public static boolean installed() {
        return Files.isExecutable(SSHD);
    }

    /** Generates keys and config in {@code directory} (created if needed), starts sshd and waits until it answers. */
    public static LoopbackSshd start(Path directory) throws IOException {
        if (!installed()) {
            throw new IOException(
                    "OpenSSH server is not installed (" + SSHD + " is missing): install the openssh-server package");
        }
        Files.createDirectories(directory);
        Files.createDirectories(Path.of("/run/sshd"));
        Path hostKey = directory.resolve("ssh_host_ed25519_key");
        Path userKey = directory.resolve("id_ed25519");
        if (!Files.exists(hostKey)) {
            OpenSshKeys.generate(hostKey, OpenSshKeys.Type.ED25519);
            OpenSshKeys.generate(userKey, OpenSshKeys.Type.ED25519);
            Files.writeString(directory.resolve("authorized_keys"), OpenSshKeys.publicKeyLine(userKey) + "\n");
        }
        int port = freePort();
        Path config = directory.resolve("sshd_config");
        Files.writeString(config, SshdConfig.text(directory, port), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(List.of(SSHD.toString(), "-D", "-e", "-f", config.toString()))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("sshd.log").toFile())
                .start();
        LoopbackSshd sshd = new LoopbackSshd(directory, port, process);
        sshd.awaitBanner();
        return sshd;
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The login: sshd runs as the current user, who is the only one it can let in. */
    public String user() {
        return System.getProperty("user.name");
    }

    public Path userKey() {
        return directory.resolve("id_ed25519");
    }

    public Path directory() {
        return directory;
    }

    /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}: the line that makes a client trust this server. */
    public String knownHostsLine() throws IOException {
        return "[" + host() + "]:" + port + " " + OpenSshKeys.publicKeyLine(directory.resolve("ssh_host_ed25519_key"));
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /**
     * Kills the server and every connection it serves at once ({@code SIGKILL} through {@link ProcessHandle}), as a
     * crash or power loss would.
     */
    public void killAbruptly() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        killAbruptly();
    }

    private void awaitBanner() throws IOException {
        long until = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited at startup: "
                        + Files.readString(directory.resolve("sshd.log")).trim());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host(), port), 500);
                socket.setSoTimeout(2000);
                InputStream in = socket.getInputStream();
                byte[] banner = in.readNBytes(4);
                if (new String(banner, StandardCharsets.US_ASCII).equals("SSH-")) {
                    return;
                }
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IOException("sshd did not answer on port " + port + " within " + STARTUP.toSeconds() + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
