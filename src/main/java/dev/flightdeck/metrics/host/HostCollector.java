package dev.flightdeck.metrics.host;

import dev.flightdeck.metrics.collect.Collector;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.collect.RetryBackoff;
import dev.flightdeck.metrics.collect.SampleSink;
import dev.flightdeck.ssh.CommandOutcome;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.CommandResult;
import dev.flightdeck.ssh.SshException;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * CPU, load, memory and disk use of a Linux host, read with one command per sample over the session's SSH pool (the
 * connection the steps use; nothing new is opened per sample). Writes {@code cpu} (percent busy since the previous
 * sample, so from the second sample on), {@code load} (1-minute load average), {@code memory} (percent in use) and,
 * under the part {@code source:PATH} of each chosen path, {@code disk} (percent of its filesystem in use).
 */
public final class HostCollector implements Collector {

    /** Where the host is reached: resolved on every sample, so an inventory problem shows as this source's error. */
    @FunctionalInterface
    public interface TargetLookup {
        SshTarget target() throws SshException;
    }

    private final String source;
    private final TargetLookup lookup;
    private final SshSessions sessions;
    private final List<String> paths;
    private final String command;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final RetryBackoff backoff;
    private CpuTimes previousCpu;

    /**
     * @param paths   the paths whose filesystems' use to read ({@code /}, {@code /var/lib/postgresql})
     * @param timeout how long one reading may take, connecting included
     */
    public HostCollector(
            String source,
            TargetLookup lookup,
            SshSessions sessions,
            List<String> paths,
            Duration interval,
            Duration timeout,
            Clock clock) {
        this.source = source;
        this.lookup = lookup;
        this.sessions = sessions;
        this.paths = List.copyOf(paths);
        this.command = HostCommand.forPaths(paths);
        this.interval = interval;
        this.timeout = timeout;
        this.clock = clock;
        this.backoff = new RetryBackoff(interval, clock);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public Duration interval() {
        return interval;
    }

    public List<String> paths() {
        return paths;
    }

    /**
     * Reads the host, unless it could not be reached lately: then attempts are spaced out ({@link RetryBackoff}) and a
     * skipped one fails with the last reason. A CPU percentage is only taken between two consecutive readings.
     */
    @Override
    public void collect(SampleSink sink) throws CollectorException, InterruptedException {
        Optional<String> skipped = backoff.skip();
        if (skipped.isPresent()) {
            throw new CollectorException(CollectorException.Code.UNREACHABLE, skipped.get());
        }
        CommandResult result;
        try {
            result = run();
        } catch (CollectorException e) {
            previousCpu = null;
            backoff.failed(e.reason());
            throw e;
        }
        backoff.succeeded();
        read(result, sink);
    }

    private CommandResult run() throws CollectorException, InterruptedException {
        SshTarget target;
        try {
            target = lookup.target();
        } catch (SshException e) {
            throw new CollectorException(CollectorException.Code.UNREACHABLE, e.getMessage(), e);
        }
        CommandResult result = sessions.exec(
                target, CommandRequest.of(command).withDeadline(timeout).capturingBytes());
        if (!(result.outcome() instanceof CommandOutcome.Completed)) {
            throw new CollectorException(
                    CollectorException.Code.UNREACHABLE,
                    "cannot read " + target.describe() + ": " + reason(result.outcome()));
        }
        return result;
    }

    private void read(CommandResult result, SampleSink sink) throws CollectorException {
        long taken = clock.millis();
        SshTarget target = result.target();
        HostReading reading = ProcTextParser.parse(new String(result.stdout(), StandardCharsets.UTF_8), paths);
        write(reading, taken, sink);
        if (!reading.problems().isEmpty()) {
            String stderr = new String(result.stderr(), StandardCharsets.UTF_8).strip();
            throw new CollectorException(
                    CollectorException.Code.UNREADABLE,
                    "read " + target.describe() + " only in part: " + String.join("; ", reading.problems())
                            + (stderr.isEmpty()
                                    ? ""
                                    : " (" + stderr.lines().findFirst().orElse("") + ")"));
        }
    }

    private void write(HostReading reading, long taken, SampleSink sink) {
        Optional<CpuTimes> cpu = reading.cpu();
        if (cpu.isPresent() && previousCpu != null) {
            cpu.get().percentSince(previousCpu).ifPresent(percent -> sink.record("cpu", taken, percent));
        }
        cpu.ifPresent(times -> previousCpu = times);
        reading.load1().ifPresent(load -> sink.record("load", taken, load));
        reading.memoryPercent().ifPresent(memory -> sink.record("memory", taken, memory));
        reading.diskPercent().forEach((path, percent) -> sink.part(path).record("disk", taken, percent));
    }

    private static String reason(CommandOutcome outcome) {
        if (outcome instanceof CommandOutcome.FailedToStart failed) {
            return failed.reason();
        }
        return outcome instanceof CommandOutcome.Unknown unknown ? unknown.reason() : outcome.toString();
    }
}
