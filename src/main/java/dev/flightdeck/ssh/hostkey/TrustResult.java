package dev.flightdeck.ssh.hostkey;

/** What an operator's {@code trust(host, fingerprint)} decision did. */
public enum TrustResult {
    /** The server had shown exactly this key; it is now in Flightdeck's known-hosts file. */
    STORED,
    /** No key seen yet: the next connection that presents exactly this fingerprint stores it and goes on. */
    PENDING_UNTIL_SEEN,
    /** The key was already trusted; nothing written. */
    ALREADY_TRUSTED,
    /** The server showed a different key than the fingerprint given; nothing written. */
    REFUSED_FINGERPRINT_MISMATCH,
    /** The host is already known with another key: a changed key is never accepted. */
    REFUSED_KEY_CHANGED;

    public boolean accepted() {
        return this == STORED || this == PENDING_UNTIL_SEEN || this == ALREADY_TRUSTED;
    }
}
