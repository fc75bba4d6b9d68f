package dev.flightdeck.review;

/**
 * One step of the session as the review shows it: the runbook's number and title (with this session's values), what it
 * acted on and how, who, when, how long, the result, and a status whose style class is the status word itself.
 *
 * @param status one of succeeded, failed, unknown, skipped, not-run
 */
public record StepRow(
        String number,
        String title,
        String kind,
        String targets,
        String command,
        String who,
        String started,
        String duration,
        String result,
        String status) {

    public boolean hasCommand() {
        return !command.isEmpty();
    }

    /** The status as a reviewer reads it ("not run" rather than the style's "not-run"). */
    public String statusWord() {
        return status.replace('-', ' ');
    }
}
