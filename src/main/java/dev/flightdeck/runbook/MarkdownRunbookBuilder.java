package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Folds the blocks of a Markdown runbook into the maps and lists of a runbook file, noting every judgement in
 * an {@link ImportReport}. Sections titled as a rollback (and not as a test of one) become the rollback plan,
 * so the emergency procedure is never run as an ordinary phase; list items under a "triggers" heading and
 * sentences such as "if the error rate exceeds 1% for 5 minutes, roll back" become rollback triggers where the
 * trigger grammar can express them; alternatives (Option A / Option B, tabs, "alternatively") become optional
 * steps after a step where the operator records the choice.
 */
final class MarkdownRunbookBuilder {

    static final String TARGET_VARIABLE = "target";
    static final String DATABASE_VARIABLE = "database";

    private static final Set<String> SHELL = Set.of("bash", "sh", "shell", "zsh", "ksh", "fish");
    private static final Set<String> CONSOLE = Set.of(
            "console",
            "shell-session",
            "shellsession",
            "sh-session",
            "terminal",
            "bash-session",
            "session",
            "shell_session",
            "pwsh-session",
            "ps1-session");
    private static final Set<String> SQL = Set.of("sql", "psql", "postgresql", "pgsql", "plpgsql", "postgres");
    private static final Pattern ROLLBACK_SECTION = Pattern.compile(
            "(?i)\\b(roll ?back|rolling back|revert(ing)?|back(ing)? ?out|backout|undo(ing)?|downgrad(e|ing))\\b"
                    + "|\\bif (the )?(upgrade|update|migration|deploy(ment)?|release|change|rollout|cutover) fails\\b");
    private static final Pattern ROLLBACK_DOCUMENT = Pattern.compile(
            "(?i)(roll ?back|revert|back ?out|downgrade)( procedures?| plan| runbook| guide| steps)?\\s*$|^(runbook:\\s*)?(roll ?back|revert|downgrade)\\b");
    private static final Pattern CONTENTS_SECTION =
            Pattern.compile("(?i)^(table of contents|contents|toc|index|links|references|see also)$");
    /** Sections that describe, whatever lists they hold: never "one thing to do". */
    private static final Pattern ABOUT_SECTION = Pattern.compile(
            "(?i)\\b(legend|glossary|notes?|overview|background|introduction|purpose|scope|summary|roles|architecture|assumptions"
                    + "|quick reference|contacts?|symptoms|detection|impact|success criteria|references|faq|troubleshooting)\\b");

    private static final Pattern SQL_WORDS = Pattern.compile(
            "(?i)^(select|insert|update|delete|alter|create|drop|with|grant|revoke|vacuum|analyze|reindex|truncate|begin|commit|set|show|explain)\\b.*");
    private static final Pattern TEST_SECTION = Pattern.compile("(?i)\\btest");
    private static final Pattern TRIGGER_SECTION = Pattern.compile(
            "(?i)\\btriggers?\\b|\\bwhen to (roll ?back|revert|abort)\\b|\\b(rollback|abort|no-go) (criteria|conditions)\\b");
    private static final Pattern STEPS_SECTION = Pattern.compile("(?i)\\b(steps?|checklist|tasks?|actions?|to ?do)\\b");
    private static final Pattern OPTION = Pattern.compile(
            "(?i)^(?:option|alternative|approach|method|variant|path|way)\\s+(?:[A-Z0-9]|one|two|three|four)\\b.*");
    private static final Pattern OR_PARAGRAPH =
            Pattern.compile("(?i)^(?:alternatively|or|otherwise|instead)\\b[\\s,:]");
    private static final Pattern EITHER = Pattern.compile("(?i)\\beither\\b.*:$");
    private static final Pattern ROLLBACK_COMMENT =
            Pattern.compile("(?i)^\\s*#+\\s*(?:to\\s+)?(?:roll ?back|revert|undo|back ?out)\\b.*");
    private static final Pattern IF_ROLLBACK = Pattern.compile(
            "(?i)\\b(?:if|when|should)\\s+(.+?)\\s*[,;:]?\\s*(?:then\\s+)?(?:immediately\\s+)?(?:roll ?back|revert|abort|initiate (?:the )?rollback|trigger (?:a |the )?rollback)\\b");
    private static final Pattern ROLLBACK_IF =
            Pattern.compile("(?i)\\b(?:roll ?back|revert|abort)\\b[^.]*?\\b(?:if|when)\\s+(.+?)(?:[.;]|$)");

