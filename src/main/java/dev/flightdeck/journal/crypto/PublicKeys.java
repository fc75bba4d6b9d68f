package dev.flightdeck.journal.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** Ed25519 public keys as X.509 bytes and as PEM text (what the operator publishes and reviewers pass to verify). */
public final class PublicKeys {

    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";

    private PublicKeys() {}

    /** Returns null when the bytes are not an Ed25519 public key. */
    public static PublicKey fromX509OrNull(byte[] encoded) {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | IllegalArgumentException notAKey) {
            return null;
        }
    }

    public static String toPem(PublicKey key) {
        return BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded()) + "\n" + END
                + "\n";
    }

    /** Returns null when the text is not a PEM Ed25519 public key. */
    public static PublicKey fromPemOrNull(String pem) {
        int begin = pem.indexOf(BEGIN);
        int end = pem.indexOf(END);
        if (begin < 0 || end < begin) {
            return null;
        }
        String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
        try {
            return fromX509OrNull(Base64.getDecoder().decode(body));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** The fingerprint grouped by four, as it is read out on the phone: {@code 3f2a-9c1b-77d0-e4a2}. */
    public static String groupedFingerprint(PublicKey key) {
        String hex = fingerprint(key);
        return hex.substring(0, 4) + "-" + hex.substring(4, 8) + "-" + hex.substring(8, 12) + "-"
                + hex.substring(12, 16);
    }

    /** The X.509 bytes in standard Base64 (60 characters): how rosters, approvals and {@code key show} write a key. */
    public static String toBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Returns null when the text is not the Base64 of an Ed25519 public key's X.509 bytes. */
    public static PublicKey fromBase64OrNull(String text) {
        try {
            return fromX509OrNull(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /** A short, human-comparable fingerprint: the first 16 hex digits of SHA-256 of the X.509 bytes. */
    public static String fingerprint(PublicKey key) {
        return Sha256.hex(Sha256.of(key.getEncoded())).substring(0, 16);
    }
}
