package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Folds the blocks of a Markdown runbook into the maps and lists of a runbook file. Sections titled as a
 * rollback (and not as a test of one) that run commands become the rollback plan, so the emergency procedure
 * is never run as an ordinary phase; list items under a "triggers" heading that read as trigger rules become
 * rollback triggers.
 */
final class MarkdownRunbookBuilder {

    static final String TARGET_VARIABLE = "target";
    static final String DATABASE_VARIABLE = "database";

    private static final Set<String> SHELL = Set.of("bash", "sh", "shell", "zsh", "console");
    private static final Set<String> SQL = Set.of("sql", "psql", "postgresql", "pgsql");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+(.+)$");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_])(\\s*\\1){2,}\\s*$");
    private static final Pattern ROLLBACK_SECTION = Pattern.compile("(?i)\\broll ?back\\b");
    private static final Pattern TEST_SECTION = Pattern.compile("(?i)\\btest");
    private static final Pattern TRIGGER_SECTION = Pattern.compile("(?i)\\btriggers?\\b");

    private final String sourceName;
    private final SlugIds stepIds = new SlugIds("step");
    private final SlugIds phaseIds = new SlugIds("phase");
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private final List<Map<String, Object>> rollback = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final String[] headings = new String[7];
    private List<String> carriedContext = new ArrayList<>();
    private Optional<String> title = Optional.empty();
    private ImportedPhase phase;
    private Optional<String> lastListItem = Optional.empty();
    private boolean usesTarget;
    private boolean usesDatabase;

    MarkdownRunbookBuilder(String sourceName) {
        this.sourceName = sourceName;
    }

    void add(MarkdownBlocks.Block block) {
        if (block instanceof MarkdownBlocks.Heading heading) {
            heading(heading);
        } else if (block instanceof MarkdownBlocks.ChecklistItem item) {
            lastListItem = Optional.empty();
            currentPhase().addStep(step(item.text(), "", "confirm", escape(item.text()), ""));
        } else if (block instanceof MarkdownBlocks.CodeBlock code) {
            code(code);
        } else if (block instanceof MarkdownBlocks.Prose prose) {
            prose(prose.text());
        }
    }

    private void heading(MarkdownBlocks.Heading heading) {
        lastListItem = Optional.empty();
        if (heading.level() == 1 && title.isEmpty() && phase == null) {
            title = Optional.of(heading.text());
            return;
        }
        finishPhase();
        headings[heading.level()] = heading.text();
        Arrays.fill(headings, heading.level() + 1, headings.length, null);
        List<String> path = Arrays.stream(headings).filter(Objects::nonNull).toList();
        phase = new ImportedPhase(heading.text(), String.join(" > ", path));
    }

    private void prose(String line) {
        if (RULE.matcher(line).matches()) {
            return;
        }
        Matcher item = LIST_ITEM.matcher(line);
        if (item.matches()) {
            lastListItem = Optional.of(MarkdownText.plain(item.group(1)));
        } else if (!line.isBlank()) {
            lastListItem = Optional.empty();
        }
        if (phase == null) {
            if (!line.isBlank() || !preamble.isEmpty()) {
                preamble.add(line);
            }
        } else if (item.matches()) {
            phase.addListItem(line, MarkdownText.plain(item.group(1)));
        } else {
            phase.addProse(line);
        }
    }

    private void code(MarkdownBlocks.CodeBlock block) {
        Optional<String> leadIn = lastListItem;
        lastListItem = Optional.empty();
        boolean sql = SQL.contains(block.language());
        if (!sql && !SHELL.contains(block.language())) {
            currentPhase().addShownCode("```" + block.language() + "\n" + String.join("\n", block.lines()) + "\n```");
            return;
        }
        for (CodeSplitter.Piece piece : sql ? CodeSplitter.sql(block.lines()) : CodeSplitter.shell(block.lines())) {
            if (piece instanceof CodeSplitter.Manual manual) {
                currentPhase().addStep(step(manual.text(), "", "confirm", escape(manual.text()), manual.description()));
            } else if (piece instanceof CodeSplitter.Command command) {
                currentPhase().addStep(commandStep(titled(command, leadIn), sql));
                leadIn = Optional.empty();
            }
        }
    }

    /** The list item that introduced the block titles its first command; the command's own comment then describes it. */
    private static CodeSplitter.Command titled(CodeSplitter.Command command, Optional<String> leadIn) {
        if (leadIn.isEmpty()) {
            return command;
        }
        String description = String.join("\n", Stream.of(command.title(), command.description())
                .filter(text -> !text.isBlank()).toList());
        return new CodeSplitter.Command(leadIn.get(), description, command.code());
    }

    private Map<String, Object> commandStep(CodeSplitter.Command command, boolean sql) {
        String stepTitle = command.title();
        String idSource = stepTitle.isEmpty() ? command.code().lines().findFirst().orElse("") : stepTitle;
        Map<String, Object> step = step(idSource, stepTitle, sql ? "sql" : "run", escape(command.code()), command.description());
        if (sql) {
            step.put("database", "${" + DATABASE_VARIABLE + "}");
            usesDatabase = true;
        } else {
            step.put("on", "${" + TARGET_VARIABLE + "}");
            usesTarget = true;
        }
        return step;
    }

    private Map<String, Object> step(String idSource, String stepTitle, String kind, String value, String description) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", stepIds.next(idSource));
        if (!stepTitle.isEmpty()) {
            step.put("title", stepTitle);
        }
        if (!description.isBlank()) {
            step.put("description", description.strip());
        }
        step.put(kind, value);
        return step;
    }

    /** Texts from a document are literal: a {@code ${X}} in them is the shell's, not a runbook variable. */
    private static String escape(String text) {
        return text.replace("${", "$${");
    }

    private ImportedPhase currentPhase() {
        if (phase == null) {
            phase = new ImportedPhase(title.orElse("Procedure"), "");
        }
        return phase;
    }

    private void finishPhase() {
        if (phase == null) {
            return;
        }
        boolean triggerSection = TRIGGER_SECTION.matcher(phase.path()).find() && !phase.hasSteps();
        if (triggerSection) {
            triggers.addAll(ImportedTriggers.rules(phase.listItems()));
        } else if (phase.isOneThingToDo()) {
            phase.addStep(step(phase.title(), "", "confirm", escape(phase.title()), phase.takeProse()));
        }
        if (!phase.hasSteps()) {
            carriedContext.addAll(phase.asContext());
            carriedContext.add("");
        } else if (isRollbackProcedure(phase)) {
            rollback.addAll(phase.steps());
            carriedContext.addAll(phase.asContext());
            carriedContext.add("(the steps of this section are the rollback plan)");
            carriedContext.add("");
        } else {
            phase.prependContext(carriedContext);
            carriedContext = new ArrayList<>();
            phases.add(phase.toYamlMap(phaseIds.next(phase.title())));
        }
        phase = null;
    }

    private static boolean isRollbackProcedure(ImportedPhase phase) {
        return ROLLBACK_SECTION.matcher(phase.title()).find() && !TEST_SECTION.matcher(phase.title()).find() && phase.runsAnything();
    }

    Map<String, Object> build() {
        finishPhase();
        String runbookTitle = title.orElse(sourceName);
        Map<String, Object> runbook = new LinkedHashMap<>();
        runbook.put("runbook", runbookTitle);
        runbook.put("id", Optional.of(SlugIds.slug(runbookTitle)).filter(s -> !s.isEmpty()).orElse("imported"));
        runbook.put("source", sourceName);
        runbook.put("description", description());
        Map<String, Object> variables = variables();
        if (!variables.isEmpty()) {
            runbook.put("variables", variables);
        }
        runbook.put("phases", phases);
        if (!triggers.isEmpty()) {
            runbook.put("rollback-triggers", triggers);
        }
        if (!rollback.isEmpty()) {
            runbook.put("rollback", rollback);
        }
        return runbook;
    }

    private String description() {
        List<String> text = new ArrayList<>(preamble);
        if (!carriedContext.isEmpty()) {
            text.add("");
            text.addAll(carriedContext);
        }
        text.add("");
        text.add("Imported from " + sourceName + ". Before running it: bind the variables, check where each command runs,"
                + " and review the rollback plan and rollback triggers.");
        return String.join("\n", text).strip().replaceAll("\n{3,}", "\n\n");
    }

    private Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (usesTarget) {
            variables.put(TARGET_VARIABLE, Map.of("description",
                    "host or group (or 'local') the imported commands run on; check each command and set its own 'on:' where they differ"));
        }
        if (usesDatabase) {
            variables.put(DATABASE_VARIABLE, Map.of("description", "the inventory database the imported SQL runs on"));
        }
        return variables;
    }
}
