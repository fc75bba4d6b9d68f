package dev.flightdeck.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A phase being imported: the heading that opened it (and the headings above it), the prose under it, and
 * the steps found so far.
 */
final class ImportedPhase {

    private final String title;
    private final String path;
    private final List<String> prose = new ArrayList<>();
    private final List<String> listItems = new ArrayList<>();
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private boolean showsCode;
    private int listSteps;

    /** @param path the titles of this heading and the headings above it, for recognising the section's purpose */
    ImportedPhase(String title, String path) {
        this.title = title;
        this.path = path;
    }

    String title() {
        return title;
    }

    String path() {
        return path;
    }

    void addProse(String line) {
        if (line.isBlank() && (prose.isEmpty() || prose.get(prose.size() - 1).isBlank())) {
            return;
        }
        prose.add(line);
    }

    void addListItem(String line, String item) {
        addProse(line);
        listItems.add(item);
    }

    /** Code the importer cannot run (TypeScript, Mermaid) is shown in the description and implies work to do. */
    void addShownCode(String fencedCode) {
        addProse(fencedCode);
        showsCode = true;
    }

    /** A list item read as a step; counted for the import report. */
    void countListStep() {
        listSteps++;
    }

    void uncountListStep() {
        listSteps--;
    }

    int listSteps() {
        return listSteps;
    }

    List<String> listItems() {
        return listItems;
    }

    /** Prose carried over from headings that had nothing to do of their own. */
    void prependContext(List<String> context) {
        if (!context.isEmpty()) {
            List<String> before = new ArrayList<>(context);
            before.add("");
            prose.addAll(0, before);
        }
    }

    void addStep(Map<String, Object> step) {
        steps.add(step);
    }

    List<Map<String, Object>> steps() {
        return steps;
    }

    boolean hasSteps() {
        return !steps.isEmpty();
    }

    boolean runsAnything() {
        return steps.stream().anyMatch(step -> step.containsKey("run") || step.containsKey("sql"));
    }

    /** A section that lists things to do or shows code, but has no checklist or commands, is one item to confirm. */
    boolean isOneThingToDo() {
        return !hasSteps() && (showsCode || !listItems.isEmpty());
    }

    /** The prose, removed from the phase: it becomes the description of the phase's one step. */
    String takeProse() {
        String text = description();
        prose.clear();
        return text;
    }

    /** This heading and its prose, for the description of the phase that follows. */
    List<String> asContext() {
        List<String> context = new ArrayList<>();
        context.add(title);
        context.addAll(prose);
        return context;
    }

    String description() {
        return String.join("\n", prose).strip().replaceAll("\n{3,}", "\n\n");
    }

    Map<String, Object> toYamlMap(String id) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("id", id);
        phase.put("title", title);
        String description = description();
        if (!description.isEmpty()) {
            phase.put("description", description);
        }
        phase.put("steps", steps);
        return phase;
    }
}
