package dev.flightdeck.ssh.loopback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OpenSSH's {@code ssh-keygen} to make keys and hash known_hosts files exactly as operators' tools do. */
public final class SshKeygen {

    private SshKeygen() {
    }

    /** Generates an unencrypted key pair ({@code type}: ed25519, ecdsa, rsa) at {@code privateKey} and {@code privateKey.pub}. */
    public static Path generate(Path privateKey, String type) throws IOException {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "flightdeck-" + type, "-f", privateKey.toString()));
        return privateKey;
    }

    /** Replaces host names in a known_hosts file with their {@code |1|salt|hash} form ({@code ssh-keygen -H}). */
    public static void hashKnownHosts(Path knownHosts) throws IOException {
        run(List.of("ssh-keygen", "-q", "-H", "-f", knownHosts.toString()));
        Files.deleteIfExists(Path.of(knownHosts + ".old"));
    }

    /** The {@code type base64} part of a public key file, as known_hosts and authorized_keys hold it. */
    public static String publicKey(Path privateKey) throws IOException {
        String[] fields = Files.readString(Path.of(privateKey + ".pub"), StandardCharsets.UTF_8).trim().split("\\s+");
        return fields[0] + " " + fields[1];
    }

    static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
