package dev.flightdeck.ssh.hostkey;

import dev.flightdeck.ssh.config.HostPattern;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One line of a known_hosts file: optional marker ({@code @revoked}, {@code @cert-authority}), host patterns
 * (plain, wildcard, negated, or hashed {@code |1|salt|hmac}), key type and key.
 */
record KnownHostLine(Marker marker, List<String> patterns, String keyType, byte[] blob, String source, int lineNumber) {

    enum Marker {
        NONE,
        REVOKED,
        CERT_AUTHORITY
    }

    private static final String HASHED_PREFIX = "|1|";

    /** Parses a line; comments, blank and malformed lines (which OpenSSH also skips) give empty. */
    static Optional<KnownHostLine> parse(String line, String source, int lineNumber) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return Optional.empty();
        }
        String[] fields = trimmed.split("\\s+");
        Marker marker = Marker.NONE;
        int first = 0;
        if (fields[0].startsWith("@")) {
            switch (fields[0]) {
                case "@revoked" -> marker = Marker.REVOKED;
                case "@cert-authority" -> marker = Marker.CERT_AUTHORITY;
                default -> {
                    return Optional.empty(); // a marker OpenSSH does not know: it skips the line, so do we
                }
            }
            first = 1;
        }
        if (fields.length < first + 3) {
            return Optional.empty();
        }
        try {
            byte[] blob = Base64.getDecoder().decode(fields[first + 2]);
            return Optional.of(new KnownHostLine(
                    marker, List.of(fields[first].split(",")), fields[first + 1], blob, source, lineNumber));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** OpenSSH: a matching negated pattern excludes the line; otherwise any positive match (hashed or not) includes it. */
    boolean matchesHost(String knownHostsName) {
        boolean positive = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (HostPattern.matches(pattern.substring(1), knownHostsName)) {
                    return false;
                }
            } else if (pattern.startsWith(HASHED_PREFIX)) {
                positive |= hashedMatches(pattern, knownHostsName);
            } else {
                positive |= HostPattern.matches(pattern, knownHostsName);
            }
        }
        return positive;
    }

    boolean sameKey(byte[] presented) {
        return Arrays.equals(blob, presented);
    }

    String fingerprint() {
        return PresentedKey.fingerprintOf(blob);
    }

    String location() {
        return source + ":" + lineNumber;
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, hostname))}, as written by {@code ssh-keygen -H}. */
    private static boolean hashedMatches(String pattern, String knownHostsName) {
        String[] parts = pattern.substring(HASHED_PREFIX.length()).split("\\|");
        if (parts.length != 2) {
            return false;
        }
        try {
            byte[] salt = Base64.getDecoder().decode(parts[0]);
            byte[] expected = Base64.getDecoder().decode(parts[1]);
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] actual = mac.doFinal(knownHostsName.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException | GeneralSecurityException malformed) {
            return false;
        }
    }
}
