package dev.flightdeck.rollback;

import dev.flightdeck.runbook.Step;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the emergency rollback will do, in order: the runbook's rollback procedure, then the undo of every
 * completed step that has one, newest first; then the checks of {@code rollback-verification:}. Computed from the
 * journal only, so a resumed rollback continues the same plan, with the values this session produced.
 */
public record RollbackPlan(List<Entry> entries, List<Entry> verification) {

    public RollbackPlan {
        entries = List.copyOf(entries);
        verification = List.copyOf(verification);
    }

    /**
     * One rollback step.
     *
     * @param title   the step's title with this session's values bound where they exist
     * @param why     "rollback procedure", "undo of step app-backup" or "verification"
     * @param action  what it will do with this session's values bound (the command, the restore source ...)
     * @param blocker why it cannot run as planned (an output this session never produced, no verified backup)
     */
    public record Entry(String number, Step step, String title, String why, String action, Optional<String> blocker) {

        /** One line for a terminal or a tooltip: number, title, why. */
        public String line() {
            return number + "  " + title() + "  (" + why + ")";
        }
    }

    /**
     * The plan as the operator reads it before confirming, on the command line and in the console's dialog: a line
     * per entry (number, kind, title, why), under it what it will really do when the title does not already say it
     * (an author's title, a long command cut short), and why it cannot run, if so. Values are this session's.
     */
    public String render() {
        StringBuilder text = new StringBuilder();
        for (Entry entry :
                Stream.concat(entries.stream(), verification.stream()).toList()) {
            text.append(String.format(
                    Locale.ROOT,
                    "  %-4s %-14s %s  (%s)%n",
                    entry.number(),
                    entry.step().kind().label(),
                    entry.title(),
                    entry.why()));
            String does = entry.action().lines().findFirst().orElse("");
            if (!does.isBlank() && !entry.title().contains(does)) {
                text.append("         ").append(does).append('\n');
            }
            entry.blocker()
                    .ifPresent(blocker -> text.append("         ✗ cannot run: ")
                            .append(blocker)
                            .append('\n'));
        }
        return text.toString();
    }

    public boolean isEmpty() {
        return entries.isEmpty() && verification.isEmpty();
    }

    /** Entries that cannot run as planned; the runner stops before each of them. */
    public List<Entry> blocked() {
        return Stream.concat(entries.stream(), verification.stream())
                .filter(entry -> entry.blocker().isPresent())
                .toList();
    }
}
