package dev.flightdeck.journal.redact;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The forms in which a known secret can appear in output: as typed, URL-encoded, and Base64 (standard and
 * URL-safe) at each of the three byte alignments, so it is found inside a longer Base64 text such as a Basic
 * authorization header. For Base64 only the characters that depend on the secret alone are kept.
 */
final class SecretForms {

    /** Shorter Base64 cores would match unrelated text too often to be useful. */
    private static final int MIN_ENCODED_CORE = 4;

    private SecretForms() {}

    static List<char[]> of(char[] secret) {
        List<char[]> forms = new ArrayList<>();
        forms.add(secret.clone());
        byte[] utf8 = utf8(secret);
        try {
            addIfNew(forms, urlEncoded(utf8));
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                for (int alignment = 0; alignment < 3; alignment++) {
                    addIfNew(forms, base64Core(encoder, utf8, alignment));
                }
            }
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
        return forms;
    }

    private static void addIfNew(List<char[]> forms, char[] form) {
        if (form.length >= MIN_ENCODED_CORE && forms.stream().noneMatch(existing -> Arrays.equals(existing, form))) {
            forms.add(form);
        } else {
            Arrays.fill(form, '\0');
        }
    }

    /** Base64 of (alignment filler bytes + secret), without the characters touched by the filler or the end. */
    private static char[] base64Core(Base64.Encoder encoder, byte[] secret, int alignment) {
        byte[] shifted = new byte[alignment + secret.length];
        System.arraycopy(secret, 0, shifted, alignment, secret.length);
        byte[] encoded = encoder.withoutPadding().encode(shifted);
        Arrays.fill(shifted, (byte) 0);
        int start = alignment == 0 ? 0 : (alignment * 8 + 5) / 6;
        int total = alignment + secret.length;
        int stableEnd = (total / 3) * 4; // characters after this depend on bytes that follow the secret
        char[] core = new char[Math.max(0, stableEnd - start)];
        for (int i = 0; i < core.length; i++) {
            core[i] = (char) encoded[start + i];
        }
        Arrays.fill(encoded, (byte) 0);
        return core;
    }

    private static char[] urlEncoded(byte[] utf8) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : utf8) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        char[] form = new char[encoded.length()];
        encoded.getChars(0, encoded.length(), form, 0);
        encoded.setLength(0);
        return form;
    }

    private static byte[] utf8(char[] secret) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
