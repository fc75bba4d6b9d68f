package dev.flightdeck.app.cli;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.FanOut;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.ssh.fanout.FanOutExecution;
import dev.flightdeck.ssh.fanout.FanOutResult;
import dev.flightdeck.ssh.fanout.HostOutputListener;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench ssh}: starts its own OpenSSH sshd on loopback and compares Flightdeck's per-command
 * round trip (one reused connection) with the {@code ssh} client (a new connection per command, the
 * reference; and multiplexed, for a fair second look), then one command fanned out over many inventory
 * hosts (all pointing at that sshd) sequentially (reference) and {@code parallel: 10}.
 */
@Command(
        name = "ssh",
        description =
                "Per-command round trip vs the ssh client, and fan-out parallel vs sequential, against a loopback sshd.",
        mixinStandardHelpOptions = true)
public final class SshBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--runs",
            defaultValue = "15",
            description = "commands timed per approach (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(
            names = "--hosts",
            defaultValue = "50",
            description = "inventory hosts in the fan-out (default ${DEFAULT-VALUE})")
    private int hosts;

    @Option(names = "--command", defaultValue = "true", description = "the remote command (default ${DEFAULT-VALUE})")
    private String command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path directory = Files.createTempDirectory("flightdeck-bench-ssh");
        try (LoopbackSshd sshd = LoopbackSshd.start(directory.resolve("sshd"))) {
            Files.writeString(directory.resolve("known_hosts"), sshd.knownHostsLine() + "\n");
            SshCliTimer cli = new SshCliTimer(sshd, directory);
            HostKeyVerifier verifier = new HostKeyVerifier(
                    List.of(directory.resolve("known_hosts")), directory.resolve("flightdeck_known_hosts"));
            BenchTable table = new BenchTable(
                    out,
                    "flightdeck bench ssh: OpenSSH sshd on 127.0.0.1:" + sshd.port() + ", command '" + command
                            + "', median of " + runs + " runs");
            table.header("per command round trip", "median ms");
            double reference = table.reference("ssh CLI, new connection per command", cli.median(runs, command, false));
            table.row("ssh CLI, multiplexed (ControlMaster)", cli.median(runs, command, true), reference);
            table.row("Flightdeck, reused session", flightdeckMedian(sshd, verifier), reference);
            cli.stopMaster();
            table.header("one command on " + hosts + " hosts, connecting included", "total ms");
            List<SshTarget> targets = benchTargets(sshd, directory);
            double sequential =
                    table.reference("fan-out, sequential", fanOutMillis(targets, verifier, FanOut.sequential()));
            table.row(
                    "fan-out, parallel: 10",
                    fanOutMillis(targets, verifier, new FanOut(Optional.of(10), List.of(), Optional.empty())),
                    sequential);
            table.footer("ratio < 1 means faster than the reference measured in this run");
        } finally {
            deleteTree(directory);
        }
        out.flush();
        return Cli.OK;
    }

    private double flightdeckMedian(LoopbackSshd sshd, HostKeyVerifier verifier) throws Exception {
        SshTarget target = new SshTarget(
                "bench", sshd.host(), sshd.port(), sshd.user(), List.of(sshd.userKey()), false, Optional.empty());
        try (SshSessions sessions =
                new SshSessions(SshSettings.defaults(), verifier, Credentials.NONE, SshEventListener.NONE)) {
            requireSuccess(sessions.exec(target, CommandRequest.of(command)).isSuccess(), "warm-up command failed");
            return BenchTable.median(
                    runs,
                    () -> requireSuccess(
                            sessions.exec(target, CommandRequest.of(command)).isSuccess(), "command failed"));
        }
    }

    private double fanOutMillis(List<SshTarget> targets, HostKeyVerifier verifier, FanOut fanOut) throws Exception {
        try (SshSessions sessions =
                new SshSessions(SshSettings.defaults(), verifier, Credentials.NONE, SshEventListener.NONE)) {
            long start = System.nanoTime();
            FanOutResult result = new FanOutExecution(
                            sessions, targets, fanOut, CommandRequest.of(command), HostOutputListener.IGNORE)
                    .run();
            double millis = (System.nanoTime() - start) / 1e6;
            requireSuccess(result.isSuccess(), "fan-out failed on " + result.failed() + " host(s)");
            return millis;
        }
    }

    /** {@code host01..hostNN}, all the loopback sshd, resolved from an inventory group as a runbook step would. */
    private List<SshTarget> benchTargets(LoopbackSshd sshd, Path directory) throws Exception {
        StringBuilder yaml = new StringBuilder("hosts:\n");
        for (int i = 1; i <= hosts; i++) {
            yaml.append(String.format(
                    "  host%02d: { address: %s, port: %d, user: %s, identity: %s, groups: [bench] }%n",
                    i, sshd.host(), sshd.port(), sshd.user(), sshd.userKey()));
        }
        Inventory inventory =
                InventoryLoader.load(yaml.toString(), "bench inventory").value().orElseThrow();
        SshUserHome home = SshUserHome.of(directory.resolve("home"), sshd.user());
        return new TargetResolver(inventory, SshConfigFile.parse(""), home).resolve("bench");
    }

    private static void requireSuccess(boolean success, String message) {
        if (!success) {
            throw new IllegalStateException(message);
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }
}
