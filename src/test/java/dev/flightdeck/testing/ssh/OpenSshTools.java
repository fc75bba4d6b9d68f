package dev.flightdeck.testing.ssh;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's own client tools ({@code ssh}, {@code ssh-keygen}) as the reference in interoperability tests: what
 * Flightdeck writes must be what OpenSSH reads, and the other way round. Flightdeck itself never runs them (see
 * {@code NoShellingOutTest}). When a tool is missing the test FAILS with what to install, like {@link OpenSshServer}.
 */
public final class OpenSshTools {

    private OpenSshTools() {}

    /** The outcome of one run: exit code and stdout+stderr together. */
    public record Run(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** {@code SHA256:...} of a public key file, as {@code ssh-keygen -lf} prints it. */
    public static String fingerprint(Path publicKey) throws IOException {
        Run run = run(List.of("ssh-keygen", "-lf", publicKey.toString()), 30);
        if (!run.succeeded()) {
            throw new IOException("ssh-keygen -lf " + publicKey + " failed: " + run.output());
        }
        return run.output().trim().split("\\s+")[1];
    }

    /** {@code ssh-keygen -H}: hashes the names of a known_hosts file in place. */
    public static void hashKnownHosts(Path knownHosts) throws IOException {
        Run run = run(List.of("ssh-keygen", "-q", "-H", "-f", knownHosts.toString()), 30);
        if (!run.succeeded()) {
            throw new IOException("ssh-keygen -H failed: " + run.output());
        }
        Files.deleteIfExists(Path.of(knownHosts + ".old"));
    }

    /** {@code ssh-keygen -y -f KEY [-P passphrase]}: the public key line OpenSSH derives from a private key file. */
    public static Run derivePublicKey(Path privateKey, String passphrase) throws IOException {
        return run(List.of("ssh-keygen", "-y", "-P", passphrase, "-f", privateKey.toString()), 30);
    }

    /**
     * {@code ssh -F CONFIG [options] DESTINATION COMMAND} in batch mode (never a prompt), with HOME set to
     * {@code home} and no agent unless {@code agentSocket} is given.
     */
    public static Run ssh(
            Path home, Path config, String agentSocket, List<String> options, String destination, String command)
            throws IOException {
        List<String> argv = new ArrayList<>(List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes"));
        argv.addAll(options);
        argv.add(destination);
        argv.add(command);
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("SSH_AUTH_SOCK");
        if (agentSocket != null) {
            builder.environment().put("SSH_AUTH_SOCK", agentSocket);
        }
        return run(builder, 60);
    }

    private static Run run(List<String> argv, int seconds) throws IOException {
        return run(new ProcessBuilder(argv).redirectErrorStream(true), seconds);
    }

    private static Run run(ProcessBuilder builder, int seconds) throws IOException {
        Process process;
        try {
            process = builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new AssertionError(
                    "OpenSSH interoperability tests need the OpenSSH client ("
                            + builder.command().get(0)
                            + "): install the openssh-client package (apt-get install openssh-client); CI installs it.",
                    e);
        }
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", builder.command()) + " did not finish in " + seconds + " s");
            }
            return new Run(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted", e);
        }
    }
}
