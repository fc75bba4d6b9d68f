package dev.flightdeck.ui.detail;

import atlantafx.base.theme.Styles;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.TriggerSpec;
import dev.flightdeck.text.Durations;
import dev.flightdeck.ui.KindChip;
import dev.flightdeck.ui.navigator.NavigatorItem;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Explains whatever the navigator has selected: a runbook, a phase, a step, or a file's problems. */
public final class StepDetailController {

    private final ObservableValue<NavigatorItem> selected;

    @FXML
    private ScrollPane scroller;

    @FXML
    private VBox content;

    /** @param selected what the navigator has selected: the pane explains it */
    public StepDetailController(ObservableValue<NavigatorItem> selected) {
        this.selected = selected;
    }

    @FXML
    private void initialize() {
        selected.addListener((observable, was, item) -> show(item));
        show(selected.getValue());
    }

    private void show(NavigatorItem item) {
        content.getChildren().clear();
        scroller.setVvalue(0);
        if (item == null) {
            content.getChildren().add(DetailSections.muted("Choose a runbook on the left, then a phase or a step."));
        } else if (item instanceof NavigatorItem.RunbookItem runbookItem) {
            showRunbook(runbookItem.runbook());
        } else if (item instanceof NavigatorItem.PhaseItem phaseItem) {
            showPhase(phaseItem.phase(), phaseItem.number());
        } else if (item instanceof NavigatorItem.RollbackItem rollbackItem) {
            showRollback(rollbackItem.runbook());
        } else if (item instanceof NavigatorItem.StepItem stepItem) {
            showStep(stepItem.step(), stepItem.number());
        } else if (item instanceof NavigatorItem.ProblemsItem problemsItem) {
            showProblems(problemsItem);
        }
    }

    private void showRunbook(Runbook runbook) {
        add(DetailSections.eyebrow("Runbook"), DetailSections.title(runbook.title()));
        add(DetailSections.muted(runbook.id()));
        addProse(runbook.description());
        add(new DetailSections.Properties()
                .add("Phases", String.valueOf(runbook.phases().size()))
                .add("Steps", String.valueOf(runbook.stepCount()))
                .add(
                        "Window",
                        runbook.window().duration().map(Durations::format).orElse("not planned"))
                .add("Starts", runbook.window().start().orElse(""))
                .add("No return after", runbook.window().pointOfNoReturn().orElse(""))
                .add(
                        "Variables",
                        String.join(
                                ", ",
                                runbook.variables().stream().map(v -> v.name()).toList()))
                // for the reviewer: the procedure this runbook was written from
                .add("Source document", runbook.source())
                .node());
        add(DetailSections.sectionHeading("Rollback triggers"));
        if (runbook.rollbackTriggers().isEmpty()) {
            add(DetailSections.muted("None: only the operator can start the rollback."));
        }
        for (TriggerSpec trigger : runbook.rollbackTriggers()) {
            Label rule = new Label(trigger.text());
            rule.getStyleClass().add("trigger-rule");
            Label effect = DetailSections.muted(
                    trigger.action() == TriggerSpec.Action.ALERT
                            ? "alerts"
                            : "arms the rollback (" + Durations.format(trigger.countdown()) + " to cancel)");
            // a long rule wraps inside its chip; what it does keeps its words whole
            rule.setWrapText(true);
            rule.setMinHeight(Region.USE_PREF_SIZE);
            effect.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, rule, effect);
            row.setAlignment(Pos.CENTER_LEFT);
            add(row);
        }
    }

    private void showPhase(Phase phase, int number) {
        add(DetailSections.eyebrow("Phase " + number), DetailSections.title(phase.title()));
        addProse(phase.description());
        add(new DetailSections.Properties()
                .add("Steps", String.valueOf(phase.steps().size()))
                .add(
                        "Required",
                        String.valueOf(
                                phase.steps().stream().filter(Step::required).count()))
                .add("Estimate", phase.estimate().map(Durations::format).orElse(""))
                .node());
        add(DetailSections.muted(
                "The next phase opens when every step here has succeeded or was skipped with a written reason."));
    }

    private void showRollback(Runbook runbook) {
        add(DetailSections.eyebrow("Emergency rollback"), DetailSections.title("Rollback plan"));
        add(
                DetailSections.paragraph(
                        "Runs in this order when the rollback starts, followed by the undo of every completed step "
                                + "that has one, newest first. Database steps use this session's own snapshot or verified backup."));
        add(new DetailSections.Properties()
                .add("Steps", String.valueOf(runbook.rollback().size()))
                .node());
    }

    private void showStep(Step step, String number) {
        Label eyebrow = DetailSections.eyebrow("Step " + number);
        HBox header = new HBox(10, KindChip.of(step.kind()), eyebrow);
        header.setAlignment(Pos.CENTER_LEFT);
        add(header, DetailSections.title(step.displayTitle()));
        add(DetailSections.muted(step.id() + (step.required() ? " · required" : " · optional")));
        addProse(step.description());
        add(DetailSections.paragraph(StepDescriptions.whatHappens(step)));
        String exact = StepDescriptions.exactText(step);
        if (!exact.isBlank()) {
            add(DetailSections.code(exact, "Exact text of step " + step.id()));
        }
        add(new DetailSections.Properties()
                .add("Runs on", step.target().orElse(""))
                .add("Timeout", step.timeout().map(Durations::format).orElse(""))
                .add("Passes when", StepDescriptions.expectation(step.expect()))
                .add("Spread", StepDescriptions.fanOut(step.fanOut()))
                .add("Output", step.sensitiveOutput() ? "sensitive: the journal keeps only its size and SHA-256" : "")
                .add("Undo", step.undo().map(undo -> undo.action().summary()).orElse(""))
                .node());
    }

    private void showProblems(NavigatorItem.ProblemsItem item) {
        add(DetailSections.eyebrow("Cannot use this runbook"), DetailSections.title(item.file()));
        add(DetailSections.paragraph("Fix these and open the file again. Each line names the place in the file."));
        VBox list = new VBox(6);
        for (Problem problem : item.problems()) {
            Label line = new Label(problem.position() + "  " + problem.message());
            line.setWrapText(true);
            line.getStyleClass().addAll("problem-line", problem.isError() ? Styles.DANGER : Styles.WARNING);
            list.getChildren().add(line);
        }
        add(list);
    }

    private void addProse(String text) {
        Prose.paragraphs(text).forEach(paragraph -> add(DetailSections.paragraph(paragraph)));
    }

    private void add(Node... nodes) {
        content.getChildren().addAll(nodes);
    }
}
