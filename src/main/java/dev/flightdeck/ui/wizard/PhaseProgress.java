package dev.flightdeck.ui.wizard;

/**
 * How far one phase has come, for the strip in the wizard's header: its steps settled (done or skipped) of all,
 * whether the session is in it now, and whether one of its steps failed or has an unknown outcome.
 */
public record PhaseProgress(int number, String title, int steps, int settled, boolean current, boolean troubled) {

    public double fraction() {
        return steps == 0 ? 1 : (double) settled / steps;
    }

    public boolean done() {
        return settled == steps;
    }

    /** What a screen reader says and the tooltip shows. */
    public String describe() {
        return "Phase " + number + ": " + title + " — " + settled + " of " + steps + " steps done"
                + (troubled ? ", a step needs attention" : current ? ", in progress" : "");
    }
}
