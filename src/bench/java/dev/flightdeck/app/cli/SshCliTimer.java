package dev.flightdeck.app.cli;

import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Times the OpenSSH client against the bench's sshd, with the same strict host-key checking as Flightdeck. */
final class SshCliTimer {

    private final LoopbackSshd sshd;
    private final Path directory;

    SshCliTimer(LoopbackSshd sshd, Path directory) {
        this.sshd = sshd;
        this.directory = directory;
    }

    /** Median round trip of {@code ssh host COMMAND}; multiplexed runs share one master connection. */
    double median(int runs, String command, boolean multiplexed) throws Exception {
        run(command, multiplexed);
        return BenchTable.median(runs, () -> run(command, multiplexed));
    }

    void stopMaster() throws IOException, InterruptedException {
        List<String> exit = base(true);
        exit.addAll(List.of("-O", "exit", sshd.user() + "@" + sshd.host()));
        new ProcessBuilder(exit).redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
    }

    private void run(String command, boolean multiplexed) throws IOException, InterruptedException {
        List<String> arguments = base(multiplexed);
        arguments.add(sshd.user() + "@" + sshd.host());
        arguments.add(command);
        Process process =
                new ProcessBuilder(arguments).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(
                    "ssh exited with " + process.exitValue() + ": " + String.join(" ", arguments));
        }
    }

    private List<String> base(boolean multiplexed) {
        List<String> arguments = new ArrayList<>(List.of(
                "ssh",
                "-F",
                "/dev/null",
                "-i",
                sshd.userKey().toString(),
                "-p",
                Integer.toString(sshd.port()),
                "-o",
                "BatchMode=yes",
                "-o",
                "StrictHostKeyChecking=yes",
                "-o",
                "UserKnownHostsFile=" + directory.resolve("known_hosts"),
                "-o",
                "LogLevel=ERROR"));
        if (multiplexed) {
            arguments.addAll(List.of(
                    "-o",
                    "ControlMaster=auto",
                    "-o",
                    "ControlPath=" + directory.resolve("cm-%C"),
                    "-o",
                    "ControlPersist=60"));
        }
        return arguments;
    }
}
