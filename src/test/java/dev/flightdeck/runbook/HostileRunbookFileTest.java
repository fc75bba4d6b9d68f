package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.app.cli.Cli;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.testing.time.CpuBound;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Files made to knock a reader over. Each must end, through {@code runbook validate}, within 5 s with a message that
 * says what is wrong and where; one child JVM limited to 256 MB of heap validates them all.
 */
class HostileRunbookFileTest {

    private static final String VALID_TAIL = """
            phases:
              - id: p
                steps:
                  - id: s
                    confirm: done
            """;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        write("depth", "runbook: deep\nphases: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");
        StringBuilder laughs = new StringBuilder("runbook: laughs\nlol0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            laughs.append("lol")
                    .append(i)
                    .append(": &a")
                    .append(i)
                    .append(" [")
                    .append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        write("aliases", laughs + VALID_TAIL);
        StringBuilder nested = new StringBuilder("runbook: chain\n");
        for (int i = 1; i < 25; i++) {
            nested.append("l")
                    .append(i)
                    .append(": &b")
                    .append(i)
                    .append(" [")
                    .append(i == 1 ? "x, x" : "*b" + (i - 1) + ", *b" + (i - 1))
                    .append("]\n");
        }
        write("alias-doubling", nested + VALID_TAIL);
        StringBuilder big = new StringBuilder("runbook: big\ndescription: |\n");
        while (big.length() < 5 * 1024 * 1024) {
            big.append("  ").append("a line of a long description, repeated to make the file large\n");
        }
        write("five-mb", big + VALID_TAIL);
        write("long-line", "runbook: \"" + "x".repeat(2 * 1024 * 1024) + "\"\n" + VALID_TAIL);
        write("long-plain-line", "runbook: long\ndescription: " + "word ".repeat(400_000) + "\n" + VALID_TAIL);
        write("nul", "runbook: nul\n" + VALID_TAIL + "      - id: t\n        confirm: a\u0000b\n");
        byte[] latin1 = ("runbook: caf\u00e9\n" + VALID_TAIL).getBytes(StandardCharsets.ISO_8859_1);
        Files.write(
                dir.resolve("latin1.runbook.yaml"), concat("# a comment\n".getBytes(StandardCharsets.UTF_8), latin1));
        write("bom", "\uFEFFrunbook: with a byte order mark\n" + VALID_TAIL);
        write(
                "cycle",
                "runbook: cycle\nvariables:\n  a: ${b}\n  b: ${a}\nphases:\n  - id: p\n    steps:\n      - id: s\n        run: echo ${b}\n        on: local\n");
        write("tag", "runbook: !!java.lang.Runtime x\n" + VALID_TAIL);
        write("tag-collection", "runbook: t\nrollback: !!javax.script.ScriptEngineManager [x]\n" + VALID_TAIL);
        write(
                "huge-timeout",
                "runbook: t\nphases:\n  - id: p\n    steps:\n      - id: s\n        run: sleep 1\n        on: local\n"
                        + "        timeout: 99999999999999999999s\n");
        write(
                "huge-count",
                "runbook: t\nphases:\n  - id: p\n    steps:\n      - id: s\n        approve: { role: COMPLIANCE, approvers: 99999999999999999999 }\n");
        write("empty", "");
        Files.createDirectories(dir.resolve("a-directory.runbook.yaml"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name + ".runbook.yaml"), text, StandardCharsets.UTF_8);
    }

    private record Outcome(int exit, String out, String err) {}

    private static Outcome validate(String file) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext context = new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of());
        int exit = Cli.commandLine(context, new PrintWriter(out, true), new PrintWriter(err, true))
                .execute("runbook", "validate", dir.resolve(file).toString());
        return new Outcome(exit, out.toString(), err.toString());
    }

    @ParameterizedTest(name = "{0} -> exit {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            depth           | 1 | :2:108: the file nests lists and mappings more than 100 levels deep here
            aliases         | 1 | the file uses more than 50 aliases (*name)
            alias-doubling  | 1 | :1:1: the file's aliases (*name) expand to more than 100000 values
            five-mb         | 1 | :1:1: the file is 5.0 MB, larger than the limit of 4.0 MB
            long-line       | 0 | valid
            long-plain-line | 0 | valid
            nul             | 1 | :8:19: control character U+0000 (NUL) is not allowed
            latin1          | 1 | :2:13: the file is not valid UTF-8: byte 0xE9 (offset 24)
            bom             | 0 | valid
            cycle           | 1 | :3:3: variables refer to each other in a cycle (a → b → a)
            tag             | 1 | :1:10: the tag '!!java.lang.Runtime' is not allowed
            tag-collection  | 1 | :2:11: the tag '!!javax.script.ScriptEngineManager' is not allowed
            huge-timeout    | 1 | :8:18: 'timeout' in step 's' is out of range: '99999999999999999999s' is longer than the longest duration allowed
            huge-count      | 1 | 'approvers' in step 's' (approve) is out of range: 99999999999999999999 is not between 1 and 5
            empty           | 1 | :1:1: the file is empty
            """)
    void hostileFileEndsQuicklyWithAPositionedMessage(String name, int exit, String message) {
        Outcome outcome = CpuBound.within(Duration.ofSeconds(5), () -> validate(name + ".runbook.yaml"));
        assertThat(outcome.exit()).as(outcome.out() + outcome.err()).isEqualTo(exit);
        assertThat(outcome.out()).contains(message);
    }

    @Test
    void aDirectoryIsWrongUsage() {
        Outcome outcome = validate("a-directory.runbook.yaml");
        assertThat(outcome.exit()).isEqualTo(Cli.USAGE);
        assertThat(outcome.err()).contains("is a directory");
        Outcome missing = validate("missing.runbook.yaml");
        assertThat(missing.exit()).isEqualTo(Cli.USAGE);
        assertThat(missing.err()).contains("no such file");
    }

    @Test
    void allHostileFilesTogetherFitIn256MegabytesOfHeap() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.flightdeck.app.Launcher",
                "runbook",
                "validate"));
        try (var files = Files.list(dir)) {
            files.filter(Files::isRegularFile).map(Path::toString).sorted().forEach(command::add);
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isEqualTo(Cli.PROBLEM);
        assertThat(output)
                .contains("control character U+0000")
                .contains("not valid UTF-8")
                .contains("more than 100 levels deep")
                .doesNotContain("OutOfMemoryError")
                .doesNotContain("StackOverflowError");
    }
}
