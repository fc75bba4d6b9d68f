package dev.flightdeck.ssh.hostkey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A host key as a server presented it, with the fingerprint OpenSSH prints
 * ({@code SHA256:} then unpadded base64 of the SHA-256 of the key blob).
 *
 * @param knownHostsName the name the key is filed under: {@code host} or {@code [host]:port}
 * @param blob           the SSH wire encoding of the public key (what known_hosts stores in base64)
 */
public record PresentedKey(String knownHostsName, byte[] blob) {

    public PresentedKey {
        blob = blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob.clone();
    }

    /** The algorithm name inside the blob: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
    public String keyType() {
        return keyTypeOf(blob);
    }

    public String fingerprint() {
        return fingerprintOf(blob);
    }

    /** The line to append to a known_hosts file to trust this key. */
    public String knownHostsLine() {
        return knownHostsName + " " + keyType() + " " + Base64.getEncoder().encodeToString(blob);
    }

    public boolean sameKeyAs(byte[] other) {
        return Arrays.equals(blob, other);
    }

    public static String fingerprintOf(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String keyTypeOf(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int length = ByteBuffer.wrap(blob, 0, 4).getInt();
        if (length <= 0 || length > blob.length - 4) {
            return "unknown";
        }
        return new String(blob, 4, length, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PresentedKey key
                && key.knownHostsName.equals(knownHostsName)
                && Arrays.equals(key.blob, blob);
    }

    @Override
    public int hashCode() {
        return knownHostsName.hashCode() * 31 + Arrays.hashCode(blob);
    }

    @Override
    public String toString() {
        return knownHostsName + " " + keyType() + " " + fingerprint();
    }
}
