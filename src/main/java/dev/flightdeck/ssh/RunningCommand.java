package dev.flightdeck.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command started on a host. {@link #await()} blocks until it ends, its deadline passes (signal, grace,
 * close: outcome unknown) or {@link #cancel()} is called from another thread (same treatment). No thread is
 * started per command: the connection's reader thread delivers output; the caller's thread waits.
 */
public final class RunningCommand {

    private static final Logger LOG = LoggerFactory.getLogger(RunningCommand.class);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final CommandId id;
    private final HostSession host;
    private final CommandRequest request;
    private final SshSettings settings;
    private final SshEventListener listener;
    private final long startNanos = System.nanoTime();
    private final CompletionSignal signal = new CompletionSignal();
    private final ChannelExec channel;
    private final CapturingLineOutput stdout;
    private final CapturingLineOutput stderr;
    private volatile boolean cancelled;
    private volatile boolean sudoAskedPassword;
    private volatile boolean listenerFailed;
    private CommandResult result;

    private RunningCommand(
            CommandId id, HostSession host, CommandRequest request, SshSettings settings, SshEventListener listener)
            throws JSchException {
        this.id = id;
        this.host = host;
        this.request = request;
        this.settings = settings;
        this.listener = listener;
        this.channel = (ChannelExec) host.jschSession().openChannel("exec");
        this.stdout = new CapturingLineOutput(OutputStreamKind.STDOUT, this::deliver, request.captureBytes(), () -> {});
        this.stderr =
                new CapturingLineOutput(OutputStreamKind.STDERR, this::deliver, request.captureBytes(), signal::done);
    }

    static RunningCommand start(
            CommandId id, HostSession host, CommandRequest request, SshSettings settings, SshEventListener listener)
            throws SshException {
        try {
            RunningCommand running = new RunningCommand(id, host, request, settings, listener);
            running.send();
            return running;
        } catch (JSchException | IOException e) {
            host.reportIfLost();
            throw new SshException(
                    "SSH-EXEC-START",
                    "Could not start the command on " + host.target().describe() + ": " + SshException.reason(e)
                            + ". Nothing was run.",
                    e);
        }
    }

    private void send() throws JSchException, IOException {
        channel.setCommand(SudoCommands.nonInteractive(request.command()));
        channel.setOutputStream(stdout);
        channel.setErrStream(stderr);
        channel.connect(Math.toIntExact(settings.connectTimeout().toMillis()));
        // Only a given payload is written to stdin; then it ends, so a command that reads stdin does not wait forever.
        try (OutputStream in = channel.getOutputStream()) {
            if (request.stdin().length > 0) {
                in.write(request.stdin());
                in.flush();
            }
        } finally {
            Arrays.fill(request.stdin(), (byte) 0);
        }
    }

    /** A command that never started: {@link #await()} returns this result at once. */
    static RunningCommand failed(CommandResult result) {
        return new RunningCommand(result);
    }

    private RunningCommand(CommandResult finished) {
        this.id = finished.id();
        this.host = null;
        this.request = null;
        this.settings = null;
        this.listener = null;
        this.channel = null;
        this.stdout = null;
        this.stderr = null;
        this.result = finished;
    }

    public CommandId id() {
        return id;
    }

    /** Stops the command: signal TERM, wait the grace period, close the channel. Its outcome becomes unknown. */
    public void cancel() {
        cancelled = true;
        if (signal != null) {
            signal.poke();
        }
    }

    public synchronized CommandResult await() throws InterruptedException {
        if (result == null) {
            CommandOutcome outcome = waitForOutcome();
            result = finish(outcome);
        }
        return result;
    }

    private CommandOutcome waitForOutcome() throws InterruptedException {
        long deadlineNanos = startNanos + request.deadline().toNanos();
        while (true) {
            long left = deadlineNanos - System.nanoTime();
            boolean done = signal.await(Math.max(0, Math.min(left, POLL_NANOS))) || channel.isClosed();
            if (done) {
                return fromExitStatus();
            }
            if (cancelled) {
                terminate();
                return new CommandOutcome.Unknown(
                        "cancelled by the operator; the command was signalled and its channel closed");
            }
            if (System.nanoTime() >= deadlineNanos) {
                terminate();
                return new CommandOutcome.Unknown("deadline of " + describe(request.deadline())
                        + " passed; the command was signalled and its channel closed");
            }
            if (!host.isConnected()) {
                return fromExitStatus();
            }
        }
    }

    private CommandOutcome fromExitStatus() {
        int exit = channel.getExitStatus();
        if (exit >= 0) {
            return new CommandOutcome.Completed(exit);
        }
        if (connectionEnded()) {
            host.reportIfLost();
            return new CommandOutcome.Unknown(
                    "the connection dropped while the command ran; it may or may not have finished");
        }
        return new CommandOutcome.Unknown(
                "the server reported no exit status (exit -1): the command may have been killed by a signal");
    }

    /** JSch closes a dead connection's channels just before it marks the connection down: give it a moment. */
    private boolean connectionEnded() {
        for (int i = 0; i < 20 && host.isConnected(); i++) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !host.isConnected();
    }

    private void terminate() throws InterruptedException {
        try {
            channel.sendSignal("TERM");
        } catch (Exception serverDoesNotSupportSignals) {
            // Closing the channel below still stops the command's output reaching us.
        }
        signal.await(settings.terminateGrace().toNanos());
        channel.disconnect();
    }

    private CommandResult finish(CommandOutcome outcome) {
        channel.disconnect();
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        Optional<String> hint =
                sudoAskedPassword ? Optional.of(SudoCommands.passwordHint(host.target())) : Optional.empty();
        listener.commandOutcome(id, host.target(), outcome, took);
        return new CommandResult(
                id,
                host.target(),
                request.command(),
                outcome,
                took,
                stdout.capturedBytes(),
                stderr.capturedBytes(),
                hint);
    }

    private void deliver(OutputStreamKind kind, String line) {
        if (kind == OutputStreamKind.STDERR && SudoCommands.asksForPassword(line)) {
            sudoAskedPassword = true;
        }
        // The journal's listener first: it is the record. Then the caller's.
        guarded(() -> listener.outputLine(id, kind, line));
        guarded(() -> request.output().line(kind, line));
    }

    /**
     * Listeners run on the connection's reader thread: an exception escaping there would drop the
     * connection and every command on it. A failing listener is logged once and the command goes on.
     */
    private void guarded(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                LOG.error("An output listener of {} failed; the command goes on", id, e);
            }
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
