package dev.flightdeck.testing.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH {@code ssh-agent} for one test, listening on a socket in the test's directory (never the
 * operator's agent). It runs in the foreground ({@code -D}) as a child of the test JVM, so {@link #close()}
 * ends exactly this process.
 *
 * <pre>{@code
 * try (SshAgent agent = SshAgent.start(dir)) {
 *     agent.add(key);                    // ssh-add, as an operator would
 *     Path socket = agent.socket();      // what SSH_AUTH_SOCK would say
 * }
 * }</pre>
 */
public final class SshAgent implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Path socket;

    private SshAgent(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    public static SshAgent start(Path directory) throws IOException, InterruptedException {
        Files.createDirectories(directory);
        // Unix socket paths are limited to ~108 bytes: keep the name short.
        Path socket = directory.resolve("agent.sock");
        Process process = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("ssh-agent.log").toFile())
                .start();
        SshAgent agent = new SshAgent(process, socket);
        Instant giveUp = Instant.now().plus(STARTUP);
        while (!Files.exists(socket)) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                agent.close();
                throw new IOException("ssh-agent did not open " + socket + ": "
                        + Files.readString(directory.resolve("ssh-agent.log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        return agent;
    }

    /** The agent's socket, as {@code SSH_AUTH_SOCK} would name it. */
    public Path socket() {
        return socket;
    }

    /** {@code ssh-add KEY}: the agent now holds the key; the key file itself is not needed afterwards. */
    public void add(Path privateKey) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("ssh-add", privateKey.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("SSH_AUTH_SOCK", socket.toString());
        Process add = builder.start();
        String output = new String(add.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!add.waitFor(10, TimeUnit.SECONDS) || add.exitValue() != 0) {
            add.destroyForcibly();
            throw new IOException("ssh-add " + privateKey + " failed: " + output);
        }
    }

    /** Ends the agent (SIGTERM, then SIGKILL); its socket goes with it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
