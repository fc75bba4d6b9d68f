package dev.flightdeck.ssh;

/**
 * How a remote command ended. Only {@code Completed} with exit code 0 is success: an unknown outcome is never
 * success, however likely it looks.
 */
public sealed interface CommandOutcome {

    boolean isSuccess();

    /** The server reported the command's exit status. */
    record Completed(int exitCode) implements CommandOutcome {
        @Override
        public boolean isSuccess() {
            return exitCode == 0;
        }
    }

    /**
     * The command may or may not have run to its end: no exit status (-1), the connection dropped, the
     * deadline passed, or the operator cancelled. The operator must check the host.
     */
    record Unknown(String reason) implements CommandOutcome {
        @Override
        public boolean isSuccess() {
            return false;
        }
    }

    /** Nothing ran: the connection or the channel could not be opened. {@code cause} says why, with its code. */
    record FailedToStart(SshException cause) implements CommandOutcome {
        @Override
        public boolean isSuccess() {
            return false;
        }

        public String reason() {
            return cause.getMessage();
        }
    }
}
