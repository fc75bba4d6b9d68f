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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Markdown made to knock the importer over: each ends within 5 s of CPU time, with a positioned message or a valid runbook. */
class HostileMarkdownImportTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeFiles() throws IOException {
        write("deep-quote", "# T\n## S\n" + ">".repeat(10_000) + " hi\n");
        StringBuilder list = new StringBuilder("# T\n## S\n");
        for (int i = 0; i < 200; i++) {
            list.append("  ".repeat(i)).append("- item\n");
        }
        write("deep-list", list.toString());
        write("long-line", "# T\n## S\n" + "word ".repeat(400_000) + "\n");
        write("brackets", "# T\n## S\n" + "[[[[[[[[[[\n".repeat(10_000));
        write("unclosed-fences", "# T\n## S\n" + "```bash\nls\n".repeat(2_000));
        write("nul", "# T\n## S\n- [ ] a\u0000b\n");
        Files.write(dir.resolve("latin1.md"), "# Caf\u00e9\n## S\n- [ ] x\n".getBytes(StandardCharsets.ISO_8859_1));
        write("bom", "\uFEFF# Title\n## S\n- [ ] x\n");
        write("empty", "");
        Files.createDirectories(dir.resolve("folder.md"));
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name + ".md"), text, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} -> exit {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            deep-quote      | 1 | deep-quote.md:3:1: line 3 opens 10000 nested quotes or lists; the importer reads up to 64 levels
            deep-list       | 1 | deep-list.md:131:1: line 131 opens 65 nested quotes or lists
            long-line       | 1 | long-line.md:3:1: line 3 is 2000000 characters long; the importer reads lines of up to 20000 characters
            brackets        | 1 | brackets.md:3:1: the paragraph starting at line 3 is longer than 40000 characters
            unclosed-fences | 0 | wrote
            nul             | 0 | wrote
            latin1          | 1 | latin1.md:1:6: the file is not valid UTF-8: byte 0xE9
            bom             | 0 | wrote
            empty           | 0 | wrote
            folder          | 2 | is a directory
            """)
    void hostileMarkdownEndsQuickly(String name, int exit, String message) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CpuBound.within(
                Duration.ofSeconds(5),
                () -> Cli.commandLine(
                                new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of()),
                                new PrintWriter(out, true),
                                new PrintWriter(err, true))
                        .execute(
                                "runbook",
                                "import-md",
                                dir.resolve(name + ".md").toString(),
                                "-o",
                                dir.resolve(name + ".runbook.yaml").toString()));
        assertThat(code).as(out + "\n" + err).isEqualTo(exit);
        assertThat(out + err.toString()).contains(message);
    }
}
