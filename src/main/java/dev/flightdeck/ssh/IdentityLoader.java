package dev.flightdeck.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
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
import java.util.Vector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Loads a target's private keys into a JSch instance, asking for passphrases of encrypted ones. */
final class IdentityLoader {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityLoader.class);

    private IdentityLoader() {}

    /**
     * The target's key files first, then (unless {@code IdentitiesOnly yes}, {@code IdentityAgent none} or
     * {@code agent: false}) the agent's keys that are not already among them: the order OpenSSH offers them in.
     */
    static void addIdentities(JSch jsch, SshTarget target, Credentials credentials) throws JSchException {
        addFiles(jsch, target, credentials);
        if (target.agent()) {
            target.agentSocket().ifPresent(socket -> useAgent(jsch, socket));
        }
    }

    private static void addFiles(JSch jsch, SshTarget target, Credentials credentials) throws JSchException {
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
     * Adds the agent's keys after the key files already loaded. The socket is the one the target carries, not JSch's
     * own reading of this process's SSH_AUTH_SOCK, so the agent is the operator's (or a test's) and connecting never
     * depends on the JVM's environment. Java 16+ Unix domain sockets ({@link UnixDomainSocketFactory}) reach it: no
     * native library is needed.
     */
    private static void useAgent(JSch jsch, Path socket) {
        try {
            SSHAgentConnector connector = new SSHAgentConnector(new UnixDomainSocketFactory(), socket);
            if (connector.isAvailable()) {
                jsch.setIdentityRepository(
                        new FilesThenAgent(jsch.getIdentityRepository(), new AgentIdentityRepository(connector)));
            } else {
                LOG.info("ssh-agent at {} does not answer; its keys are not offered", socket);
            }
        } catch (AgentProxyException | RuntimeException e) {
            LOG.info("ssh-agent at {} not usable: {}", socket, e.getMessage());
        }
    }

    /** Key files, then the agent's keys not among them; nothing is ever added to or removed from the agent. */
    private record FilesThenAgent(IdentityRepository files, IdentityRepository agent) implements IdentityRepository {

        @Override
        public String getName() {
            return "key files, then ssh-agent";
        }

        @Override
        public int getStatus() {
            return RUNNING;
        }

        @Override
        public Vector<Identity> getIdentities() {
            Vector<Identity> all = new Vector<>(files.getIdentities());
            for (Identity fromAgent : agent.getIdentities()) {
                if (all.stream()
                        .noneMatch(known -> Arrays.equals(known.getPublicKeyBlob(), fromAgent.getPublicKeyBlob()))) {
                    all.add(fromAgent);
                }
            }
            return all;
        }

        @Override
        public boolean add(byte[] identity) {
            return false;
        }

        @Override
        public boolean remove(byte[] blob) {
            return false;
        }

        @Override
        public void removeAll() {
            files.removeAll();
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
