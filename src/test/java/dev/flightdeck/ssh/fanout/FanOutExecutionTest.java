package dev.flightdeck.ssh.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.runbook.FanOut;
import dev.flightdeck.ssh.CommandOutcome;
import dev.flightdeck.ssh.CommandRequest;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fan-out over several named targets; "down" hosts point at a loopback port where nothing listens. */
class FanOutExecutionTest {

    @TempDir
    static Path serverDirectory;

    private static MinaSshServer server;
    private static int closedPort;

    @TempDir
    Path operatorDirectory;

    private SshSessions sessions;

    @BeforeAll
    static void startServer() throws Exception {
        server = MinaSshServer.start(serverDirectory);
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        SshTestKit kit = SshTestKit.in(operatorDirectory);
        kit.knowHost(server.knownHostsLine());
        sessions = kit.sessions(SshEventListener.NONE);
    }

    @AfterEach
    void tearDown() {
        sessions.close();
    }

    /** {@code app1..appN}; the numbers in {@code down} point at a port where nothing listens. */
    private static List<SshTarget> hosts(int count, Integer... down) {
        List<Integer> downHosts = List.of(down);
        List<SshTarget> targets = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            targets.add(
                    SshTestKit.target("app" + i, downHosts.contains(i) ? closedPort : server.port(), server.userKey()));
        }
        return targets;
    }

    private static FanOut fanOut(Integer parallel, List<String> serial, String maxFail) {
        return new FanOut(
                Optional.ofNullable(parallel),
                serial.stream().map(a -> FanOut.Amount.parse(a).orElseThrow()).toList(),
                Optional.ofNullable(maxFail).flatMap(FanOut.Amount::parse));
    }

    @Test
    void parallelRunKeepsEachHostsOutputApart() throws Exception {
        Map<String, List<String>> output = new ConcurrentHashMap<>();
        FanOutResult result = new FanOutExecution(
                        sessions,
                        hosts(6),
                        fanOut(3, List.of(), null),
                        CommandRequest.of("echo one; echo two >&2"),
                        (host, stream, line) -> output.computeIfAbsent(host.name(), h -> new CopyOnWriteArrayList<>())
                                .add(stream + " " + line))
                .run();

        assertThat(result.isSuccess()).isTrue();
        assertThat(result.succeeded()).isEqualTo(6);
        IntStream.rangeClosed(1, 6)
                .forEach(i -> assertThat(output.get("app" + i)).containsExactlyInAnyOrder("STDOUT one", "STDERR two"));
    }

    @Test
    void rolloutStopsWhenMaxFailIsExceededAndLaterHostsAreNotStarted() throws Exception {
        FanOutResult result = new FanOutExecution(
                        sessions,
                        hosts(10, 4, 5),
                        fanOut(1, List.of("1", "2", "100%"), "1"),
                        CommandRequest.of("true"),
                        HostOutputListener.IGNORE)
                .run();

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.stopReason())
                .hasValueSatisfying(reason -> assertThat(reason).contains("more than max-fail 1"));
        assertThat(result.ran())
                .extracting(run -> run.target().name())
                .containsExactly("app1", "app2", "app3", "app4", "app5");
        assertThat(result.ran().get(3).result().outcome()).isInstanceOf(CommandOutcome.FailedToStart.class);
        assertThat(result.notStarted())
                .extracting(run -> run.target().name())
                .containsExactly("app6", "app7", "app8", "app9", "app10");
    }

    @Test
    void failuresWithinMaxFailLetEveryHostRun() throws Exception {
        FanOutResult result = new FanOutExecution(
                        sessions,
                        hosts(10, 3, 7),
                        fanOut(4, List.of(), "20%"),
                        CommandRequest.of("true"),
                        HostOutputListener.IGNORE)
                .run();

        assertThat(result.notStarted()).isEmpty();
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.isSuccess()).isTrue();
    }

    @Test
    void noFailureIsToleratedByDefault() throws Exception {
        FanOutResult result = new FanOutExecution(
                        sessions, hosts(4), FanOut.sequential(), CommandRequest.of("exit 1"), HostOutputListener.IGNORE)
                .run();

        assertThat(result.ran()).hasSize(1);
        assertThat(result.notStarted()).hasSize(3);
    }

    @Test
    void cancelStopsRunningHostsWithUnknownOutcomeAndStartsNoOther() throws Exception {
        FanOutExecution execution = new FanOutExecution(
                sessions,
                hosts(4),
                fanOut(2, List.of(), null),
                CommandRequest.of("sleep 30"),
                HostOutputListener.IGNORE);
        CompletableFuture<FanOutResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return execution.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500);

        execution.cancel();

        FanOutResult result = running.get(10, TimeUnit.SECONDS);
        assertThat(result.ran())
                .hasSize(2)
                .allSatisfy(run -> assertThat(run.result().outcome()).isInstanceOf(CommandOutcome.Unknown.class));
        assertThat(result.notStarted()).extracting(run -> run.reason()).containsOnly("cancelled by the operator");
        assertThat(result.isSuccess()).isFalse();
    }

    @Test
    void fanOutThreadsAreGoneAfterTheRun() throws Exception {
        new FanOutExecution(
                        sessions,
                        hosts(8),
                        fanOut(4, List.of("50%"), null),
                        CommandRequest.of("true"),
                        HostOutputListener.IGNORE)
                .run();

        // A pool's workers have finished when run() returns; give them a moment to leave the thread table.
        for (int attempt = 0; attempt < 50 && fanOutThreadsAlive() > 0; attempt++) {
            Thread.sleep(20);
        }
        assertThat(fanOutThreadsAlive()).isZero();
    }

    private static long fanOutThreadsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("flightdeck-fanout-"))
                .count();
    }
}
