package dev.flightdeck.testing.ssh;

import dev.flightdeck.ssh.keys.OpenSshKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellFactory;

/**
 * An Apache MINA SSHD server in this JVM on 127.0.0.1 (random port) that runs every exec request through
 * {@code /bin/sh -c}, so tests run real shell commands: pipes, redirections, exit codes, signals.
 * Login is by an ed25519 user key generated in Java ({@link OpenSshKeys}) ({@link #userKey()}) unless the directory already
 * holds one, and by password only when started with {@link #startWithPassword}; the host key is ECDSA
 * P-256, stored in the directory so a restarted server keeps its identity. TCP forwarding is allowed, so a
 * MINA server also serves as a jump host.
 *
 * <pre>{@code
 * try (MinaSshServer server = MinaSshServer.start(tempDir)) {
 *     SshTarget target = server.target("app1");
 * }
 * }</pre>
 */
public final class MinaSshServer implements AutoCloseable {

    private final SshServer server;
    private final Path directory;

    private MinaSshServer(SshServer server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    public static MinaSshServer start(Path directory) throws IOException {
        return start(directory, Optional.empty());
    }

    /**
     * The same server that also accepts password login (and keyboard-interactive, which MINA answers with the same
     * check) for exactly one user and password; keys work as with {@link #start(Path)}.
     */
    public static MinaSshServer startWithPassword(Path directory, String user, String password) throws IOException {
        PasswordAuthenticator onlyThisOne =
                (offeredUser, offeredPassword, session) -> user.equals(offeredUser) && password.equals(offeredPassword);
        return start(directory, Optional.of(onlyThisOne));
    }

    private static MinaSshServer start(Path directory, Optional<PasswordAuthenticator> passwords) throws IOException {
        Files.createDirectories(directory);
        Path userKey = directory.resolve("id_ed25519");
        if (!Files.exists(userKey)) {
            OpenSshKeys.generate(userKey, OpenSshKeys.Type.ED25519);
            Files.writeString(directory.resolve("authorized_keys"), OpenSshKeys.publicKeyLine(userKey) + "\n");
        }
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        SimpleGeneratorHostKeyProvider hostKeys =
                new SimpleGeneratorHostKeyProvider(directory.resolve("mina_host_key"));
        hostKeys.setAlgorithm("EC");
        hostKeys.setKeySize(256);
        server.setKeyPairProvider(hostKeys);
        server.setPublickeyAuthenticator(preloadedKeys(directory.resolve("authorized_keys")));
        passwords.ifPresent(server::setPasswordAuthenticator);
        // the first argument is the command line as received: since sshd 2.16 the factory runs it as /bin/sh -c COMMAND
        server.setCommandFactory((channel, command) ->
                new ProcessShellFactory(command, List.of("/bin/sh", "-c", command)).createShell(channel));
        server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        server.start();
        return new MinaSshServer(server, directory);
    }

    /**
     * The authorized keys read once at start. MINA's AuthorizedKeysAuthenticator loads the file lazily and, on the
     * first logins arriving at the same moment (a parallel fan-out), refused one of them.
     */
    private static PublickeyAuthenticator preloadedKeys(Path authorizedKeys) throws IOException {
        try {
            var entries = AuthorizedKeyEntry.readAuthorizedKeys(authorizedKeys);
            var keys = PublicKeyEntry.resolvePublicKeyEntries(null, entries, PublicKeyEntryResolver.FAILING);
            return new KeySetPublickeyAuthenticator("authorized_keys", keys);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read " + authorizedKeys + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public Path userKey() {
        return directory.resolve("id_ed25519");
    }

    /** {@code [127.0.0.1]:PORT ecdsa-sha2-nistp256 AAAA...}: the known_hosts line for this server. */
    public String knownHostsLine() throws IOException {
        try {
            KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
            return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    /** Stops at once, dropping every open connection. */
    public void stopAbruptly() throws IOException {
        server.stop(true);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
