package dev.flightdeck.ssh.fanout;

import dev.flightdeck.runbook.FanOut;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.RunningCommand;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One command on a group of hosts, batch by batch, at most {@code parallel} at a time, stopping the rollout
 * as soon as more than {@code max-fail} hosts failed: hosts not yet started then stay untouched and are
 * reported as not started. Threads come from a named pool sized to the parallelism, shut down at the end.
 * {@link #cancel()} from another thread stops starting hosts and cancels the running commands.
 */
public final class FanOutExecution {

    private final SshSessions sessions;
    private final List<SshTarget> hosts;
    private final FanOut fanOut;
    private final CommandRequest request;
    private final HostOutputListener output;
    private final Map<SshTarget, RunningCommand> running = new ConcurrentHashMap<>();
    private final AtomicReference<String> stopReason = new AtomicReference<>();
    private final int allowedFailures;
    private final Predicate<CommandResult> succeeded;
    private int failures;

    public FanOutExecution(
            SshSessions sessions,
            List<SshTarget> hosts,
            FanOut fanOut,
            CommandRequest request,
            HostOutputListener output) {
        this(sessions, hosts, fanOut, request, output, CommandResult::isSuccess);
    }

    /**
     * @param succeeded what counts as success on one host (a runbook may accept exit codes other than 0); anything
     *                  else counts towards {@code max-fail}
     */
    public FanOutExecution(
            SshSessions sessions,
            List<SshTarget> hosts,
            FanOut fanOut,
            CommandRequest request,
            HostOutputListener output,
            Predicate<CommandResult> succeeded) {
        this.succeeded = succeeded;
        this.sessions = sessions;
        this.hosts = List.copyOf(hosts);
        this.fanOut = fanOut;
        this.request = request;
        this.output = output;
        this.allowedFailures = BatchPlan.allowedFailures(fanOut, hosts.size());
    }

    public FanOutResult run() throws InterruptedException {
        List<HostRun> runs = new ArrayList<>();
        int next = 0;
        for (int size : BatchPlan.batchSizes(fanOut, hosts.size())) {
            List<SshTarget> batch = hosts.subList(next, next + size);
            next += size;
            runs.addAll(runBatch(batch, BatchPlan.parallelism(fanOut, size)));
        }
        return new FanOutResult(runs, allowedFailures, Optional.ofNullable(stopReason.get()));
    }

    /** Stops the rollout: no further host is started, running commands are cancelled (outcome unknown). */
    public void cancel() {
        stopReason.compareAndSet(null, "cancelled by the operator");
        running.values().forEach(RunningCommand::cancel);
    }

    private List<HostRun> runBatch(List<SshTarget> batch, int parallelism) throws InterruptedException {
        String stopped = stopReason.get();
        if (stopped != null) {
            return batch.stream()
                    .<HostRun>map(host -> new HostRun.NotStarted(host, stopped))
                    .toList();
        }
        ExecutorService pool = FanOutThreads.pool(parallelism);
        try {
            List<Future<HostRun>> futures = new ArrayList<>();
            for (SshTarget host : batch) {
                futures.add(pool.submit(() -> runOne(host)));
            }
            List<HostRun> runs = new ArrayList<>();
            for (Future<HostRun> future : futures) {
                runs.add(FanOutThreads.result(future));
            }
            return runs;
        } finally {
            FanOutThreads.shutdown(pool);
        }
    }

    private HostRun runOne(SshTarget host) throws InterruptedException {
        String stopped = stopReason.get();
        if (stopped != null) {
            return new HostRun.NotStarted(host, stopped);
        }
        RunningCommand command = sessions.start(host, request.withOutput((stream, line) -> {
            request.output().line(stream, line);
            output.line(host, stream, line);
        }));
        running.put(host, command);
        try {
            HostRun.Ran ran = new HostRun.Ran(host, command.await());
            if (!succeeded.test(ran.result())) {
                countFailure();
            }
            return ran;
        } finally {
            running.remove(host);
        }
    }

    private synchronized void countFailure() {
        failures++;
        if (failures > allowedFailures) {
            stopReason.compareAndSet(
                    null,
                    failures + " host(s) failed, more than max-fail " + allowedFailures
                            + " allows: the rollout was stopped");
        }
    }
}
