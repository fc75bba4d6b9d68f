package dev.flightdeck.app.cli;

import dev.flightdeck.approval.ApprovalRequest;
import dev.flightdeck.approval.SignedApproval;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Drives a session step by step without a person at the screen: runs what can run, confirms with {@code --yes},
 * approves with {@code --approve ROLE=NAME}, and stops — with the reason and what to do — where a person is needed.
 */
final class HeadlessRun {

    /** Exit codes of {@code flightdeck run}. */
    static final int DONE = 0;

    static final int FAILED = 1;
    static final int WAITING = 3;
    /** The change did not go through, and the rollback (run by --auto-rollback) returned the system and verified it. */
    static final int ROLLED_BACK = 4;
    /** Not an exit code: the operator answered an inconclusive analysis with "roll back"; the rollback has started. */
    static final int ROLLBACK_CHOSEN = -1;

    private final Session session;
    private final PrintWriter out;
    private final boolean yes;
    private final Map<Role, List<String>> approvers;
    private final Set<String> rerun;
    private final Map<String, String> markDone;
    private BooleanSupplier stopBeforeNextStep = () -> false;
    private List<SignedApproval> signedApprovals = List.of();
    private Path requestDirectory;
    private Function<SessionEvent.AnalysisInconclusive, Optional<String>> decisions = pause -> Optional.empty();

    HeadlessRun(
            Session session,
            PrintWriter out,
            boolean yes,
            Map<Role, List<String>> approvers,
            Set<String> rerun,
            Map<String, String> markDone) {
        this.session = session;
        this.out = out;
        this.yes = yes;
        this.approvers = approvers;
        this.rerun = rerun;
        this.markDone = markDone;
        session.addListener(new SessionListener() {
            @Override
            public void output(String stepId, String host, OutputSink.Stream stream, String line) {
                synchronized (out) {
                    out.println("      " + host + (stream == OutputSink.Stream.STDERR ? " ! " : " | ") + line);
                    out.flush();
                }
            }
        });
    }

    /** Stops between steps when this turns true (an armed trigger's countdown ran out: the rollback comes first). */
    HeadlessRun stopWhen(BooleanSupplier stop) {
        this.stopBeforeNextStep = stop;
        return this;
    }

    /**
     * Signed approvals to apply at their gates ({@code --approval}); where a gate of a session with a roster still
     * waits, its approval request is written into {@code requestDirectory} for the approver.
     */
    HeadlessRun withSignedApprovals(List<SignedApproval> approvals, Path requestDirectory) {
        this.signedApprovals = List.copyOf(approvals);
        this.requestDirectory = requestDirectory;
        return this;
    }

    /**
     * Who answers an inconclusive analysis the window paused on: {@code continue} or {@code rollback}, or empty when
     * nobody can (the run then waits, exit 3, saying how to answer).
     */
    HeadlessRun decideWith(Function<SessionEvent.AnalysisInconclusive, Optional<String>> decisions) {
        this.decisions = decisions;
        return this;
    }

    int run() throws InterruptedException {
        while (!stopBeforeNextStep.getAsBoolean()) {
            if (session.state().paused().isPresent()) {
                Integer stop = answerPause(session.state().paused().get());
                if (stop != null) {
                    return stop;
                }
                continue;
            }
            SessionState state = session.state();
            Step step = state.currentStep().orElse(null);
            if (step == null) {
                return DONE;
            }
            StepStatus status = state.status(step.id());
            String label = number(step) + " " + step.kind().label() + ": " + state.title(step);
            try {
                Integer stop = handle(step, status, label);
                if (stop != null) {
                    return stop;
                }
            } catch (SessionRuleException e) {
                say("  ✗ " + label + ": " + e.getMessage());
                return FAILED;
            }
        }
        return FAILED;
    }

    /** One step; null to go on, or the exit code to stop with. */
    private Integer handle(Step step, StepStatus status, String label)
            throws SessionRuleException, InterruptedException {
        if (status == StepStatus.UNKNOWN || status == StepStatus.FAILED) {
            if (markDone.containsKey(step.id()) && status == StepStatus.UNKNOWN) {
                session.markDone(step.id(), markDone.get(step.id()));
                say("  ✓ " + label + ": marked done by hand (" + markDone.get(step.id()) + ")");
                return null;
            }
            if (!rerun.contains(step.id())) {
                say("  " + (status == StepStatus.UNKNOWN ? "?" : "✗") + " " + label + ": "
                        + session.state().record(step.id()).message());
                say(
                        status == StepStatus.UNKNOWN
                                ? "    Its outcome is unknown. Check the target by hand, then run again with --mark-done "
                                        + step.id() + "=\"what you checked\"" + " or --rerun " + step.id()
                                        + ", or roll back."
                                : "    Fix the cause and run again with --resume --rerun " + step.id()
                                        + (step.required() ? "" : ", or skip it in the console") + ".");
                return status == StepStatus.UNKNOWN ? WAITING : FAILED;
            }
        }
        if (step.kind() == StepKind.CONFIRM) {
            if (!yes) {
                say("  … " + label
                        + ": waiting for the operator to confirm; run again with --resume --yes to confirm checklist items "
                        + "non-interactively, or confirm it in the console");
                return WAITING;
            }
            session.confirm(step.id(), "confirmed in non-interactive mode (--yes)");
            say("  ✓ " + label);
            return null;
        }
        if (step.action() instanceof StepAction.Approve gate) {
            return approve(step, gate, label);
        }
        say("  ▶ " + label);
        SessionEvent.StepOutcome outcome = session.run(step.id());
        String mark = switch (outcome.status()) {
            case SUCCEEDED -> "✓";
            case FAILED -> "✗";
            case UNKNOWN -> "?";
        };
        say("  " + mark + " " + outcome.message() + " (" + seconds(outcome.durationMillis()) + ")");
        if (outcome.status() == SessionEvent.Status.SUCCEEDED) {
            return null;
        }
        if (outcome.status() == SessionEvent.Status.UNKNOWN) {
            // every exit 3 says what to do next, as a resume does
            say("    Its outcome is unknown. Check the target by hand, then run again with --resume --mark-done "
                    + step.id() + "=\"what you checked\" or --resume --rerun " + step.id() + ", or roll back.");
            return WAITING;
        }
        return FAILED;
    }