    private final String sourceName;
    private final ImportReport report;
    private final SlugIds stepIds = new SlugIds("step");
    private final SlugIds phaseIds = new SlugIds("phase");
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private final List<Map<String, Object>> rollback = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    private final List<String> preamble = new ArrayList<>();
    private final String[] headings = new String[7];
    private List<String> carriedContext = new ArrayList<>();
    private Optional<String> title = Optional.empty();
    private boolean titleFromFrontMatter;
    private ImportedPhase phase;
    private int phaseLine;
    private int phaseLevel;
    /** The confirm step made from the list item just read, which a code block under it may take over. */
    private Map<String, Object> listStep;

    private String listItemText;
    private boolean listStepFromChecklist;
    private Alternatives alternatives;
    private boolean nextIsAlternative;
    private boolean usesTarget;
    /** The id of a list item's step that a code block under it took over, for the block's first step. */
    private String reusableId;

    private boolean usesDatabase;

    /** The alternatives being read, and the step where the operator records which one they take. */
    private static final class Alternatives {
        final int level;
        final Map<String, Object> choice;
        final List<String> labels = new ArrayList<>();
        String current;

        Alternatives(int level, Map<String, Object> choice) {
            this.level = level;
            this.choice = choice;
        }

        void add(String label) {
            labels.add(label);
            current = label;
            choice.put("confirm", "Choose one: " + String.join(" | ", labels).replace("${", "$${"));
        }
    }

    MarkdownRunbookBuilder(String sourceName) {
        this(sourceName, new ImportReport());
    }

    MarkdownRunbookBuilder(String sourceName, ImportReport report) {
        this.sourceName = sourceName;
        this.report = report;
    }

    void frontMatterTitle(Optional<String> frontMatter) {
        frontMatter.ifPresent(t -> {
            title = Optional.of(MarkdownText.plain(t));
            titleFromFrontMatter = true;
            report.note(1, "title '" + title.get() + "' taken from the front matter");
        });
    }

    void add(MarkdownBlocks.Block block) {
        if (block instanceof MarkdownBlocks.Heading heading) {
            heading(heading);
        } else if (block instanceof MarkdownBlocks.ChecklistItem item) {
            checklistItem(item);
        } else if (block instanceof MarkdownBlocks.ListEntry entry) {
            listEntry(entry);
        } else if (block instanceof MarkdownBlocks.CodeBlock code) {
            code(code);
        } else if (block instanceof MarkdownBlocks.Prose prose) {
            prose(prose);
        } else if (block instanceof MarkdownBlocks.Alternative alternative) {
            alternative(alternative.label(), 7, alternative.line(), "tab");
        } else if (block instanceof MarkdownBlocks.AlternativesEnd) {
            alternatives = null;
        }
    }

    private void heading(MarkdownBlocks.Heading heading) {
        clearListStep();
        listItemText = null;
        nextIsAlternative = false;
        if (heading.level() == 1
                && phase == null
                && phases.isEmpty()
                && rollback.isEmpty()
                && (title.isEmpty() || (titleFromFrontMatter && heading.text().equalsIgnoreCase(title.get())))) {
            if (title.isEmpty()) {
                title = Optional.of(heading.text());
                report.note(heading.line(), "title '" + heading.text() + "' taken from the first heading");
            }
            return;
        }
        finishPhase();
        headings[heading.level()] = heading.text();
        Arrays.fill(headings, heading.level() + 1, headings.length, null);
        List<String> path = Arrays.stream(headings).filter(Objects::nonNull).toList();
        phase = new ImportedPhase(heading.text(), String.join(" > ", path));
        phaseLine = heading.line();
        phaseLevel = heading.level();
        if (alternatives != null
                && heading.level() <= alternatives.level
                && !OPTION.matcher(heading.text()).matches()) {
            alternatives = null;
        } else if (alternatives != null && alternatives.level == 7) {
            alternatives = null;
        }
        if (OPTION.matcher(heading.text()).matches()) {
            alternative(heading.text(), heading.level(), heading.line(), "heading");
        }
    }

