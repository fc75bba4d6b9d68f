package dev.flightdeck.ssh.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * What Flightdeck used to run {@code ssh-keygen} for, done in Java with Apache MINA SSHD's key utilities: key pairs
 * in OpenSSH's own format ({@code openssh-key-v1}, as {@code ssh-keygen} writes them, readable by OpenSSH, JSch and
 * MINA), public key lines, SHA-256 fingerprints and hashed {@code known_hosts} names ({@code ssh-keygen -H}). Works on
 * a machine without OpenSSH installed.
 *
 * <pre>{@code
 * Path key = OpenSshKeys.generate(dir.resolve("id_ed25519"), OpenSshKeys.Type.ED25519);   // id_ed25519 and id_ed25519.pub
 * String line = OpenSshKeys.publicKeyLine(key);                                           // "ssh-ed25519 AAAA..."
 * }</pre>
 */
public final class OpenSshKeys {

    /** The key types Flightdeck makes, with OpenSSH's name and default size. */
    public enum Type {
        ED25519(KeyPairProvider.SSH_ED25519, 256),
        ECDSA(KeyPairProvider.ECDSA_SHA2_NISTP256, 256),
        RSA(KeyPairProvider.SSH_RSA, 3072);

        private final String sshName;
        private final int bits;

        Type(String sshName, int bits) {
            this.sshName = sshName;
            this.bits = bits;
        }

        /** {@code ed25519}, {@code ecdsa}, {@code rsa}: the names {@code ssh-keygen -t} takes. */
        public static Type named(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    private static final String HASHED_PREFIX = "|1|";
    private static final SecureRandom RANDOM = new SecureRandom();

    private OpenSshKeys() {}

    /** A new key pair of the type. */
    public static KeyPair newKeyPair(Type type) {
        try {
            return KeyUtils.generateKeyPair(type.sshName, type.bits);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "this Java runtime cannot make " + type.sshName + " keys: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new unencrypted key pair as {@code ssh-keygen -t TYPE -N ''} does: the private key at {@code privateKey}
     * (mode 0600, OpenSSH format) and the public key line at {@code privateKey.pub}. Existing files are replaced.
     */
    public static Path generate(Path privateKey, Type type) throws IOException {
        return generate(privateKey, type, null);
    }

    /** The same, with the private key encrypted by the passphrase (bcrypt KDF and AES-256-CTR, as ssh-keygen does). */
    public static Path generate(Path privateKey, Type type, char[] passphrase) throws IOException {
        KeyPair pair = newKeyPair(type);
        write(privateKey, pair, "flightdeck-" + type.name().toLowerCase(Locale.ROOT), passphrase);
        return privateKey;
    }

    /** Writes an existing key pair as {@code privateKey} and {@code privateKey.pub}. */
    public static void write(Path privateKey, KeyPair pair, String comment, char[] passphrase) throws IOException {
        Path parent = privateKey.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, "." + privateKey.getFileName(), ".partial");
        try {
            restrict(partial);
            try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                OpenSSHKeyEncryptionContext encryption = null;
                if (passphrase != null && passphrase.length > 0) {
                    encryption = new OpenSSHKeyEncryptionContext();
                    encryption.setCipherName("AES");
                    encryption.setCipherType("256");
                    encryption.setCipherMode("CTR");
                    encryption.setPassword(new String(passphrase));
                }
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, encryption, out);
            }
            Files.move(partial, privateKey, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot write the key " + privateKey + ": " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(partial);
        }
        Files.writeString(
                publicKeyFile(privateKey),
                publicKeyLine(pair.getPublic()) + " " + comment + "\n",
                StandardCharsets.UTF_8);
    }

    /** {@code privateKey.pub}. */
    public static Path publicKeyFile(Path privateKey) {
        return Path.of(privateKey + ".pub");
    }

    /** The {@code type base64} part of the public key file next to {@code privateKey}, as known_hosts and authorized_keys hold it. */
    public static String publicKeyLine(Path privateKey) throws IOException {
        String[] fields = Files.readString(publicKeyFile(privateKey), StandardCharsets.UTF_8)
                .trim()
                .split("\\s+");
        if (fields.length < 2) {
            throw new IOException(
                    publicKeyFile(privateKey) + ":1:1: not an OpenSSH public key line (TYPE BASE64 [COMMENT])");
        }
        return fields[0] + " " + fields[1];
    }

    /** {@code ssh-ed25519 AAAA...} for a key. */
    public static String publicKeyLine(PublicKey key) {
        return PublicKeyEntry.toString(key);
    }

    /** The public key in the file next to {@code privateKey}, as a Java key. */
    public static PublicKey publicKey(Path privateKey) throws IOException {
        try {
            return PublicKeyEntry.parsePublicKeyEntry(publicKeyLine(privateKey)).resolvePublicKey(null, Map.of(), null);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("cannot read the public key " + publicKeyFile(privateKey) + ": " + e.getMessage(), e);
        }
    }

    /** {@code SHA256:...}, as {@code ssh-keygen -lf} and ssh print it. */
    public static String fingerprint(PublicKey key) {
        String line = publicKeyLine(key);
        byte[] blob = Base64.getDecoder().decode(line.substring(line.indexOf(' ') + 1));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))} for a known_hosts name ({@code host} or {@code [host]:port}). */
    public static String hashedName(String knownHostsName) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] hash = mac.doFinal(knownHostsName.getBytes(StandardCharsets.UTF_8));
            return HASHED_PREFIX + Base64.getEncoder().encodeToString(salt) + "|"
                    + Base64.getEncoder().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is missing from this Java runtime", e);
        }
    }

    /**
     * Replaces the host names in a known_hosts file with their hashed form, as {@code ssh-keygen -H} does: one line per
     * name of a comma-separated list; comments, blank lines, already hashed names, lines with a marker
     * ({@code @cert-authority}, {@code @revoked}) and wildcard or negated patterns are kept as they are (a hash cannot
     * match a pattern).
     */
    public static void hashKnownHosts(Path knownHosts) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(knownHosts, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            String[] fields = trimmed.split("\\s+", 2);
            if (trimmed.isEmpty()
                    || trimmed.startsWith("#")
                    || trimmed.startsWith("@")
                    || fields.length < 2
                    || fields[0].startsWith(HASHED_PREFIX)
                    || fields[0].matches(".*[*?!].*")) {
                out.add(line);
                continue;
            }
            for (String name : fields[0].split(",")) {
                out.add(hashedName(name) + " " + fields[1]);
            }
        }
        Files.write(knownHosts, out, StandardCharsets.UTF_8);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file is in the user's own directory, whose ACL already keeps others out
        }
    }
}