    /** Shows why the window paused and takes the operator's answer; null to go on with the steps. */
    private Integer answerPause(SessionEvent.AnalysisInconclusive pause) {
        say("  ⏸ paused: rule '" + pause.trigger() + "' is " + pause.kind()
                + (pause.series().isEmpty() ? "" : " on " + pause.series()));
        pause.evidence().forEach(line -> say("      " + line));
        Optional<String> answer = decisions.apply(pause);
        if (answer.isEmpty()) {
            say("    The window waits for the operator: run again with --resume --decide continue or --decide rollback,"
                    + " or answer in the console.");
            return WAITING;
        }
        try {
            Optional<String> checkpoint = session.decide(answer.get(), "answered on the command line");
            if (checkpoint.isEmpty()) {
                say("  ✓ continuing, as " + session.operator() + " decided");
                return null;
            }
            say("  ⟲ " + session.operator() + " chose to roll back (checkpoint " + checkpoint.get() + ")");
            return ROLLBACK_CHOSEN;
        } catch (SessionRuleException e) {
            say("  ✗ " + e.getMessage());
            return FAILED;
        }
    }

    private Integer approve(Step step, StepAction.Approve gate, String label) throws SessionRuleException {
        if (session.roster().isPresent()) {
            return approveSigned(step, gate, label);
        }
        for (Role role : gate.roles()) {
            for (String name : approvers.getOrDefault(role, List.of())) {
                boolean already = session.state().record(step.id()).approvals().stream()
                        .anyMatch(given -> given.approver().equalsIgnoreCase(name.strip()));
                if (!already
                        && session.state()
                                .currentStep()
                                .map(s -> s.id().equals(step.id()))
                                .orElse(false)) {
                    String checkpoint =
                            session.approve(step.id(), name, role, "approved on the command line (--approve)");
                    say("  ✓ " + label + ": approved by " + name + " (" + role + "), checkpoint " + checkpoint
                            + " — unverified approval (no roster: a typed name, nothing the approver signed)");
                }
            }
        }
        if (session.state().record(step.id()).status() == StepStatus.SUCCEEDED) {
            return null;
        }
        say("  … " + label + ": waiting for approval by " + gate.roles()
                + (gate.reason().isBlank() ? "" : " (" + gate.reason() + ")")
                + "; run again with --resume --approve ROLE=NAME");
        return WAITING;
    }

    /** A session with a roster: only signed approvals open the gate; a refused one stops the run and says why. */
    private Integer approveSigned(Step step, StepAction.Approve gate, String label) throws SessionRuleException {
        if (!approvers.isEmpty()) {
            say("  ✗ " + label + ": --approve ROLE=NAME is a typed name; this session checks approvals against the"
                    + " roster '" + session.roster().get().team() + "': load the approver's signed approval with"
                    + " --approval FILE");
            return FAILED;
        }
        ApprovalRequest request = session.requestApproval(step.id());
        for (SignedApproval approval : signedApprovals) {
            boolean open = session.state().record(step.id()).status() != StepStatus.SUCCEEDED;
            if (open && belongsHere(approval, step)) {
                try {
                    String checkpoint = session.approveSigned(approval);
                    say("  ✓ " + label + ": approved by " + approval.approver() + " (" + approval.role()
                            + "), signed with key " + approval.fingerprint() + ", checkpoint " + checkpoint);
                } catch (SessionRuleException refused) {
                    say("  ✗ " + label + ": " + refused.getMessage());
                    return FAILED;
                }
            }
        }
        if (session.state().record(step.id()).status() == StepStatus.SUCCEEDED) {
            return null;
        }
        Path file;
        try {
            file = request.writeInto(requestDirectory);
        } catch (IOException e) {
            say("  ✗ " + label + ": the approval request cannot be written into " + requestDirectory + " ("
                    + e.getMessage() + ")");
            return FAILED;
        }
        say("  … " + label + ": waiting for a signed approval by " + String.join(" and ", request.roles())
                + (gate.reason().isBlank() ? "" : " (" + gate.reason() + ")"));
        say("    Approval request " + request.shortText() + ", in " + file + "; or paste this line:");
        say("    " + request.toLine());
        say("    The approver answers with: flightdeck approve REQUEST --key THEIR-KEY-FILE; then run again with"
                + " --resume --approval APPROVAL-FILE");
        return WAITING;
    }

    /**
     * An approval is tried at this gate when it names it, or names no step still to come (it is then refused with the
     * reason, e.g. one replayed from an earlier gate); one already journaled is not tried again.
     */
    private boolean belongsHere(SignedApproval approval, Step gate) {
        Optional<Step> named = session.runbook().step(approval.stepId());
        boolean used = named.isPresent()
                && session.state().record(approval.stepId()).approvals().stream()
                        .anyMatch(given -> approval.fingerprint().equals(given.keyFingerprint()));
        boolean later = named.isPresent()
                && !named.get().id().equals(gate.id())
                && !session.state().record(approval.stepId()).status().isSettled();
        return !used && !later;
    }

    private String number(Step step) {
        return session.runbook().numberOf(step.id());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private void say(String line) {
        synchronized (out) {
            out.println(session.redact(line));
            out.flush();
        }
    }
}
