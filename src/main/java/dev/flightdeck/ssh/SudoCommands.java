package dev.flightdeck.ssh;

import java.util.regex.Pattern;

/**
 * Commands run without a terminal, so sudo could only hang or fail obscurely when it wants a password.
 * Flightdeck adds {@code -n} (non-interactive) to every {@code sudo} in command position, and recognises
 * sudo's "a password is required" on stderr to tell the operator what to fix.
 */
public final class SudoCommands {

    /** {@code sudo} at the start, or after {@code ; & | ( && ||}, not already followed by {@code -n}. */
    private static final Pattern SUDO = Pattern.compile("(^|[;&|(]\\s*)sudo(?=\\s)(?!\\s+-n\\b)");

    private static final String PASSWORD_REQUIRED = "a password is required";

    private SudoCommands() {}

    public static String nonInteractive(String command) {
        return SUDO.matcher(command).replaceAll("$1sudo -n");
    }

    public static boolean asksForPassword(String stderrLine) {
        return stderrLine.contains("sudo") && stderrLine.contains(PASSWORD_REQUIRED);
    }

    public static String passwordHint(SshTarget target) {
        return "sudo on " + target.describe() + " asked for a password. Flightdeck runs sudo non-interactively: "
                + "allow user '" + target.user()
                + "' to run this command without a password (a NOPASSWD rule in sudoers) "
                + "or run it as a user that may.";
    }
}
