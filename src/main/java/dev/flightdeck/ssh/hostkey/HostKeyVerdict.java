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

    /**
     * The server presented a host certificate that a {@code @cert-authority} key named for this host signed, for this
     * host name, valid now, with no critical option (OpenSSH's checks, made by JSch). No host key is filed for it.
     *
     * @param key         the authority's key (the first {@code @cert-authority} line naming the host)
     * @param authorities {@code file:line} of every {@code @cert-authority} line naming the host
     */
    record Certified(PresentedKey key, List<String> authorities) implements HostKeyVerdict {
        public Certified {
            authorities = List.copyOf(authorities);
        }
    }

    /** The key is marked {@code @revoked}. Never accepted. */
    record Revoked(PresentedKey key, String location) implements HostKeyVerdict {}
}