    private void alternative(String label, int level, int line, String how) {
        if (alternatives == null || alternatives.level != level) {
            Map<String, Object> choice = step(
                    "choose-" + label,
                    "",
                    "confirm",
                    "Choose one",
                    "The document offers alternatives"
                            + " here; do only the one you choose and skip the others (each is optional).",
                    line);
            currentPhase().addStep(choice);
            alternatives = new Alternatives(level, choice);
            report.note(
                    line,
                    "'" + label + "' starts a set of alternatives (" + how + "): their steps are optional, after a"
                            + " step where the operator records the choice");
        } else {
            report.note(line, "'" + label + "' is another alternative of the same choice");
        }
        alternatives.add(label);
    }

    private void checklistItem(MarkdownBlocks.ChecklistItem item) {
        clearListStep();
        listItemText = null;
        Map<String, Object> step = step(item.text(), "", "confirm", escape(item.text()), "", item.line());
        currentPhase().addStep(step);
        listStep = step;
        listItemText = item.text();
        listStepFromChecklist = true;
    }

    private void listEntry(MarkdownBlocks.ListEntry entry) {
        String text = MarkdownText.plain(entry.text());
        sentenceTrigger(entry.text(), entry.line());
        if (entry.depth() > 0 && listStep != null) {
            String description = Optional.ofNullable((String) listStep.get("description"))
                    .map(d -> d + "\n")
                    .orElse("");
            listStep.put("description", description + "- " + entry.text().replace("\n", " "));
            return;
        }
        clearListStep();
        if (phase != null && CONTENTS_SECTION.matcher(phase.title()).matches()) {
            return;
        }
        boolean action = entry.depth() == 0
                && !text.isEmpty()
                && !isTriggerSection()
                && (entry.ordered()
                        || STEPS_SECTION
                                .matcher(phase == null ? "" : phase.path())
                                .find());
        if (action && phase != null) {
            String stepText = text.replaceAll("[:.]$", "");
            Map<String, Object> step = step(stepText, "", "confirm", escape(stepText), "", entry.line());
            currentPhase().addStep(step);
            phase.countListStep();
            listStep = step;
            listItemText = text;
            listStepFromChecklist = false;
            return;
        }
        if (phase == null && entry.ordered() && entry.depth() == 0 && !text.isEmpty()) {
            currentPhase();
            listEntry(entry);
            return;
        }
        if (phase == null) {
            preamble.add("- " + entry.text());
            listItemText = text;
        } else {
            phase.addListItem("- " + entry.text(), text);
            listItemText = text;
        }
    }

    private void prose(MarkdownBlocks.Prose prose) {
        String text = prose.text();
        String plain = MarkdownText.plain(text);
        clearListStep();
        listItemText = null;
        if (OPTION.matcher(plain).matches() && plain.length() < 120) {
            alternative(plain.replaceAll("[:.]$", ""), 8, prose.line(), "paragraph");
        } else if (OR_PARAGRAPH.matcher(plain).find()) {
            nextIsAlternative = true;
        } else if (EITHER.matcher(plain).find()) {
            Map<String, Object> choice = step(
                    "choose-one",
                    "",
                    "confirm",
                    "Choose one",
                    "The document offers alternatives"
                            + " here; do only the one you choose and skip the others (each is optional).",
                    prose.line());
            currentPhase().addStep(choice);
            alternatives = new Alternatives(9, choice);
            report.note(
                    prose.line(),
                    "'either … :' starts a set of alternatives: each block after it is an optional way,"
                            + " after a step where the operator records the choice");
        }
        sentenceTrigger(text, prose.line());
        if (phase == null) {
            preamble.add(text);
            preamble.add("");
        } else {
            phase.addProse(text);
            phase.addProse("");
        }
    }

    /** "If the error rate exceeds 1% for 5 minutes, roll back": a trigger where the grammar can express the condition. */
    private void sentenceTrigger(String text, int line) {
        if (isTriggerSection()) {
            return;
        }
        for (Pattern pattern : List.of(IF_ROLLBACK, ROLLBACK_IF)) {
            Matcher matcher = pattern.matcher(text.replace('\n', ' '));
            if (matcher.find()) {
                ImportedTriggers.measurableRule(matcher.group(1)).ifPresent(rule -> addTrigger(rule, line, "sentence"));
                return;
            }
        }
    }

    private void addTrigger(String rule, int line, String from) {
        if (!triggers.contains(rule)) {
            triggers.add(rule);
            report.note(line, "rollback trigger '" + rule + "' read from the " + from);
        }
    }

