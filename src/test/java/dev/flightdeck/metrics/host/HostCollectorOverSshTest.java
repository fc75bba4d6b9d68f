package dev.flightdeck.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.RecordingSink;
import dev.flightdeck.metrics.collect.CollectorException;
import dev.flightdeck.metrics.rules.TriggerListener;
import dev.flightdeck.metrics.signal.SeriesId;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.SshTarget;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host collector against the MINA SSH server, whose shell runs on this machine: the figures are this machine's own. */
class HostCollectorOverSshTest {

    @TempDir
    static Path directory;

    private static MinaSshServer server;
    private static SshSessions sessions;
    private static SshTarget target;

    @BeforeAll
    static void startServer() throws Exception {
        server = MinaSshServer.start(directory.resolve("server"));
        SshTestKit kit = SshTestKit.in(directory.resolve("operator"));
        kit.knowHost(server.knownHostsLine());
        sessions = kit.sessions(SshEventListener.NONE);
        target = SshTestKit.target("app1", server.port(), server.userKey());
    }

    @AfterAll
    static void stopServer() throws Exception {
        sessions.close();
        server.close();
    }

    private static HostCollector collector(List<String> paths) {
        return new HostCollector(
                "app1",
                () -> target,
                sessions,
                paths,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Clock.systemUTC());
    }

    @Test
    void readsLoadMemoryAndDiskAsThisMachineShowsThem() throws Exception {
        RecordingSink sink = new RecordingSink("app1");
        collector(List.of("/")).collect(sink);

        double localLoad =
                Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        assertThat(sink.last("app1", "load"))
                .hasValueSatisfying(load -> assertThat(load).isCloseTo(localLoad, within(1.0)));
        double localMemory = localMemoryPercent();
        assertThat(sink.last("app1", "memory"))
                .hasValueSatisfying(memory -> assertThat(memory).isCloseTo(localMemory, within(5.0)));
        FileStore root = Files.getFileStore(Path.of("/"));
        double used = root.getTotalSpace() - root.getUnallocatedSpace();
        double localDisk = used * 100 / (used + root.getUsableSpace());
        assertThat(sink.last("app1:/", "disk"))
                .hasValueSatisfying(disk -> assertThat(disk).isCloseTo(localDisk, within(1.0)));
        assertThat(sink.last("app1", "cpu"))
                .as("a CPU percentage needs a previous reading")
                .isEmpty();
    }

    @Test
    void cpuPercentComesFromTheSecondReadingOn() throws Exception {
        HostCollector collector = collector(List.of("/"));
        RecordingSink sink = new RecordingSink("app1");
        collector.collect(sink);
        Thread.sleep(300);
        collector.collect(sink);

        assertThat(sink.last("app1", "cpu"))
                .hasValueSatisfying(cpu -> assertThat(cpu).isBetween(0.0, 100.0));
    }

    @Test
    void eachPathIsItsOwnSeriesInTheEngine() throws Exception {
        try (MetricsEngine engine = new MetricsEngine(
                List.of(),
                Clock.systemUTC(),
                MetricsEngine.Options.defaults(),
                new TriggerListener() {},
                minute -> {})) {
            engine.collectNow(List.of(collector(List.of("/", "/tmp"))));

            assertThat(engine.store().find(new SeriesId("app1:/", "disk"))).isPresent();
            assertThat(engine.store().find(new SeriesId("app1:/tmp", "disk"))).isPresent();
            assertThat(engine.store().find(new SeriesId("app1", "memory"))).isPresent();
            assertThat(engine.collectorStatuses())
                    .singleElement()
                    .satisfies(status -> assertThat(status.healthy()).isTrue());
        }
    }

    @Test
    void aPathThatDoesNotExistIsReportedAndTheOtherFiguresAreKept() {
        RecordingSink sink = new RecordingSink("app1");

        assertThatThrownBy(() -> collector(List.of("/", "/no/such/mount")).collect(sink))
                .isInstanceOfSatisfying(
                        CollectorException.class,
                        e -> assertThat(e.code()).isEqualTo(CollectorException.Code.UNREADABLE))
                .hasMessageContaining("/no/such/mount")
                .hasMessageContaining("No such file or directory");
        assertThat(sink.last("app1:/", "disk")).isPresent();
        assertThat(sink.last("app1", "memory")).isPresent();
    }

    @Test
    void aHostNobodyAnswersOnIsUnreachableAndIsNotTriedAgainAtOnce(@TempDir Path elsewhere) throws Exception {
        MinaSshServer stopped = MinaSshServer.start(elsewhere);
        SshTarget gone = SshTestKit.target("app2", stopped.port(), stopped.userKey());
        stopped.close();
        HostCollector collector = new HostCollector(
                "app2",
                () -> gone,
                sessions,
                List.of("/"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Clock.systemUTC());

        assertThatThrownBy(() -> collector.collect(new RecordingSink("app2")))
                .isInstanceOfSatisfying(
                        CollectorException.class,
                        e -> assertThat(e.code()).isEqualTo(CollectorException.Code.UNREACHABLE))
                .hasMessageContaining("app2");
        assertThatThrownBy(() -> collector.collect(new RecordingSink("app2")))
                .as("the next attempt waits an interval instead of connecting again at once")
                .hasMessageContaining("app2")
                .hasMessageContaining("(next attempt in ");
    }

    private static double localMemoryPercent() throws Exception {
        Map<String, Long> kilobytes = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                .map(line -> line.split("[:\\s]+"))
                .collect(Collectors.toMap(fields -> fields[0], fields -> Long.parseLong(fields[1]), (a, b) -> a));
        return (kilobytes.get("MemTotal") - kilobytes.get("MemAvailable")) * 100.0 / kilobytes.get("MemTotal");
    }
}
