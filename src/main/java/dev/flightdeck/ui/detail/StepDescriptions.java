package dev.flightdeck.ui.detail;

import dev.flightdeck.runbook.Expectation;
import dev.flightdeck.runbook.FanOut;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.text.Durations;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Plain-language sentences about a step, for people who run it for the first time. */
public final class StepDescriptions {

    private StepDescriptions() {}

    /** What happens when the step runs, in one or two sentences. */
    public static String whatHappens(Step step) {
        StepAction action = step.action();
        String where = step.target()
                .map(t -> t.equals("local") ? "on this computer" : "on " + t)
                .orElse("");
        if (action instanceof StepAction.Confirm confirm) {
            return "You confirm this is done"
                    + (confirm.noteRequired() ? ", with a note saying how you checked." : ". A note is optional.");
        } else if (action instanceof StepAction.Run) {
            String how = step.target().filter("local"::equals).isPresent() ? "on this computer" : "over SSH " + where;
            return "Flightdeck runs this command " + how + " and streams its output. It passes when the exit code is "
                    + step.expect().exitCodesOrDefault().stream()
                            .map(String::valueOf)
                            .collect(Collectors.joining(" or "))
                    + ".";
        } else if (action instanceof StepAction.Sql sql) {
            String expected = expectation(step.expect());
            return "Flightdeck runs this SQL on database '" + sql.database() + "'"
                    + (expected.isBlank() ? "" : "; it passes on " + expected)
                    + ". Only the row count and a hash of the result are journaled.";
        } else if (action instanceof StepAction.Http http) {
            String expected = expectation(step.expect());
            return "Flightdeck sends " + http.method() + " to " + http.endpoint() + " and checks the answer"
                    + (expected.isBlank() ? ": it passes on a 2xx status." : ": it passes on " + expected + ".");
        } else if (action instanceof StepAction.Approve approve) {
            return "Needs approval from "
                    + approve.roles().stream().map(Role::name).collect(Collectors.joining(" and ")) + " ("
                    + approve.approversPerRole() + " per role). The operator cannot approve their own gate.";
        } else if (action instanceof StepAction.Wait wait) {
            return "Watch the instruments for " + Durations.format(wait.duration())
                    + ". The step fails if a rollback trigger fires meanwhile.";
        } else if (action instanceof StepAction.Baseline baseline) {
            return "Takes each instrument's median and p95 over the last " + Durations.format(baseline.window())
                    + " as its baseline (waiting until it has read that long), for rules such as \"2x baseline\" and the charts' bands."
                    + (baseline.required().isEmpty()
                            ? ""
                            : " Fails unless " + inWords(baseline.required()) + " had readings.");
        } else if (action instanceof StepAction.Backup backup) {
            return "Dumps database '" + backup.database() + "' ("
                    + (backup.format() == StepAction.BackupFormat.CUSTOM ? "pg_dump -Fc" : "plain SQL")
                    + "), records its size and SHA-256, and verifies it can be read back before anyone relies on it.";
        } else if (action instanceof StepAction.Snapshot snapshot) {
            return "Copies database '" + snapshot.database()
                    + "' as an instant rollback point. Rolling back to it takes seconds at any size.";
        } else if (action instanceof StepAction.Restore restore) {
            return "Returns database '" + restore.database()
                    + "' to this session's snapshot, or else to its verified backup. Stops on the first error.";
        } else if (action instanceof StepAction.VerifyData verify) {
            return verify.compareTo()
                    .map(before -> "Compares row counts and content hashes with step '" + before
                            + "'. Any difference fails the step.")
                    .orElse("Records exact row counts" + (verify.hashColumns().isEmpty() ? "" : " and content hashes")
                            + " of " + String.join(", ", verify.tables()) + ".");
        } else if (action instanceof StepAction.Preflight preflight) {
            return "Checks database '" + preflight.database()
                    + "' before anything changes: version, size, free disk, connections, long transactions, locks, replication lag.";
        } else if (action instanceof StepAction.Notify notify) {
            return "Records a notice to " + notify.recipients()
                    + (notify.channels().isEmpty() ? "" : ", sent through " + String.join(", ", notify.channels()))
                    + notify.webhook().map(w -> " and sends it to " + w).orElse("") + ".";
        }
        return action.summary();
    }

    /** {@code a}, {@code a and b}, {@code a, b and c} */
    private static String inWords(List<String> items) {
        return items.size() == 1
                ? items.get(0)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** The exact text that will be run, if the step runs text. */
    public static String exactText(Step step) {
        StepAction action = step.action();
        if (action instanceof StepAction.Run run) {
            return run.command();
        } else if (action instanceof StepAction.Sql sql) {
            return sql.statement();
        } else if (action instanceof StepAction.Notify notify) {
            return notify.message();
        }
        return "";
    }

    static String expectation(Expectation expect) {
        return expect.describe();
    }

    static String fanOut(FanOut fanOut) {
        List<String> parts = new ArrayList<>();
        fanOut.parallel().ifPresent(p -> parts.add(p + " hosts at a time"));
        if (!fanOut.serial().isEmpty()) {
            parts.add("in batches of "
                    + fanOut.serial().stream().map(FanOut.Amount::toString).collect(Collectors.joining(", then ")));
        }
        fanOut.maxFail().ifPresent(m -> parts.add("stop after more than " + m + " failed"));
        return String.join("; ", parts);
    }
}