    private boolean isTriggerSection() {
        return phase != null && TRIGGER_SECTION.matcher(phase.path()).find();
    }

    private void clearListStep() {
        listStep = null;
    }

    private void code(MarkdownBlocks.CodeBlock block) {
        Map<String, Object> introducedBy = listStep;
        String leadIn = listItemText;
        boolean fromChecklist = listStepFromChecklist;
        clearListStep();
        listItemText = null;
        String language = block.language();
        boolean console = CONSOLE.contains(language);
        boolean shell = SHELL.contains(language);
        boolean sql = SQL.contains(language);
        if (!block.fenced()
                && !CodeSplitter.isTranscript(block.lines(), false)
                && !CodeSplitter.looksLikeShell(block.lines())) {
            shownCode(block, language);
            return;
        }
        if (language.isEmpty() && CodeSplitter.isRootTranscript(block.lines())) {
            transcript(block, true, introducedBy, leadIn, fromChecklist);
            return;
        }
        if (language.isEmpty() && !CodeSplitter.isTranscript(block.lines(), false)) {
            if (CodeSplitter.looksLikeShell(block.lines())) {
                shell = true;
                report.note(
                        block.line(), "a block without a language reads as shell commands: run as a step (check it)");
            } else {
                shownCode(block, language);
                return;
            }
        }
        if (console || ((shell || language.isEmpty()) && CodeSplitter.isTranscript(block.lines(), false))) {
            transcript(block, console, introducedBy, leadIn, fromChecklist);
            return;
        }
        if (!sql && !shell) {
            shownCode(block, language);
            return;
        }
        if (shell && looksLikeSql(block.lines())) {
            sql = true;
            report.note(
                    block.line(),
                    "a block labelled " + (language.isEmpty() ? "without a language" : "'" + language + "'")
                            + " holds SQL statements: read as sql steps, not shell commands");
        }
        Optional<String> title = Optional.ofNullable(leadIn).map(t -> t.replaceAll("[:.]$", ""));
        if (introducedBy != null) {
            takeOver(introducedBy);
        }
        if (sql) {
            if (CodeSplitter.sqlKeptWhole(block.lines())) {
                report.note(
                        block.line(),
                        "SQL block kept whole: it holds a transaction, a dollar-quoted body or psql commands");
            }
            addPieces(CodeSplitter.sql(block.lines()), true, title, block.line(), false);
            return;
        }
        List<String> forward = block.lines();
        List<String> back = List.of();
        for (int i = 1; i < forward.size(); i++) {
            if (ROLLBACK_COMMENT.matcher(forward.get(i)).matches() && !isRollbackPhase()) {
                back = forward.subList(i, forward.size());
                forward = forward.subList(0, i);
                report.note(
                        block.line() + i,
                        "the block's part from '" + forward.size() + "' on is titled as a rollback:"
                                + " moved to the rollback plan instead of running forward");
                break;
            }
        }
        crossBlockVariables(forward, block.line());
        CodeSplitter.Reading reading = CodeSplitter.readShell(forward);
        reading.judgements().forEach(j -> report.note(block.line(), "shell block: " + j));
        addPieces(reading.pieces(), false, title, block.line(), false);
        if (!back.isEmpty()) {
            addPieces(
                    CodeSplitter.readShell(back).pieces(),
                    false,
                    Optional.empty(),
                    block.line() + forward.size(),
                    true);
        }
    }

