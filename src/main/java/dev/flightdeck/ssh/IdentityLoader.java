package dev.flightdeck.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a target's private keys into a JSch instance, asking for passphrases of encrypted ones. */
final class IdentityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityLoader.class);

    private IdentityLoader() {
    }

    static void addIdentities(JSch jsch, SshTarget target, Credentials credentials) throws JSchException {
        if (target.identities().isEmpty()) {
            target.agentSocket().ifPresent(socket -> useAgent(jsch, socket));
        }
        for (Path identity : target.identities()) {
            if (!Files.isRegularFile(identity)) {
                LOG.info("Identity file {} for {} does not exist; skipped", identity, target.name());
                continue;
            }
            KeyPair pair = KeyPair.load(jsch, identity.toString());
            boolean encrypted = pair.isEncrypted();
            pair.dispose();
            if (!encrypted) {
                jsch.addIdentity(identity.toString());
                continue;
            }
            Optional<char[]> passphrase = credentials.passphrase(identity);
            if (passphrase.isEmpty()) {
                LOG.info("Identity file {} is encrypted and no passphrase was given; skipped", identity);
                continue;
            }
            byte[] bytes = toBytes(passphrase.get());
            try {
                jsch.addIdentity(identity.toString(), bytes);
            } finally {
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(passphrase.get(), '\0');
            }
        }
    }

    /**
     * Agent keys are used when the target names no key file of its own (a named key is what the operator meant).
     * The socket is the one the target carries, not JSch's own reading of this process's SSH_AUTH_SOCK, so the
     * agent is the operator's (or a test's) and connecting never depends on the JVM's environment. Java 16+ Unix
     * domain sockets ({@link UnixDomainSocketFactory}) reach it: no native library is needed.
     */
    private static void useAgent(JSch jsch, Path socket) {
        try {
            SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
            if (connector.isAvailable()) {
                jsch.setIdentityRepository(new AgentIdentityRepository(connector));
            } else {
                LOG.info("ssh-agent at {} does not answer; its keys are not offered", socket);
            }
        } catch (AgentProxyException | RuntimeException e) {
            LOG.info("ssh-agent at {} not usable: {}", socket, e.getMessage());
        }
    }

    private static byte[] toBytes(char[] chars) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        Arrays.fill(encoded.array(), (byte) 0);
        return bytes;
    }
}
