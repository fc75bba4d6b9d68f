package dev.flightdeck.ssh;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;
import java.util.Arrays;
import java.util.Optional;

/**
 * JSch's callback for password login, the last resort. The password is asked from {@link Credentials}
 * only when the server offers password login, held as a char[] and wiped when the attempt ends.
 * Host-key questions are answered "no": trust decisions go through {@link SshSessions#trust} only.
 */
final class PasswordPrompt implements UserInfo, UIKeyboardInteractive, AutoCloseable {

    private final SshTarget target;
    private final Credentials credentials;
    private char[] password;

    PasswordPrompt(SshTarget target, Credentials credentials) {
        this.target = target;
        this.credentials = credentials;
    }

    @Override
    public boolean promptPassword(String message) {
        wipe();
        Optional<char[]> asked = credentials.password(target);
        password = asked.orElse(null);
        return password != null;
    }

    @Override
    public String getPassword() {
        // JSch's UserInfo API takes a String; it lives only for this login attempt.
        return password == null ? null : new String(password);
    }

    @Override
    public String[] promptKeyboardInteractive(
            String destination, String name, String instruction, String[] prompt, boolean[] echo) {
        if (prompt.length != 1 || echo[0] || !promptPassword(prompt[0])) {
            return null;
        }
        return new String[] {getPassword()};
    }

    @Override
    public boolean promptPassphrase(String message) {
        return false;
    }

    @Override
    public String getPassphrase() {
        return null;
    }

    @Override
    public boolean promptYesNo(String message) {
        return false;
    }

    @Override
    public void showMessage(String message) {}

    @Override
    public void close() {
        wipe();
    }

    private void wipe() {
        if (password != null) {
            Arrays.fill(password, '\0');
            password = null;
        }
    }
}
