package dev.flightdeck.session.steps;

import dev.flightdeck.session.OutputSink;
import dev.flightdeck.text.Durations;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Runs a {@code run} step with {@code on: local} on the operator's own machine through {@code bash -c}, streaming
 * stdout and stderr line by line. A command past its deadline is stopped (TERM, then KILL) and its outcome is unknown.
 */
public final class LocalShell {

    private static final Duration GRACE = Duration.ofSeconds(3);

    /** The finished command: its exit code, or empty when it was stopped at the deadline. */
    public record Finished(OptionalInt exitCode, String why) {}

    public Finished run(String command, Duration deadline, OutputSink output) throws InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("bash", "-c", command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            return new Finished(OptionalInt.empty(), "could not start bash on this computer: " + e.getMessage());
        }
        Thread out = pump(process.getInputStream(), OutputSink.Stream.STDOUT, output);
        Thread err = pump(process.getErrorStream(), OutputSink.Stream.STDERR, output);
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                stop(process);
                return new Finished(
                        OptionalInt.empty(),
                        "still running after its timeout of " + Durations.format(deadline)
                                + "; it was stopped, so what it did is unknown");
            }
            out.join();
            err.join();
            return new Finished(OptionalInt.of(process.exitValue()), "");
        } catch (InterruptedException e) {
            stop(process);
            throw e;
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private static Thread pump(InputStream stream, OutputSink.Stream kind, OutputSink output) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = reader.readLine()) != null) {
                            output.line("local", kind, line);
                        }
                    } catch (IOException closedWhenStopped) {
                        // the process was stopped; what it printed so far has been passed on
                    }
                },
                "flightdeck-local-" + kind.name().toLowerCase(Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