    private static final Pattern ASSIGNMENT = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=");
    private static final Pattern USE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)");
    private final Map<String, Integer> assignedInEarlierBlocks = new LinkedHashMap<>();

    /** Each step runs in its own shell: a variable set in an earlier block is not set in this one. */
    private void crossBlockVariables(List<String> lines, int line) {
        Set<String> assignedHere = new HashSet<>();
        Set<String> reported = new HashSet<>();
        for (String text : lines) {
            Matcher use = USE.matcher(text);
            while (use.find()) {
                String name = use.group(1);
                Integer earlier = assignedInEarlierBlocks.get(name);
                if (earlier != null && !assignedHere.contains(name) && reported.add(name)) {
                    report.note(
                            line,
                            "uses $" + name + ", which the block at line " + earlier + " sets in its own shell:"
                                    + " each step runs in a new shell, so join the blocks or set it again (needs an edit)");
                }
            }
            Matcher assignment = ASSIGNMENT.matcher(text);
            if (assignment.find()) {
                assignedHere.add(assignment.group(1));
            }
        }
        assignedHere.forEach(name -> assignedInEarlierBlocks.put(name, line));
    }

    private static boolean looksLikeSql(List<String> lines) {
        List<String> statements = lines.stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("--"))
                .toList();
        return !statements.isEmpty()
                && SQL_WORDS.matcher(statements.get(0)).matches()
                && statements.get(statements.size() - 1).endsWith(";");
    }

    private void takeOver(Map<String, Object> listConfirm) {
        List<Map<String, Object>> steps = currentPhase().steps();
        if (!steps.isEmpty() && steps.get(steps.size() - 1) == listConfirm) {
            steps.remove(steps.size() - 1);
            reusableId = (String) listConfirm.get("id");
            if (!listStepFromChecklist) {
                phase.uncountListStep();
            }
        }
    }

    private void transcript(
            MarkdownBlocks.CodeBlock block,
            boolean console,
            Map<String, Object> introducedBy,
            String leadIn,
            boolean fromChecklist) {
        CodeSplitter.Transcript transcript = CodeSplitter.transcript(block.lines(), console);
        if (transcript.commands().isEmpty()) {
            report.note(block.line(), "terminal output with no command: kept as documentation");
            shownCode(block, "output");
            return;
        }
        if (transcript.powerShell()) {
            report.note(block.line(), "PowerShell session: kept as documentation (PowerShell is not run)");
            shownCode(block, "powershell");
            return;
        }
        if (introducedBy != null) {
            takeOver(introducedBy);
        }
        String description = transcript.output().isEmpty()
                ? ""
                : "Output shown in the document:\n"
                        + String.join(
                                "\n", transcript.output().stream().limit(40).toList())
                        + (transcript.output().size() > 40 ? "\n…" : "");
        String stepTitle = Optional.ofNullable(leadIn)
                .filter(t -> introducedBy != null)
                .map(t -> t.replaceAll("[:.]$", ""))
                .orElse("");
        int line = block.line()
                + (transcript.commandLines().isEmpty()
                        ? 0
                        : transcript.commandLines().get(0));
        String code = String.join("\n", transcript.commands());
        currentPhase().addStep(commandStep(new CodeSplitter.Command(stepTitle, description, code), false, line));
        report.note(
                block.line(),
                "terminal transcript: kept " + transcript.commands().size() + " command line(s) without their prompts"
                        + (transcript.output().isEmpty()
                                ? ""
                                : ", dropped " + transcript.output().size()
                                        + " output line(s) from the commands (kept in the step's description)"));
    }

    private void shownCode(MarkdownBlocks.CodeBlock block, String language) {
        String label = CodeSplitter.languageLabel(language);
        String shown = label + " (documentation, not run):\n```" + language + "\n" + String.join("\n", block.lines())
                + "\n```";
        List<Map<String, Object>> steps = currentPhase().steps();
        if (!steps.isEmpty()
                && steps.get(steps.size() - 1).get("confirm") != null
                && !steps.isEmpty()
                && steps.get(steps.size() - 1).get("description") == null) {
            steps.get(steps.size() - 1).put("description", shown);
            report.note(block.line(), label + " block kept as documentation of the step before it");
        } else {
            currentPhase().addShownCode(shown);
            report.note(block.line(), label + " block kept as documentation (not run)");
        }
    }

    private void addPieces(
            List<CodeSplitter.Piece> pieces, boolean sql, Optional<String> leadIn, int blockLine, boolean toRollback) {
        Optional<String> title = leadIn;
        if (alternatives != null && alternatives.level == 9 && !toRollback) {
            alternatives.add("way " + (alternatives.labels.size() + 1) + " (line " + blockLine + ")");
        }
        boolean alternative = nextIsAlternative;
        nextIsAlternative = false;
        List<Map<String, Object>> made = new ArrayList<>();
        for (CodeSplitter.Piece piece : pieces) {
            Map<String, Object> step;
            if (piece instanceof CodeSplitter.Manual manual) {
                step = step(
                        manual.text(),
                        "",
                        "confirm",
                        escape(manual.text()),
                        manual.description(),
                        blockLine + Math.max(0, manual.line()));
            } else {
                CodeSplitter.Command command = (CodeSplitter.Command) piece;
                step = commandStep(titled(command, title), sql, blockLine + command.line());
                title = Optional.empty();
            }
            made.add(step);
        }
        if (toRollback) {
            rollback.addAll(made);
            return;
        }
        if (alternative && !made.isEmpty()) {
            markPreviousAsAlternative(made, blockLine);
        }
        made.forEach(currentPhase()::addStep);
    }

    /** "Alternatively, …" before a block: the step before it and this block's steps are two ways to do the same thing. */
    private void markPreviousAsAlternative(List<Map<String, Object>> made, int line) {
        List<Map<String, Object>> steps = currentPhase().steps();
        Optional<Map<String, Object>> previous = steps.stream()
                .filter(s -> s.containsKey("run") || s.containsKey("sql"))
                .reduce((a, b) -> b);
        if (previous.isEmpty() || alternatives != null) {
            return;
        }
        previous.get().put("required", false);
        previous.get()
                .put(
                        "description",
                        prefixed(
                                (String) previous.get().get("description"),
                                "Alternative 1 of 2: do this or the next step."));
        for (Map<String, Object> step : made) {
            step.put("required", false);
            step.put(
                    "description",
                    prefixed((String) step.get("description"), "Alternative 2 of 2: do this or the step before."));
        }
        int index = steps.indexOf(previous.get());
        steps.add(
                index,
                step(
                        "choose-alternative",
                        "",
                        "confirm",
                        "Choose one: " + previous.get().get("id") + " or "
                                + made.get(0).get("id"),
                        "The document offers two ways here; do only the one you choose and skip the other.",
                        line));
        report.note(
                line,
                "'alternatively'/'or' before this block: it and the block before are alternatives, both optional,"
                        + " after a step where the operator records the choice");
    }

    private static String describedAlso(String description) {
        return description == null || description.isBlank() ? "" : "\n\n" + description;
    }

    private static String prefixed(String description, String prefix) {
        return description == null || description.isBlank() ? prefix : prefix + "\n" + description;
    }

    /** The list item that introduced the block titles its first command; the command's own comment then describes it. */
    private static CodeSplitter.Command titled(CodeSplitter.Command command, Optional<String> leadIn) {
        if (leadIn.isEmpty()) {
            return command;
        }
        String description = String.join(
                "\n",
                Stream.of(command.title(), command.description())
                        .filter(text -> !text.isBlank())
                        .toList());
        return new CodeSplitter.Command(MarkdownText.plain(leadIn.get()), description, command.code(), command.line());
    }

    private Map<String, Object> commandStep(CodeSplitter.Command command, boolean sql, int line) {
        String stepTitle = command.title();
        String idSource =
                stepTitle.isEmpty() ? command.code().lines().findFirst().orElse("") : stepTitle;
        Map<String, Object> step =
                step(idSource, stepTitle, sql ? "sql" : "run", escape(command.code()), command.description(), line);
        if (sql) {
            step.put("database", "${" + DATABASE_VARIABLE + "}");
            usesDatabase = true;
        } else {
            step.put("on", "${" + TARGET_VARIABLE + "}");
            usesTarget = true;
        }
        return step;
    }

    private Map<String, Object> step(
            String idSource, String stepTitle, String kind, String value, String description, int line) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", reusableId != null ? reusableId : stepIds.next(idSource));
        reusableId = null;
        if (!stepTitle.isEmpty()) {
            step.put("title", escape(stepTitle));
        }
        String text = description;
        if (alternatives != null && alternatives.current != null && !"Choose one".equals(value)) {
            text = prefixed(
                    description, "Alternative '" + alternatives.current + "' (optional: do it only if you chose it).");
            step.put("required", false);
        }
        if (!text.isBlank()) {
            step.put("description", escape(text.strip()));
        }
        step.put(kind, value);
        if (line > 0) {
            step.put("source-line", line);
        }
        return step;
    }

    /** Texts from a document are literal: a {@code ${X}} in them is the shell's, not a runbook variable. */
    private static String escape(String text) {
        return text.replace("${", "$${");
    }

    private ImportedPhase currentPhase() {
        if (phase == null) {
            phase = new ImportedPhase(title.orElse("Procedure"), "");
            phaseLine = 1;
        }
        return phase;
    }

    private boolean isRollbackPhase() {
        boolean documentIsARollback =
                title.map(t -> ROLLBACK_DOCUMENT.matcher(t.strip()).find()).orElse(false);
        return !documentIsARollback
                && phase != null
                && ROLLBACK_SECTION.matcher(phase.path()).find()
                && !TEST_SECTION.matcher(phase.title()).find();
    }

    private void finishPhase() {
        if (phase == null) {
            return;
        }
        boolean triggerSection = TRIGGER_SECTION.matcher(phase.path()).find() && !phase.hasSteps();
        if (triggerSection) {
            List<String> items = new ArrayList<>(phase.listItems());
            for (String item : items) {
                Optional<String> rule = ImportedTriggers.rule(item).or(() -> ImportedTriggers.measurableRule(item));
                if (rule.isPresent()) {
                    addTrigger(rule.get(), phaseLine, "list under '" + phase.title() + "'");
                } else {
                    report.note(
                            phaseLine,
                            "'" + item + "' under '" + phase.title() + "' is not a rule the instruments can"
                                    + " watch: left in the description for a person");
                }
            }
        } else if ((phase.isOneThingToDo()
                        && !ABOUT_SECTION.matcher(phase.path()).find())
                || (!phase.hasSteps()
                        && isRollbackPhase()
                        && !phase.description().isBlank())) {
            phase.addStep(step(phase.title(), "", "confirm", escape(phase.title()), phase.takeProse(), phaseLine));
            report.note(
                    phaseLine,
                    "section '" + phase.title() + "' has no checklist or commands but lists or shows things to do:"
                            + " one step to confirm, described by the section");
        }
        if (phase.listSteps() > 0) {
            report.note(
                    phaseLine,
                    "section '" + phase.title() + "': " + phase.listSteps() + " list item(s) read as steps to confirm");
        }
        if (!phase.hasSteps()) {
            carriedContext.addAll(phase.asContext());
            carriedContext.add("");
        } else if (isRollbackPhase()) {
            // the section's words go with its steps: carried forward, they reached the next phase's description, or
            // the runbook's when the rollback came last (its heading read as the procedure's introduction)
            String prose = phase.description();
            if (!prose.isBlank()) {
                Map<String, Object> first = phase.steps().get(0);
                first.put("description", escape(prose) + describedAlso((String) first.get("description")));
            }
            rollback.addAll(phase.steps());
            report.note(
                    phaseLine,
                    "section '" + phase.title() + "' is a rollback procedure: its "
                            + phase.steps().size() + " step(s) moved to the rollback plan, not run forward");
        } else {
            phase.prependContext(carriedContext);
            carriedContext = new ArrayList<>();
            phases.add(phase.toYamlMap(phaseIds.next(phase.title())));
        }
        phase = null;
    }

    Map<String, Object> build() {
        finishPhase();
        if (phases.isEmpty()) {
            Map<String, Object> review = step(
                    "review",
                    "",
                    "confirm",
                    "Read the procedure in the runbook's description",
                    "The document has no steps of its own outside its rollback plan.",
                    0);
            phases.add(new LinkedHashMap<>(
                    Map.of("id", "procedure", "title", "Procedure", "steps", new ArrayList<>(List.of(review)))));
            report.note(1, "no forward steps found: one step to read the procedure");
        }
        String runbookTitle = title.orElse(sourceName);
        Map<String, Object> runbook = new LinkedHashMap<>();
        runbook.put("runbook", runbookTitle);
        runbook.put(
                "id",
                Optional.of(SlugIds.slug(runbookTitle))
                        .filter(s -> !s.isEmpty())
                        .orElse("imported"));
        runbook.put("source", sourceName);
        runbook.put("description", escape(description()));
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
        text.add("Imported from " + sourceName
                + ". Before running it: bind the variables, check where each command runs,"
                + " and review the rollback plan and rollback triggers.");
        return String.join("\n", text).strip().replaceAll("\n{3,}", "\n\n");
    }

    private Map<String, Object> variables() {
        Map<String, Object> variables = new LinkedHashMap<>();
        if (usesTarget) {
            variables.put(
                    TARGET_VARIABLE,
                    Map.of(
                            "description",
                            "host or group (or 'local') the imported commands run on; check each command and set its own 'on:' where they differ"));
        }
        if (usesDatabase) {
            variables.put(DATABASE_VARIABLE, Map.of("description", "the inventory database the imported SQL runs on"));
        }
        return variables;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
