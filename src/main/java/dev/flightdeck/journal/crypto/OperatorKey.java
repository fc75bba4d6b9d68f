package dev.flightdeck.journal.crypto;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** The operator's Ed25519 key pair, unlocked with the passphrase; signs checkpoints and evidence manifests. */
public final class OperatorKey {

    private static final int RAW_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    private static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    public OperatorKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK", e);
        }
    }

    /**
     * Checks an Ed25519 signature with Bouncy Castle's RFC 8032 verifier: a journal or pack is checked at every
     * checkpoint and the JDK's pure-Java Ed25519 made signature checks most of a verification's CPU time; the
     * signatures are the same (RFC 8032), only the arithmetic is faster.
     */
    public static boolean verify(PublicKey key, byte[] message, byte[] signatureBytes) {
        byte[] encoded = key.getEncoded();
        if (!"Ed25519".equals(key.getAlgorithm()) && !"EdDSA".equals(key.getAlgorithm())
                || encoded == null
                || encoded.length < RAW_KEY_LENGTH) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + key.getAlgorithm());
        }
        // an Ed25519 SubjectPublicKeyInfo ends with the 32-byte key (RFC 8410)
        Ed25519PublicKeyParameters raw = new Ed25519PublicKeyParameters(encoded, encoded.length - RAW_KEY_LENGTH);
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, raw);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signatureBytes);
    }
}
