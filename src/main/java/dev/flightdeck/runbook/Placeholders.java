package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one definition of {@code ${name}} references in runbook texts. {@code $${...}} is a literal
 * {@code ${...}} (for shell variables such as {@code $${HOME}}); a {@code $} before anything else is left alone.
 */
public final class Placeholders {

    /** A reference at a character offset in its text; {@code name} is what stands between the braces. */
    public record Reference(String name, int offset) {}

    /** A text whose {@code ${} is never closed. */
    public static final class UnclosedReferenceException extends Exception {
        private final int offset;

        public UnclosedReferenceException(int offset) {
            super("'${' at character " + (offset + 1) + " is never closed with '}'");
            this.offset = offset;
        }

        public int offset() {
            return offset;
        }
    }

    /** Thrown by {@link #substitute} when a reference cannot be resolved. */
    public static final class UnresolvedReferenceException extends Exception {
        private final String name;

        public UnresolvedReferenceException(String name) {
            super("no value for ${" + name + "}");
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private Placeholders() {}

    public static List<Reference> find(String text) throws UnclosedReferenceException {
        List<Reference> references = new ArrayList<>();
        try {
            scan(text, references, null, null);
        } catch (UnresolvedReferenceException e) {
            throw new IllegalStateException("nothing is resolved while only finding references", e);
        }
        return references;
    }

    /** Replaces every reference with its value; fails on the first one without a value. */
    public static String substitute(String text, Function<String, Optional<String>> values)
            throws UnclosedReferenceException, UnresolvedReferenceException {
        StringBuilder out = new StringBuilder(text.length());
        scan(text, new ArrayList<>(), out, values);
        return out.toString();
    }

    private static void scan(
            String text, List<Reference> references, StringBuilder out, Function<String, Optional<String>> values)
            throws UnclosedReferenceException, UnresolvedReferenceException {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                int close = text.indexOf('}', i + 3);
                int end = close < 0 ? text.length() : close + 1;
                append(out, text.substring(i + 1, end));
                i = end;
            } else if (c == '$' && text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new UnclosedReferenceException(i);
                }
                String name = text.substring(i + 2, close).trim();
                references.add(new Reference(name, i));
                if (out != null) {
                    out.append(values.apply(name).orElseThrow(() -> new UnresolvedReferenceException(name)));
                }
                i = close + 1;
            } else {
                append(out, String.valueOf(c));
                i++;
            }
        }
    }

    private static void append(StringBuilder out, String text) {
        if (out != null) {
            out.append(text);
        }
    }
}
