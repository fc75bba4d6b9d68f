package dev.flightdeck.app.cli;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.runbook.BuiltinRunbooks;
import dev.flightdeck.runbook.ChecklistPrinter;
import dev.flightdeck.runbook.MarkdownImportFile;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.RunbookValidator;
import dev.flightdeck.ssh.SshInventoryCheck;
import dev.flightdeck.ssh.SshUserHome;
import dev.flightdeck.yaml.TextFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "runbook", description = "List, check, print and import runbooks.", mixinStandardHelpOptions = true)
public final class RunbookCommand {

    private final AppContext context;

    @Spec
    private CommandSpec spec;

    RunbookCommand(AppContext context) {
        this.context = context;
    }

    @Command(name = "list", description = "List the built-in runbooks.")
    int list(
            @Option(names = "--json", description = "print a JSON array of {id, title, source, phases, steps}")
                    boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            var array = JsonOutput.object().arrayNode();
            BuiltinRunbooks.loadAll()
                    .forEach(parsed ->
                            array.add(JsonOutput.runbook(parsed.value().orElseThrow())));
            JsonOutput.println(out, array);
            return Cli.OK;
        }
        out.printf("%-28s %-52s %-30s %6s %6s%n", "ID", "TITLE", "SOURCE", "PHASES", "STEPS");
        for (Parsed<Runbook> parsed : BuiltinRunbooks.loadAll()) {
            Runbook runbook = parsed.value().orElseThrow();
            out.printf(
                    "%-28s %-52s %-30s %6d %6d%n",
                    runbook.id(),
                    shorten(runbook.title(), 52),
                    shorten(runbook.source(), 30),
                    runbook.phases().size(),
                    runbook.stepCount());
        }
        return Cli.OK;
    }

    @Command(
            name = "validate",
            description = "Check runbook files; prints FILE:LINE:COLUMN: message for every problem.")
    int validate(
            @Parameters(paramLabel = "FILE", arity = "1..*", description = "runbook files (*.runbook.yaml)")
                    List<Path> files,
            @Option(
                            names = "--inventory",
                            paramLabel = "INV",
                            description =
                                    "also check targets, databases and endpoints against this inventory, and its hosts against ~/.ssh")
                    Optional<Path> inventoryFile,
            @Option(
                            names = "--json",
                            description =
                                    "print one JSON object: valid, files, errors, warnings, problems [{file, line, column, severity, message}]")
                    boolean json) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                err.println("flightdeck: " + file + ": "
                        + (Files.isDirectory(file)
                                ? "is a directory; name the runbook files in it"
                                : Files.exists(file) ? "cannot be read (permissions)" : "no such file"));
                err.flush();
                return Cli.USAGE;
            }
        }
        List<Problem> problems = new ArrayList<>();
        Optional<Inventory> inventory = Optional.empty();
        if (inventoryFile.isPresent()) {
            Parsed<Inventory> parsed = readInventory(inventoryFile.get(), context.environment(), problems);
            inventory = parsed.isValid() ? parsed.value() : Optional.empty();
            inventory.ifPresent(valid -> problems.addAll(checkSsh(inventoryFile.get(), valid)));
        }
        for (Path file : files) {
            problems.addAll(validateOne(file, inventory));
        }
        if (json) {
            JsonOutput.println(
                    out,
                    JsonOutput.validation(files.stream().map(Path::toString).toList(), problems));
            return problems.stream().anyMatch(Problem::isError) ? Cli.PROBLEM : Cli.OK;
        }
        problems.forEach(problem -> out.println(problem.format()));
        long errors = problems.stream().filter(Problem::isError).count();
        if (errors == 0) {
            out.println(files.size() == 1 ? "valid" : files.size() + " runbooks valid");
        }
        out.flush();
        return errors == 0 ? Cli.OK : Cli.PROBLEM;
    }

    private static Parsed<Inventory> readInventory(Path file, Map<String, String> environment, List<Problem> problems) {
        try {
            Parsed<Inventory> parsed = InventoryLoader.load(file, environment);
            problems.addAll(parsed.problems());
            return parsed;
        } catch (IOException e) {
            problems.add(unreadable(file, e));
            return new Parsed<>(Optional.empty(), List.of());
        }
    }

    /** Once per inventory, not per runbook: missing key files, hosts with no address, jump loops. */
    private List<Problem> checkSsh(Path inventoryFile, Inventory inventory) {
        SshUserHome userHome = SshUserHome.fromSystem(context.environment());
        Problems problems = new Problems(inventoryFile.toString());
        try {
            SshInventoryCheck.check(inventory, userHome, problems);
        } catch (IOException e) {
            return List.of(unreadable(userHome.config(), e));
        }
        return problems.sorted();
    }

    private static List<Problem> validateOne(Path file, Optional<Inventory> inventory) {
        try {
            Parsed<Runbook> parsed = RunbookLoader.load(file);
            List<Problem> problems = new ArrayList<>(parsed.problems());
            if (parsed.value().isPresent() && inventory.isPresent()) {
                Problems targets = new Problems(file.toString());
                new RunbookValidator(targets).checkTargets(parsed.value().get(), inventory.get());
                problems.addAll(targets.sorted());
            }
            return problems;
        } catch (IOException e) {
            return List.of(unreadable(file, e));
        }
    }

    private static Problem unreadable(Path file, IOException e) {
        if (e instanceof TextFiles.BadEncodingException bad) {
            return new Problem(file.toString(), bad.position(), Problem.Severity.ERROR, bad.getMessage());
        }
        String reason = e instanceof NoSuchFileException ? "no such file" : "cannot read the file: " + e.getMessage();
        return new Problem(file.toString(), Position.UNKNOWN, Problem.Severity.ERROR, reason);
    }

    @Command(name = "show", description = "Print a runbook as a plain-text checklist.")
    int show(
            @Parameters(paramLabel = "ID|FILE", description = "a built-in id (see 'runbook list') or a runbook file")
                    String idOrFile,
            @Option(names = "--brief", description = "leave out the runbook's, phases' and steps' descriptions")
                    boolean brief) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Parsed<Runbook> parsed;
        Optional<Parsed<Runbook>> builtin = BuiltinRunbooks.load(idOrFile);
        if (builtin.isPresent()) {
            parsed = builtin.get();
        } else {
            Path file = Path.of(idOrFile);
            if (!Files.isRegularFile(file)) {
                err.println("flightdeck: '" + idOrFile + "' is neither a built-in runbook ("
                        + String.join(", ", BuiltinRunbooks.ids()) + ") nor a file");
                return Cli.USAGE;
            }
            try {
                parsed = RunbookLoader.load(file);
            } catch (IOException e) {
                err.println(unreadable(file, e).format());
                return Cli.PROBLEM;
            }
        }
        if (!parsed.isValid()) {
            parsed.problems().forEach(problem -> err.println(problem.format()));
            return Cli.PROBLEM;
        }
        out.print(ChecklistPrinter.print(parsed.value().orElseThrow(), !brief));
        out.flush();
        return Cli.OK;
    }

    @Command(
            name = "import-md",
            description = "Turn a Markdown runbook (like the seed documents) into a runbook file;"
                    + " prints every judgement it made with the document's line.")
    int importMarkdown(
            @Parameters(paramLabel = "FILE.md", description = "the Markdown procedure to import") Path markdown,
            @Option(
                            names = {"-o", "--out"},
                            paramLabel = "OUT.yaml",
                            description = "where to write it (default: print it)")
                    Optional<Path> output,
            @Option(
                            names = "--report",
                            paramLabel = "FILE",
                            description = "also write the import report (every judgement, with its line) to FILE")
                    Optional<Path> reportFile)
            throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(markdown)) {
            err.println("flightdeck: " + markdown
                    + (Files.isDirectory(markdown) ? ": is a directory, not a Markdown file" : ": no such file"));
            return Cli.USAGE;
        }
        MarkdownImportFile.Outcome outcome = MarkdownImportFile.read(markdown);
        if (outcome instanceof MarkdownImportFile.Refused refused) {
            refused.problems().forEach(err::println);
            if (refused.importerDefect()) {
                err.println(
                        "flightdeck: the import produced an invalid runbook; this is a defect in the importer, please report it");
            }
            return Cli.PROBLEM;
        }
        MarkdownImportFile.Imported imported = (MarkdownImportFile.Imported) outcome;
        String yaml = imported.yaml();
        String report = imported.report().format(markdown.toString());
        if (reportFile.isPresent()) {
            Files.writeString(reportFile.get(), report, StandardCharsets.UTF_8);
        }
        if (output.isPresent()) {
            Files.writeString(output.get(), yaml, StandardCharsets.UTF_8);
            out.printf("wrote %s: %s%n", output.get(), imported.summary());
            out.print(report);
        } else {
            out.print(yaml);
            err.print(report);
        }
        out.flush();
        err.flush();
        return Cli.OK;
    }

    private static String shorten(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
