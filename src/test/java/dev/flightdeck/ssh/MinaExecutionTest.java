package dev.flightdeck.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command execution against an in-process MINA SSHD running real /bin/sh commands. */
class MinaExecutionTest {

    @TempDir
    static Path serverDirectory;

    private static MinaSshServer server;

    @TempDir
    Path operatorDirectory;

    private RecordingListener listener;
    private SshSessions sessions;
    private SshTarget target;

    @BeforeAll
    static void startServer() throws Exception {
        server = MinaSshServer.start(serverDirectory);
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void connectSetup() throws Exception {
        SshTestKit kit = SshTestKit.in(operatorDirectory);
        kit.knowHost(server.knownHostsLine());
        listener = new RecordingListener();
        sessions = kit.sessions(listener);
        target = SshTestKit.target("mina", server.port(), server.userKey());
    }

    @AfterEach
    void closeSessions() {
        sessions.close();
    }

    @Test
    void exitCodeStdoutAndStderrArriveSeparatelyLineByLine() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        CommandResult result = sessions.exec(
                target,
                CommandRequest.of("echo out1; echo err1 >&2; echo out2; exit 3")
                        .withOutput((stream, line) -> lines.add(stream + " " + line)));

        assertThat(result.outcome()).isEqualTo(new CommandOutcome.Completed(3));
        assertThat(result.isSuccess()).isFalse();
        assertThat(lines).filteredOn(l -> l.startsWith("STDOUT")).containsExactly("STDOUT out1", "STDOUT out2");
        assertThat(lines).filteredOn(l -> l.startsWith("STDERR")).containsExactly("STDERR err1");
    }

    @Test
    void intentIsReportedBeforeAnyOutputAndOutcomeLast() throws Exception {
        sessions.exec(target, CommandRequest.of("echo hello"));

        List<String> command = listener.events.stream()
                .filter(e -> e.matches("(intent|line|outcome) .*"))
                .toList();
        assertThat(command)
                .containsExactly(
                        "intent mina#1 echo hello", "line mina#1 STDOUT hello", "outcome mina#1 Completed[exitCode=0]");
    }

    @Test
    void outputIsStreamedWhileTheCommandStillRuns() throws Exception {
        CountDownLatch firstLine = new CountDownLatch(1);
        RunningCommand running = sessions.start(
                target,
                CommandRequest.of("echo first; sleep 5; echo second")
                        .withOutput((stream, line) -> firstLine.countDown()));

        assertThat(firstLine.await(3, TimeUnit.SECONDS))
                .as("first line seen before the command ends")
                .isTrue();
        running.cancel();
        assertThat(running.await().outcome()).isInstanceOf(CommandOutcome.Unknown.class);
    }

    @Test
    void binaryOutputIsCapturedByteForByte() throws Exception {
        CommandResult result = sessions.exec(
                target, CommandRequest.of("printf '\\000\\001\\377\\n\\r\\200'").capturingBytes());

        assertThat(result.stdout()).containsExactly(0, 1, 0xff, '\n', '\r', 0x80);
    }

