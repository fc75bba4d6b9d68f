package dev.flightdeck.inventory;

/**
 * Where a secret (a webhook URL, a routing key, an SMTP password) comes from: never the inventory itself.
 * {@code { env: NAME }}, {@code { file: PATH }} (readable by its owner only) or {@code prompt}.
 */
public record SecretRef(Source source, String name) {

    public enum Source {
        ENVIRONMENT,
        FILE,
        PROMPT
    }

    public static SecretRef prompt(String what) {
        return new SecretRef(Source.PROMPT, what);
    }

    public String describe() {
        return switch (source) {
            case ENVIRONMENT -> "environment variable " + name;
            case FILE -> "file " + name;
            case PROMPT -> "a prompt (" + name + ")";
        };
    }
}
