package dev.flightdeck.inventory;

import java.util.regex.Pattern;

/** Names that say their value is a secret ({@code db_password}, {@code api_token}, {@code client_secret}): one definition. */
public final class SecretNames {

    private static final Pattern SECRET =
            Pattern.compile("(?i).*(password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credential).*");

    private SecretNames() {}

    public static boolean isSecret(String name) {
        return SECRET.matcher(name).matches();
    }
}