    @Test
    void commandPastItsDeadlineIsStoppedAndItsOutcomeIsUnknown() throws Exception {
        long start = System.nanoTime();
        CommandResult result =
                sessions.exec(target, CommandRequest.of("sleep 30").withDeadline(Duration.ofMillis(500)));

        assertThat(result.outcome()).isInstanceOf(CommandOutcome.Unknown.class);
        assertThat(((CommandOutcome.Unknown) result.outcome()).reason()).contains("deadline of 500 ms passed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void cancelledCommandEndsWithUnknownOutcome() throws Exception {
        RunningCommand running = sessions.start(target, CommandRequest.of("sleep 30"));
        Thread.sleep(200);
        running.cancel();

        CommandResult result = running.await();
        assertThat(result.outcome()).isInstanceOf(CommandOutcome.Unknown.class);
        assertThat(((CommandOutcome.Unknown) result.outcome()).reason()).contains("cancelled by the operator");
    }

    @Test
    void thousandSequentialCommandsOnOneSessionReportEveryExitCodeAndLeakNoThreadsOrChannels() throws Exception {
        sessions.exec(target, CommandRequest.of("true"));
        assertThat(clientThreads(1)).as("one reader thread for the connection").isEqualTo(1);

        for (int i = 0; i < 1000; i++) {
            CommandResult result = sessions.exec(target, CommandRequest.of("exit " + (i % 256)));
            assertThat(result.outcome()).as("command %d", i).isEqualTo(new CommandOutcome.Completed(i % 256));
        }

        assertThat(clientThreads(1)).as("still one thread after 1,000 commands").isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(name -> name.matches("(Exec|Shell|DirectTCPIP|Connect) thread.*"));
        assertThat(listener.startingWith("opened")).containsExactly("opened mina");
        sessions.close();
        assertThat(clientThreads(0)).as("no thread left after close").isZero();
    }

    /**
     * Live threads of the SSH client side (every JSch thread is renamed by Flightdeck), after giving
     * threads that were told to end up to a second to do so.
     */
    private static long clientThreads(long expected) throws InterruptedException {
        long count = -1;
        for (int attempt = 0; attempt < 50 && count != expected; attempt++) {
            if (attempt > 0) {
                Thread.sleep(20);
            }
            count = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("flightdeck-ssh-mina-") && t.isAlive())
                    .count();
        }
        return count;
    }

    @Test
    void commandsReuseOneConnectionPerHost() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess())
                    .isTrue();
        }

        assertThat(listener.startingWith("opened")).containsExactly("opened mina");
        assertThat(sessions.openConnections()).isEqualTo(1);
    }

    @Test
    void sudoRunsNonInteractivelyAndAPasswordPromptIsExplained() throws Exception {
        // A stand-in "sudo" on PATH that fails exactly as sudo -n does when a password would be needed.
        Path bin = operatorDirectory.resolve("bin");
        Files.createDirectories(bin);
        Path sudo = bin.resolve("sudo");
        Files.writeString(
                sudo,
                "#!/bin/sh\n[ \"$1\" = \"-n\" ] || { echo 'not -n' >&2; exit 9; }\n"
                        + "echo 'sudo: a password is required' >&2\nexit 1\n");
        sudo.toFile().setExecutable(true);

        CommandResult result =
                sessions.exec(target, CommandRequest.of("PATH=" + bin + ":$PATH; sudo systemctl stop app"));

        assertThat(result.outcome()).isEqualTo(new CommandOutcome.Completed(1));
        assertThat(result.operatorHint())
                .hasValueSatisfying(hint ->
                        assertThat(hint).contains("asked for a password").contains("NOPASSWD"));
    }

    @Test
    void failingOutputListenerNeitherBreaksTheConnectionNorHidesTheExitCode() throws Exception {
        CommandResult result = sessions.exec(
                target, CommandRequest.of("echo a; echo b; exit 5").withOutput((stream, line) -> {
                    throw new IllegalStateException("a buggy view");
                }));

        assertThat(result.outcome()).isEqualTo(new CommandOutcome.Completed(5));
        assertThat(listener.startingWith("line"))
                .as("the journal still gets every line")
                .hasSize(2);
        assertThat(sessions.exec(target, CommandRequest.of("true")).isSuccess()).isTrue();
        assertThat(listener.startingWith("opened")).hasSize(1);
    }

    @Test
    void stdinIsClosedSoACommandReadingItDoesNotHang() throws Exception {
        CommandResult result = sessions.exec(
                target,
                CommandRequest.of("cat; echo done")
                        .withDeadline(Duration.ofSeconds(5))
                        .capturingBytes());

        assertThat(result.outcome()).isEqualTo(new CommandOutcome.Completed(0));
        assertThat(new String(result.stdout(), StandardCharsets.UTF_8)).isEqualTo("done\n");
    }
}
