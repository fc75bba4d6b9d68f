package dev.flightdeck.review;

/**
 * One step of the session as the review shows it: the runbook's number and title (with this session's values), what it
 * acted on and how, who, when, how long, the result, and a status whose style class is the status word itself.
 *
 * @param status  one of succeeded, failed, unknown, skipped, not-run: what the step's outcome was
 * @param caution why an approval given at this step is not proven (a typed name, a key no roster vouches for, a
 *                signature that fails the check again); empty when every approval was verified, or there was none
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
        String status,
        String caution) {

    /** The style of a passed gate whose approval is not proven: a warning, never the green of a proven success. */
    static final String UNVERIFIED = "unverified";

    public boolean hasCommand() {
        return !command.isEmpty();
    }

    public boolean hasCaution() {
        return !caution.isEmpty();
    }

    /** The row's style class: the status, except that a passed gate resting on an unproven approval is a warning. */
    public String style() {
        return unverifiedPass() ? UNVERIFIED : status;
    }

    /** The status as a reviewer reads it ("not run" rather than the style's "not-run"). */
    public String statusWord() {
        return unverifiedPass() ? "approved, unverified" : status.replace('-', ' ');
    }

    private boolean unverifiedPass() {
        return hasCaution() && status.equals("succeeded");
    }
}
