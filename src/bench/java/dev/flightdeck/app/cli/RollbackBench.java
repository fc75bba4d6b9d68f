package dev.flightdeck.app.cli;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.Credentials;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshSettings;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.ssh.hostkey.HostKeyVerifier;
import dev.flightdeck.ssh.loopback.LoopbackSshd;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code flightdeck bench rollback}: against its own loopback OpenSSH sshd, the time from the operator's confirmation
 * to the first rollback command arriving on the server (timestamped there), and the whole rollback of a small
 * scenario; references measured in the same run: a bare SSH exec on an open connection (one way), and the same
 * commands run one after another as a plain script would.
 */
@Command(
        name = "rollback",
        description =
                "Confirmation to first rollback command on the wire, and total rollback time, against a loopback sshd.",
        mixinStandardHelpOptions = true)
public final class RollbackBench implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--runs", defaultValue = "7", description = "rollbacks timed (default ${DEFAULT-VALUE})")
    private int runs;

    @Option(
            names = "--skip-rehearsal",
            description = "leave out the rollback of the rehearsal scenario on the sandbox (it takes about 90 s)")
    private boolean skipRehearsal;

    private final AppContext context;

    public RollbackBench(AppContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!LoopbackSshd.installed()) {
            spec.commandLine()
                    .getErr()
                    .println("flightdeck: bench rollback needs OpenSSH's sshd at " + LoopbackSshd.SSHD);
            return Cli.PROBLEM;
        }
        Path directory = Files.createTempDirectory("flightdeck-bench-rollback");
        try (LoopbackSshd sshd = LoopbackSshd.start(directory.resolve("sshd"))) {
            RollbackBenchScenario scenario = new RollbackBenchScenario(sshd, directory);
            scenario.run(0);
            double[] first = new double[runs];
            double[] total = new double[runs];
            for (int i = 0; i < runs; i++) {
                RollbackBenchScenario.Timing timing = scenario.run(i + 1);
                first[i] = timing.toFirstCommandMillis();
                total[i] = timing.totalMillis();
            }
            Path bare = Files.createDirectories(directory.resolve("bare"));
            double[] references = bareReferences(sshd, directory, bare);
            BenchTable table = new BenchTable(
                    out,
                    "flightdeck bench rollback: OpenSSH sshd on 127.0.0.1:" + sshd.port()
                            + ", the bench's own 4-command scenario (not the rehearsal sandbox), median of " + runs
                            + " rollbacks");
            table.header("confirmation → first rollback command on the server", "median ms");
            table.row(
                    "Flightdeck rollback (goal < 1000 ms)",
                    median(first),
                    table.reference("bare SSH exec, open connection", references[0]));
            table.header("whole rollback: 3 steps + 1 verification check", "median ms");
            table.row(
                    "Flightdeck rollback, journaled and verified",
                    median(total),
                    table.reference("same 4 commands, sequential bare execs", references[1]));
            table.footer(
                    "The Flightdeck figures include the signed checkpoints (start, verification, end, and the session's closing one) and every journal write with "
                            + "production durability (fsync).");
            if (!skipRehearsal) {
                RehearsalRollbackTiming.Timing timing = RehearsalRollbackTiming.measure(context, out);
                out.printf(
                        "%nRehearsal scenario (sandbox, fault on): confirmation → rollback done and verified, %d steps + %d checks: %.1f s%n",
                        timing.steps(), timing.checks(), timing.total().toMillis() / 1000.0);
            }
        } finally {
            deleteTree(directory);
        }
        out.flush();
        return Cli.OK;
    }

    /** One way to the server for a bare exec, and the scenario's commands as plain sequential execs (medians, ms). */
    private double[] bareReferences(LoopbackSshd sshd, Path directory, Path work) throws Exception {
        HostKeyVerifier verifier = new HostKeyVerifier(
                List.of(directory.resolve("user/.ssh/known_hosts")), directory.resolve("bench_known_hosts"));
        SshTarget target = new SshTarget(
                "bench", sshd.host(), sshd.port(), sshd.user(), List.of(sshd.userKey()), false, Optional.empty());
        try (SshSessions sessions =
                new SshSessions(SshSettings.defaults(), verifier, Credentials.NONE, SshEventListener.NONE)) {
            sessions.exec(target, CommandRequest.of("true"));
            double[] oneWay = new double[runs];
            double[] sequential = new double[runs];
            for (int i = 0; i < runs; i++) {
                Files.writeString(work.resolve("app.conf"), "version=1\n");
                Files.writeString(work.resolve("app.conf.before"), "version=1\n");
                long sent = RollbackBenchScenario.wallClockNanos();
                long start = System.nanoTime();
                for (String command : RollbackBenchScenario.bareCommands(work)) {
                    RollbackBenchScenario.require(
                            sessions.exec(target, CommandRequest.of(command)).isSuccess(),
                            "bare command failed: " + command);
                }
                sequential[i] = (System.nanoTime() - start) / 1e6;
                oneWay[i] = (Long.parseLong(Files.readString(work.resolve("arrived"))
                                        .strip())
                                - sent)
                        / 1e6;
            }
            return new double[] {median(oneWay), median(sequential)};
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
