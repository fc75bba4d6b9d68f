package dev.flightdeck.ssh;

/**
 * A failure at the SSH boundary, with a plain-language message an operator can act on and a stable
 * error code (shown in the console and written to the journal) that does not change between releases.
 */
public class SshException extends Exception {

    private final String code;

    public SshException(String code, String message) {
        super(message);
        this.code = code;
    }

    public SshException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** Stable identifier such as {@code SSH-CONNECT}; documented in docs/ssh.md. */
    public String code() {
        return code;
    }

    /** The host could not be reached, refused the connection, or did not answer in time. */
    public static SshException connect(SshTarget target, Throwable cause) {
        return new SshException(
                "SSH-CONNECT",
                "Cannot connect to " + target.describe() + ": " + reason(cause)
                        + ". Check that the host is up, the address and port are right, and no firewall blocks it.",
                cause);
    }

    /** The server turned down every key (and password) offered. */
    public static SshException authentication(SshTarget target, Throwable cause) {
        return new SshException(
                "SSH-AUTH",
                "The server " + target.describe() + " refused the login of user '" + target.user() + "': "
                        + reason(cause) + ". Check the identity file or ssh-agent key and the user's authorized_keys.",
                cause);
    }

    /** A step names a host or group that the inventory and ~/.ssh/config do not know. */
    public static SshException unknownTarget(String name, String hint) {
        return new SshException("SSH-TARGET", "'" + name + "' is neither a host nor a group of the inventory" + hint);
    }

    static String reason(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
