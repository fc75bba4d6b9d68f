package dev.flightdeck.ssh;

import java.time.Duration;

/**
 * A command to run on one host.
 *
 * @param deadline     after this long the command is signalled, its channel closed, and its outcome is unknown
 * @param output       receives stdout and stderr line by line as they arrive
 * @param captureBytes also keep the exact bytes of both streams in the result (binary-safe), in memory
 */
public record CommandRequest(String command, Duration deadline, OutputListener output, boolean captureBytes) {

    public static final Duration DEFAULT_DEADLINE = Duration.ofHours(1);

    public static CommandRequest of(String command) {
        return new CommandRequest(command, DEFAULT_DEADLINE, OutputListener.IGNORE, false);
    }

    public CommandRequest withDeadline(Duration newDeadline) {
        return new CommandRequest(command, newDeadline, output, captureBytes);
    }

    public CommandRequest withOutput(OutputListener newOutput) {
        return new CommandRequest(command, deadline, newOutput, captureBytes);
    }

    public CommandRequest capturingBytes() {
        return new CommandRequest(command, deadline, output, true);
    }
}
