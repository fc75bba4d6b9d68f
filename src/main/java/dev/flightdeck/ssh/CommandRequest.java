package dev.flightdeck.ssh;

import java.time.Duration;

/**
 * A command to run on one host.
 *
 * @param deadline     after this long the command is signalled, its channel closed, and its outcome is unknown
 * @param output       receives stdout and stderr line by line as they arrive
 * @param captureBytes also keep the exact bytes of both streams in the result (binary-safe), in memory
 * @param stdin        bytes written to the command's stdin once it starts (then stdin is closed and the array
 *                     wiped): the way a secret reaches a remote tool without appearing in its command line
 */
public record CommandRequest(
        String command, Duration deadline, OutputListener output, boolean captureBytes, byte[] stdin) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(1);
    private static final byte[] NOTHING = new byte[0];

    public static CommandRequest of(String command) {
        return new CommandRequest(command, DEFAULT_DEADLINE, OutputListener.IGNORE, false, NOTHING);
    }

    public CommandRequest withDeadline(Duration newDeadline) {
        return new CommandRequest(command, newDeadline, output, captureBytes, stdin);
    }

    public CommandRequest withOutput(OutputListener newOutput) {
        return new CommandRequest(command, deadline, newOutput, captureBytes, stdin);
    }

    public CommandRequest capturingBytes() {
        return new CommandRequest(command, deadline, output, true, stdin);
    }

    /** The request with these bytes for stdin; the caller hands them over and must not reuse the array. */
    public CommandRequest withStdin(byte[] bytes) {
        return new CommandRequest(command, deadline, output, captureBytes, bytes);
    }
}
