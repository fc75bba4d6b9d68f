package dev.flightdeck.session.steps;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.session.OutputSink;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionValues;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.StepResult;
import dev.flightdeck.session.StepRun;
import dev.flightdeck.ssh.CommandOutcome;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.OutputStreamKind;
import dev.flightdeck.ssh.SshException;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.UnknownHostKeyException;
import dev.flightdeck.ssh.fanout.FanOutExecution;
import dev.flightdeck.ssh.fanout.FanOutResult;
import dev.flightdeck.ssh.fanout.HostRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run} steps: the bound command on every host of {@code on:} (spread by the step's fan-out), or on this
 * computer for {@code on: local}. Exit codes are judged by the step's {@code expect.exit}; a host whose outcome is
 * unknown makes the step's outcome unknown, never a success.
 */
public final class RunStepExecutor implements StepExecutor {

    static final Duration DEFAULT_TIMEOUT = Duration.ofHours(1);
    /** Output {@code hostkey.HOST} = "TYPE SHA256:…" for each host whose key is unknown, so the operator can decide. */
    public static final String UNKNOWN_HOST_KEY = "hostkey.";

    private final SshSessions sessions;
    private final TargetResolver targets;
    private final LocalShell local;

    public RunStepExecutor(SshSessions sessions, TargetResolver targets, LocalShell local) {
        this.sessions = sessions;
        this.targets = targets;
        this.local = local;
    }

    @Override
    public StepResult execute(StepRun run) throws InterruptedException {
        StepAction.Run action = (StepAction.Run) run.step().action();
        String command;
        String on;
        try {
            command = run.bindings().bindCommand(action.command());
            on = run.bindings().bind(run.step().target().orElseThrow());
        } catch (SessionValues.UnboundVariableException e) {
            return StepResult.failed("cannot run: " + e.getMessage());
        }
        List<Integer> accepted = run.step().expect().exitCodesOrDefault();
        Duration deadline = run.timeoutOr(DEFAULT_TIMEOUT);
        CapturingSink output = new CapturingSink(
                run.output(), run.step().expect().outputContains().orElse(""));
        if (on.equals(Inventory.LOCAL)) {
            return withOutputs(judgeLocal(local.run(command, deadline, output), accepted, output), output);
        }
        List<SshTarget> hosts;
        try {
            hosts = targets.resolve(on);
        } catch (SshException e) {
            return StepResult.failed("cannot reach '" + on + "': " + e.getMessage());
        }
        FanOutExecution fanOut = new FanOutExecution(
                sessions,
                hosts,
                run.step().fanOut(),
                CommandRequest.of(command).withDeadline(deadline),
                (host, stream, line) -> output.line(
                        host.name(),
                        stream == OutputStreamKind.STDERR ? OutputSink.Stream.STDERR : OutputSink.Stream.STDOUT,
                        line),
                result -> accepts(result, accepted));
        try {
            return withOutputs(judge(fanOut.run(), accepted, output), output);
        } catch (InterruptedException e) {
            fanOut.cancel();
            throw e;
        }
    }

    private static boolean accepts(CommandResult result, List<Integer> accepted) {
        return result.outcome() instanceof CommandOutcome.Completed completed
                && accepted.contains(completed.exitCode());
    }

    /** Adds {@code stdout} (the last line) and {@code output} (the first 4 KB) of the first host that printed. */
    private static StepResult withOutputs(StepResult result, CapturingSink output) {
        Map<String, String> outputs = new LinkedHashMap<>(result.outputs());
        outputs.put("stdout", output.lastStdoutLine());
        outputs.put("output", output.stdout());
        return new StepResult(result.status(), result.message(), outputs, result.hosts());
    }

    private static StepResult judgeLocal(LocalShell.Finished finished, List<Integer> accepted, CapturingSink output) {
        if (finished.exitCode().isEmpty()) {
            return StepResult.unknown(finished.why());
        }
        int exit = finished.exitCode().getAsInt();
        String message = "exited with " + exit + " on this computer";
        if (!accepted.contains(exit)) {
            return StepResult.failed(message + " (expected " + accepted + ")", Map.of("exit", String.valueOf(exit)));
        }
        if (!output.printedExpectedText(Inventory.LOCAL)) {
            return StepResult.failed(
                    message + ", but its output does not contain the expected text",
                    Map.of("exit", String.valueOf(exit)));
        }
        return StepResult.succeeded(message, Map.of("exit", String.valueOf(exit)));
    }

    private static StepResult judge(FanOutResult result, List<Integer> accepted, CapturingSink output) {
        List<SessionEvent.HostResult> hosts = new ArrayList<>();
        Map<String, String> unknownKeys = new LinkedHashMap<>();
        int failed = 0;
        int unknown = 0;
        for (HostRun run : result.runs()) {
            if (run instanceof HostRun.NotStarted notStarted) {
                hosts.add(new SessionEvent.HostResult(
                        run.target().name(), SessionEvent.Status.FAILED, null, "not started: " + notStarted.reason()));
                failed++;
                continue;
            }
            CommandOutcome outcome = ((HostRun.Ran) run).result().outcome();
            if (outcome instanceof CommandOutcome.Completed completed) {
                boolean exitAccepted = accepted.contains(completed.exitCode());
                boolean textFound = output.printedExpectedText(run.target().name());
                boolean ok = exitAccepted && textFound;
                hosts.add(new SessionEvent.HostResult(
                        run.target().name(),
                        ok ? SessionEvent.Status.SUCCEEDED : SessionEvent.Status.FAILED,
                        completed.exitCode(),
                        "exit " + completed.exitCode() + (exitAccepted ? "" : " (expected " + accepted + ")")
                                + (textFound ? "" : ", expected text not in its output")));
                failed += ok ? 0 : 1;
            } else if (outcome instanceof CommandOutcome.Unknown unknownOutcome) {
                hosts.add(new SessionEvent.HostResult(
                        run.target().name(), SessionEvent.Status.UNKNOWN, null, unknownOutcome.reason()));
                unknown++;
            } else if (outcome instanceof CommandOutcome.FailedToStart notRun) {
                hosts.add(new SessionEvent.HostResult(
                        run.target().name(), SessionEvent.Status.FAILED, null, notRun.reason()));
                if (notRun.cause() instanceof UnknownHostKeyException unknownKey) {
                    unknownKeys.put(
                            UNKNOWN_HOST_KEY + run.target().name(),
                            unknownKey.key().keyType() + " " + unknownKey.key().fingerprint());
                }
                failed++;
            }
        }
        String summary = summarize(hosts, result);
        Map<String, String> outputs = new LinkedHashMap<>(unknownKeys);
        if (hosts.size() == 1 && hosts.get(0).exitCode() != null) {
            outputs.put("exit", String.valueOf(hosts.get(0).exitCode()));
        }
        SessionEvent.Status status = unknown > 0
                ? SessionEvent.Status.UNKNOWN
                : failed > 0 ? SessionEvent.Status.FAILED : SessionEvent.Status.SUCCEEDED;
        return new StepResult(status, summary, outputs, hosts);
    }

    private static String summarize(List<SessionEvent.HostResult> hosts, FanOutResult result) {
        if (hosts.size() == 1) {
            SessionEvent.HostResult only = hosts.get(0);
            return only.host() + ": " + only.message();
        }
        long ok = hosts.stream()
                .filter(h -> h.status() == SessionEvent.Status.SUCCEEDED)
                .count();
        String text = ok + " of " + hosts.size() + " hosts succeeded";
        List<String> problems = hosts.stream()
                .filter(h -> h.status() != SessionEvent.Status.SUCCEEDED)
                .map(h -> h.host() + ": " + h.message())
                .toList();
        return text
                + (problems.isEmpty() ? "" : "; " + String.join("; ", problems))
                + result.stopReason().map(r -> " (" + r + ")").orElse("");
    }
}
