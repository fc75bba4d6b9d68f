package dev.flightdeck.ssh.config;

import java.util.Locale;

/** OpenSSH host patterns: {@code *} any run of characters, {@code ?} exactly one; case-insensitive. */
public final class HostPattern {

    private HostPattern() {}

    public static boolean matches(String pattern, String host) {
        return matches(pattern.toLowerCase(Locale.ROOT), 0, host.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean matches(String pattern, int p, String text, int t) {
        while (p < pattern.length()) {
            char c = pattern.charAt(p);
            if (c == '*') {
                for (int rest = t; rest <= text.length(); rest++) {
                    if (matches(pattern, p + 1, text, rest)) {
                        return true;
                    }
                }
                return false;
            }
            if (t >= text.length() || (c != '?' && c != text.charAt(t))) {
                return false;
            }
            p++;
            t++;
        }
        return t == text.length();
    }
}
