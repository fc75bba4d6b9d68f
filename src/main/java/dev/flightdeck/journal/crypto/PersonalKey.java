package dev.flightdeck.journal.crypto;

import java.security.PublicKey;

/** A person's own Ed25519 signing key, unlocked with their passphrase: signs approvals, rosters and sessions. */
public record PersonalKey(String name, OperatorKey key) {

    public PublicKey publicKey() {
        return key.publicKey();
    }

    public byte[] sign(byte[] message) {
        return key.sign(message);
    }
}
