package dev.flightdeck.ssh.hostkey;

import java.util.List;

/** What Flightdeck concluded about a host key a server presented. Only {@link Trusted} lets a connection go on. */
public sealed interface HostKeyVerdict {

    PresentedKey key();

    /**
     * The key is in a known_hosts file.
     *
     * @param location     {@code file:line} of the matching entry
     * @param newlyTrusted true when an operator's {@code trust(host, fingerprint)} decision was applied just now
     */
    record Trusted(PresentedKey key, String location, boolean newlyTrusted) implements HostKeyVerdict {}

    /** No known_hosts file has any key for this host: the operator must decide. */
    record Unknown(PresentedKey key) implements HostKeyVerdict {}

    /** The host is known with other keys: possibly a man-in-the-middle. Never accepted. */
    record Changed(PresentedKey key, List<String> knownFingerprints, List<String> locations) implements HostKeyVerdict {
        public Changed {
            knownFingerprints = List.copyOf(knownFingerprints);
            locations = List.copyOf(locations);
        }
    }

    /** The key is marked {@code @revoked}. Never accepted. */
    record Revoked(PresentedKey key, String location) implements HostKeyVerdict {}
}
