package dev.flightdeck.ssh;

import java.time.Duration;
import java.util.Optional;

/**
 * The end of one command on one host.
 *
 * @param stdout        the exact bytes of stdout when the request captured bytes, else empty
 * @param operatorHint  a plain-language explanation when Flightdeck recognised the failure (sudo wants a password)
 */
public record CommandResult(
        CommandId id,
        SshTarget target,
        String command,
        CommandOutcome outcome,
        Duration duration,
        byte[] stdout,
        byte[] stderr,
        Optional<String> operatorHint) {

    public boolean isSuccess() {
        return outcome.isSuccess();
    }

    /** The exit code, when the server reported one. */
    public Optional<Integer> exitCode() {
        return outcome instanceof CommandOutcome.Completed completed
                ? Optional.of(completed.exitCode())
                : Optional.empty();
    }
}
