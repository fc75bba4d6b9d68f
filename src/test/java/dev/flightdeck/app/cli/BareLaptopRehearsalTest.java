package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.sandbox.Sandbox;
import dev.flightdeck.sandbox.SandboxRequirements;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rehearsal on a laptop that lacks the tools: {@code flightdeck} runs in its own JVM inside a private mount
 * namespace where {@code /usr/bin} and {@code /usr/sbin} are overlays whose whiteouts remove the tools, exactly as if
 * their packages were not installed. Without OpenSSH (client, server, ssh-keygen, agent) the whole rehearsal runs;
 * without the PostgreSQL client, {@code flightdeck sandbox} and {@code run --sandbox} stop before starting anything
 * and name the package. Needs root and {@code unshare} (the CI container has both); elsewhere the in-process checks
 * of {@code SandboxRequirementsTest} and {@link #withoutThePostgresClientOnThePathTheCommandStopsFirst} still run.
 */
class BareLaptopRehearsalTest {

    private static final List<String> OPENSSH =
            List.of("ssh", "ssh-keygen", "ssh-agent", "ssh-add", "ssh-keyscan", "scp", "sftp");
    private static final List<String> POSTGRES_CLIENT = List.of("pg_dump", "pg_restore", "psql", "pg_dumpall");

    @TempDir
    static Path dir;

    private static boolean namespaces;

    @BeforeAll
    static void canHideTools() throws Exception {
        namespaces = Files.isExecutable(Path.of("/usr/bin/unshare"))
                && run(List.of("unshare", "-m", "--propagation", "private", "true"), Map.of(), 30)
                                .exitCode()
                        == 0;
    }

    @Test
    void withoutThePostgresClientOnThePathTheCommandStopsFirst() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-path"));
        Path sandbox = dir.resolve("in-process-sandbox");
        CliRun run = CliRun.runWith(
                dir.resolve("home-path"),
                Map.of("PATH", empty.toString()),
                "sandbox",
                "--dir",
                sandbox.toString(),
                "--for",
                "1s");

        assertThat(run.exitCode()).isEqualTo(Cli.PROBLEM);
        assertThat(run.err())
                .startsWith("flightdeck: FD-SANDBOX-004: ")
                .contains("pg_dump, pg_restore, psql", "postgresql");
        assertThat(run.out()).doesNotContain("Rehearsal sandbox up");
        assertThat(sandbox).doesNotExist();
    }

    @Test
    void withoutThePostgresClientSandboxAndRunStopBeforeStartingAndNameThePackage() throws Exception {
        Assumptions.assumeTrue(namespaces, "needs root and unshare to hide installed packages");
        Path sandbox = dir.resolve("hidden-pg-sandbox");
        Path journal = dir.resolve("hidden-pg-journal");

        Result headless = hidden(POSTGRES_CLIENT, "hidden-pg", "sandbox", "--dir", sandbox.toString(), "--for", "1s");
        Result rehearsal = hidden(
                POSTGRES_CLIENT,
                "hidden-pg",
                "run",
                Sandbox.RUNBOOK_ID,
                "--sandbox",
                "--journal",
                journal.toString(),
                "--operator",
                "Dana Operator",
                "--yes",
                "--approve",
                "COMPLIANCE=Lee Compliance");

        for (Result result : List.of(headless, rehearsal)) {
            assertThat(result.exitCode()).as(result.output()).isEqualTo(Cli.PROBLEM);
            assertThat(result.output())
                    .contains(
                            "FD-SANDBOX-004",
                            "not found on the PATH: pg_dump, pg_restore, psql",
                            "apt install postgresql-client",
                            "Nothing was started")
                    .doesNotContain("Rehearsal sandbox up", "Exception");
        }
        assertThat(sandbox).doesNotExist();
        assertThat(journal).doesNotExist();
    }

    @Test
    void withoutOpenSshTheWholeRehearsalRuns() throws Exception {
        Assumptions.assumeTrue(namespaces, "needs root and unshare to hide installed packages");
        Path journal = dir.resolve("no-openssh-journal");

        Result result = hidden(
                OPENSSH,
                "no-openssh",
                "run",
                Sandbox.RUNBOOK_ID,
                "--sandbox",
                "--journal",
                journal.toString(),
                "--operator",
                "Dana Operator",
                "--yes",
                "--approve",
                "COMPLIANCE=Lee Compliance");

        assertThat(result.output()).contains("OpenSSH hidden: ssh ssh-keygen");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Rehearsal sandbox up in", "All steps done. Closing checkpoint");
        assertThat(SandboxRequirements.POSTGRES_TOOLS)
                .as("what the backup used is still there")
                .allSatisfy(tool -> assertThat(Path.of("/usr/bin", tool)).exists());
    }

    record Result(int exitCode, String output) {}

    /**
     * {@code flightdeck ARGS} in a fresh JVM in a private mount namespace where the tools are whited out of
     * {@code /usr/bin} and {@code /usr/sbin}; the script first proves they are gone.
     */
    private static Result hidden(List<String> tools, String name, String... args) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name + "-overlay-" + System.nanoTime()));
        StringBuilder script = new StringBuilder("set -e\n");
        for (String top : List.of("bin", "sbin")) {
            script.append("mkdir -p ")
                    .append(work)
                    .append("/")
                    .append(top)
                    .append("-upper ")
                    .append(work)
                    .append("/")
                    .append(top)
                    .append("-work\n");
            for (String tool : tools) {
                script.append("mknod ")
                        .append(work)
                        .append("/")
                        .append(top)
                        .append("-upper/")
                        .append(tool)
                        .append(" c 0 0\n");
            }
            script.append("mknod ").append(work).append("/").append(top).append("-upper/sshd c 0 0\n");
            script.append("mount -t overlay overlay -o lowerdir=/usr/")
                    .append(top)
                    .append(",upperdir=")
                    .append(work)
                    .append("/")
                    .append(top)
                    .append("-upper,workdir=")
                    .append(work)
                    .append("/")
                    .append(top)
                    .append("-work /usr/")
                    .append(top)
                    .append("\n");
        }
        script.append("for t in ")
                .append(String.join(" ", tools))
                .append(" sshd; do if command -v $t >/dev/null; then echo \"$t still there\"; exit 97; fi; done\n");
        script.append("echo \"")
                .append(tools.contains("ssh") ? "OpenSSH" : "PostgreSQL client")
                .append(" hidden: ")
                .append(String.join(" ", tools))
                .append("\"\n");
        script.append("exec \"$@\"\n");
        List<String> argv = new ArrayList<>(List.of(
                "unshare",
                "-m",
                "--propagation",
                "private",
                "sh",
                "-c",
                script.toString(),
                "sh",
                ProcessHandle.current()
                        .info()
                        .command()
                        .orElse(Path.of(System.getProperty("java.home"), "bin", "java")
                                .toString()),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flightdeck.app.Launcher"));
        argv.addAll(List.of(args));
        Path home = dir.resolve(name + "-home");
        Result result = run(
                argv,
                Map.of(
                        "FLIGHTDECK_HOME",
                        home.toString(),
                        "FLIGHTDECK_PASSPHRASE",
                        "correct horse battery staple",
                        "HOME",
                        dir.resolve(name + "-user").toString()),
                300);
        assertThat(result.exitCode())
                .as("the tools could not be hidden: " + result.output())
                .isNotEqualTo(97);
        return result;
    }

    private static Result run(List<String> argv, Map<String, String> environment, int seconds)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process process = builder.redirectOutput(output.toFile()).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", argv.subList(0, 4)) + " did not finish in " + seconds + " s: "
                    + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
