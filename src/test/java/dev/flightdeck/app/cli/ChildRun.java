package dev.flightdeck.app.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code flightdeck run RUNBOOK --journal J --operator NAME --passphrase-file F} in a child JVM with its own
 * {@code FLIGHTDECK_HOME}, output and errors on one stream, no standard input: for tests that kill it mid-step or
 * open its journal from a second process while it runs.
 */
final class ChildRun {

    private ChildRun() {}

    static Process start(Path home, Path runbook, Path journal, String operator, Path passphrase) throws IOException {
        return command(
                home,
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                operator,
                "--passphrase-file",
                passphrase.toString());
    }

    /** Any {@code flightdeck} command in its own JVM, as another person on another machine would run it. */
    static Process command(Path home, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flightdeck.app.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder launch = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        launch.environment().put("FLIGHTDECK_HOME", home.toString());
        return launch.start();
    }
}
