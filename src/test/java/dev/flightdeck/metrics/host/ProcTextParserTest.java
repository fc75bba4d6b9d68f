package dev.flightdeck.metrics.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcTextParserTest {

    private static final String OUTPUT = """
            @@ stat
            cpu  4705 356 584 3699176 23060 0 277 0 0 0
            @@ loadavg
            0.52 0.58 0.59 1/467 12345
            @@ meminfo
            MemTotal:        8000000 kB
            MemFree:          500000 kB
            MemAvailable:    2000000 kB
            Buffers:          100000 kB
            Cached:          1000000 kB
            @@ df 0
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            /dev/sda1         10000000  7500000   2500000      75% /
            @@ df 1
            Filesystem     1024-blocks     Used Available Capacity Mounted on
            /dev/mapper/vg data 200000   50000    150000      25% /var/lib/postgresql
            """;

    @Test
    void readsLoadMemoryAndTheDiskOfEveryPath() {
        HostReading reading = ProcTextParser.parse(OUTPUT, List.of("/", "/var/lib/postgresql"));

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.load1()).hasValue(0.52);
        assertThat(reading.memoryPercent().getAsDouble()).isCloseTo(75.0, within(1e-9));
        assertThat(reading.diskPercent()).containsEntry("/", 75.0).containsEntry("/var/lib/postgresql", 25.0);
    }

    @Test
    void cpuTimesCountIdleAndIowaitAsNotBusyAndLeaveGuestOut() {
        CpuTimes times = ProcTextParser.parse(OUTPUT, List.of()).cpu().orElseThrow();

        assertThat(times.busy()).isEqualTo(4705 + 356 + 584 + 277);
        assertThat(times.total()).isEqualTo(4705 + 356 + 584 + 3699176 + 23060 + 277);
    }

    @Test
    void cpuPercentIsTheBusyShareOfTheTicksBetweenTwoReadings() {
        CpuTimes before = new CpuTimes(1000, 10_000);
        CpuTimes after = new CpuTimes(1250, 11_000);

        assertThat(after.percentSince(before)).hasValue(25.0);
        assertThat(before.percentSince(after))
                .as("counters went back: the host rebooted")
                .isEmpty();
        assertThat(after.percentSince(after)).as("no time passed").isEmpty();
    }

    @Test
    void olderKernelsWithoutMemAvailableUseFreeBuffersAndCache() {
        String old = """
                @@ meminfo
                MemTotal:        1000 kB
                MemFree:          100 kB
                Buffers:           50 kB
                Cached:           250 kB
                """;

        assertThat(ProcTextParser.parse(old, List.of()).memoryPercent().getAsDouble())
                .isCloseTo(60.0, within(1e-9));
    }

    @Test
    void aPathDfCannotReadIsAProblemWhileTheOtherFiguresAreStillRead() {
        String output = OUTPUT.replace("""
                Filesystem     1024-blocks     Used Available Capacity Mounted on
                /dev/mapper/vg data 200000   50000    150000      25% /var/lib/postgresql
                """, "df: /data: No such file or directory\n");

        HostReading reading = ProcTextParser.parse(output, List.of("/", "/data"));

        assertThat(reading.diskPercent()).containsOnlyKeys("/");
        assertThat(reading.problems()).containsExactly("df: /data: No such file or directory");
        assertThat(reading.load1()).hasValue(0.52);
    }

    @Test
    void missingOrGarbledSectionsAreNamedAsProblems() {
        HostReading reading = ProcTextParser.parse("@@ stat\nintr 1 2 3\n@@ loadavg\nnot a number\n", List.of());

        assertThat(reading.cpu()).isEmpty();
        assertThat(reading.load1()).isEmpty();
        assertThat(reading.memoryPercent()).isEmpty();
        assertThat(reading.problems())
                .containsExactly(
                        "/proc/stat has no 'cpu' line: 'intr 1 2 3'",
                        "/proc/loadavg does not start with a load average: 'not a number'",
                        "/proc/meminfo has no MemTotal and MemAvailable (or MemFree)");
    }

    @Test
    void theCommandQuotesPathsForTheShell() {
        assertThat(HostCommand.forPaths(List.of("/", "/srv/my data")))
                .contains("df -P -k -- / 2>&1")
                .contains("df -P -k -- '/srv/my data' 2>&1")
                .contains("echo '@@ df 1'");
    }
}
