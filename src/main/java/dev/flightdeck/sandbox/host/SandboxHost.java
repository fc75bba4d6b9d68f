package dev.flightdeck.sandbox.host;

import dev.flightdeck.sandbox.error.SandboxException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.InvertedShellWrapper;
import org.slf4j.LoggerFactory;

/**
 * One sandbox host ({@code app1}, {@code app2}, {@code db1}): an Apache MINA SSH server on a loopback port with a host
 * key generated for this sandbox, public-key login with the sandbox's user key only, and every exec request run by
 * {@code /bin/sh} in the host's own directory (see {@link HostShell}).
 */
public final class SandboxHost implements AutoCloseable {

    private final String name;
    private final Path directory;
    private final SshServer server;
    private final PublicKey hostKey;

    private SandboxHost(String name, Path directory, SshServer server, PublicKey hostKey) {
        this.name = name;
        this.directory = directory;
        this.server = server;
        this.hostKey = hostKey;
    }

    /**
     * @param hostKeyFile where the generated ECDSA host key is kept (outside the host's directory, so the host's shell
     *                    cannot read it)
     */
    public static SandboxHost start(
            String name,
            Path directory,
            Path hostKeyFile,
            Collection<PublicKey> userKeys,
            Map<String, String> environment) {
        SshServer server = SshServer.setUpDefaultServer();
        try {
            server.setHost("127.0.0.1");
            server.setPort(0);
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(hostKeyFile);
            hostKeys.setAlgorithm("EC");
            hostKeys.setKeySize(256);
            server.setKeyPairProvider(hostKeys);
            server.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("sandbox-user-key", userKeys));
            server.setCommandFactory(
                    (channel, command) -> new InvertedShellWrapper(new HostShell(command, environment)));
            server.start();
            KeyPair pair = hostKeys.loadKeys(null).iterator().next();
            return new SandboxHost(name, directory, server, pair.getPublic());
        } catch (IOException | RuntimeException e) {
            stopQuietly(server);
            throw new SandboxException(
                    SandboxException.Code.SERVICE_FAILED,
                    "the SSH server of sandbox host " + name + " did not start: " + e.getMessage(),
                    e);
        }
    }

    public String name() {
        return name;
    }

    public Path directory() {
        return directory;
    }

    public int port() {
        return server.getPort();
    }

    /** {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256 AAAA...}, the line that makes this host known. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey);
    }

    /** The host key's fingerprint as OpenSSH prints it ({@code SHA256:...}), for {@code --trust-host} and the operator. */
    public String fingerprint() {
        try {
            String blob = PublicKeyEntry.toString(hostKey).split(" ")[1];
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Base64.getDecoder().decode(blob));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(SshServer server) {
        try {
            server.stop(true);
        } catch (IOException e) {
            LoggerFactory.getLogger(SandboxHost.class)
                    .warn("an SSH server of the sandbox did not stop cleanly: {}", e.getMessage());
        }
    }
}
