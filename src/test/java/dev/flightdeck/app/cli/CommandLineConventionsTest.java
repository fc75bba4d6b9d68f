package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The conventions shell users bring: --help everywhere, completion, '-' for standard input, ASCII terminals. */
class CommandLineConventionsTest {

    @TempDir
    Path home;

    @Test
    void everyCommandInTheTreeAnswersHelpWithoutPicocliWarnings() {
        List<List<String>> commands = new ArrayList<>();
        walk(rootCommandLine(), new ArrayList<>(), commands);
        assertThat(commands)
                .extracting(path -> String.join(" ", path))
                .contains(
                        "runbook list",
                        "runbook validate",
                        "runbook show",
                        "runbook import-md",
                        "journal verify",
                        "journal show",
                        "journal export",
                        "sandbox",
                        "completion");
        // the benchmarks are not in the product's tree (src/bench, -Pbench); their commands carry the same help options

        for (List<String> command : commands) {
            List<String> arguments = new ArrayList<>(command);
            arguments.add("--help");
            String[] processErr = new String[1];
            CliRun run = capturingProcessErr(() -> CliRun.run(home, arguments.toArray(String[]::new)), processErr);

            String name = "flightdeck " + String.join(" ", arguments);
            assertThat(run.exitCode()).as(name).isZero();
            assertThat(run.out()).as(name).startsWith("Usage: flightdeck");
            assertThat(run.err() + processErr[0]).as(name).isEmpty();
        }
    }

    @Test
    void everyOptionAndParameterSaysWhatItIsFor() {
        List<String> undescribed = new ArrayList<>();
        collectUndescribed(rootCommandLine(), undescribed);
        assertThat(undescribed)
                .as("options and parameters whose --help line is empty")
                .isEmpty();
    }

    private static void collectUndescribed(CommandLine command, List<String> undescribed) {
        String name = command.getCommandSpec().qualifiedName();
        command.getCommandSpec().options().stream()
                .filter(option -> option.description().length == 0)
                .forEach(option -> undescribed.add(name + " " + option.longestName()));
        command.getCommandSpec().positionalParameters().stream()
                .filter(parameter -> parameter.description().length == 0)
                .forEach(parameter -> undescribed.add(name + " " + parameter.paramLabel()));
        command.getSubcommands().values().forEach(sub -> collectUndescribed(sub, undescribed));
    }

    @Test
    void theTopLevelHelpListsEachCommandWithAWholeSentence() {
        CliRun run = CliRun.run(home, "--help");

        for (CommandLine sub : rootCommandLine().getSubcommands().values()) {
            String first = sub.getCommandSpec().usageMessage().description()[0];
            assertThat(first).as(sub.getCommandName()).matches(".*[.)]$");
            assertThat(run.out()).contains(sub.getCommandName());
        }
    }

    @Test
    void completionScriptsComeFromTheApplicationsOwnCommandTree() {
        CliRun bash = CliRun.run(home, "completion", "bash");
        CliRun zsh = CliRun.run(home, "completion", "zsh");
        CliRun fish = CliRun.run(home, "completion", "fish");

        assertThat(bash.exitCode()).isZero();
        assertThat(bash.out())
                .contains("complete -F _complete_flightdeck", "import-md", "--passphrase-file", "--inventory");
        assertThat(zsh.exitCode()).isZero();
        assertThat(zsh.out()).startsWith("autoload -U +X compinit").contains("bashcompinit", "journal");
        assertThat(fish.exitCode()).isEqualTo(Cli.USAGE);
        assertThat(fish.err()).contains("bash and zsh");
    }

    @Test
    void aDashReadsThePassphraseFromStandardInput() {
        PassphraseOption option = new PassphraseOption();
        new CommandLine(new WithPassphrase(option)).parseArgs("--passphrase-file", "-");
        var previous = System.in;
        try {
            System.setIn(new ByteArrayInputStream("correct horse\nnot this\n".getBytes(StandardCharsets.UTF_8)));
            char[] read = option.read(new AppContext(new FlightdeckHome(home), Map.of()));
            assertThat(new String(read)).isEqualTo("correct horse");
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void anAsciiTerminalGetsWordsForTheMarkersInsteadOfQuestionMarks() {
        ByteArrayOutputStream ascii = new ByteArrayOutputStream();
        ByteArrayOutputStream utf8 = new ByteArrayOutputStream();

        PrintWriter writer = TerminalText.printWriter(ascii, StandardCharsets.US_ASCII);
        writer.println("  ✓ stop-app");
        writer.println("  ✗ migrate: exit 1");
        writer.println("  … wait → next — done");
        assertThat(ascii.toString(StandardCharsets.US_ASCII).lines())
                .containsExactly("  ok stop-app", "  FAIL migrate: exit 1", "  ... wait -> next - done");
        PrintWriter unicode = TerminalText.printWriter(utf8, StandardCharsets.UTF_8);
        unicode.println("  ✓ stop-app");
        assertThat(utf8.toString(StandardCharsets.UTF_8)).isEqualTo("  ✓ stop-app\n");
    }

    @picocli.CommandLine.Command(name = "test")
    private static final class WithPassphrase {
        @picocli.CommandLine.Mixin
        final PassphraseOption passphrase;

        WithPassphrase(PassphraseOption passphrase) {
            this.passphrase = passphrase;
        }
    }

    private CommandLine rootCommandLine() {
        return Cli.commandLine(
                new AppContext(new FlightdeckHome(home), Map.of()),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
    }

    private static void walk(CommandLine commandLine, List<String> path, List<List<String>> into) {
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            into.add(subPath);
            walk(sub, subPath, into);
        }
    }

    /** picocli prints its own warnings (bad format strings) to the process's standard error, not the command's. */
    private static CliRun capturingProcessErr(Supplier<CliRun> action, String[] captured) {
        PrintStream previous = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            return action.get();
        } finally {
            System.setErr(previous);
            captured[0] = bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
