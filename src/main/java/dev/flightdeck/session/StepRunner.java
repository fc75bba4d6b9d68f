package dev.flightdeck.session;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.redact.LineRedaction;
import dev.flightdeck.runbook.Phase;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepAction;
import dev.flightdeck.runbook.StepKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one step once: records the intent, lets the kind's executor act, records the output and the outcome.
 * An executor that throws leaves an unknown outcome, never a success.
 */
final class StepRunner {

    private final StepJournal journal;
    private final Inventory inventory;
    private final Map<StepKind, StepExecutor> executors;
    private final List<SessionListener> listeners;

    StepRunner(
            StepJournal journal,
            Inventory inventory,
            Map<StepKind, StepExecutor> executors,
            List<SessionListener> listeners) {
        this.journal = journal;
        this.inventory = inventory;
        this.executors = executors;
        this.listeners = listeners;
    }

    boolean canRun(StepKind kind) {
        return executors.containsKey(kind);
    }

    SessionEvent.StepOutcome run(Step step, int attempt, boolean rollback) throws InterruptedException {
        SessionState before = journal.state();
        SessionValues bindings = SessionValues.of(before);
        String text;
        List<String> targets;
        try {
            text = step.action() instanceof StepAction.Run
                    ? bindings.bindCommand(describe(step.action()))
                    : bindings.bind(describe(step.action()));
            targets = DryRun.plan(singleStep(before, step), inventory, before.variables())
                    .steps()
                    .get(0)
                    .where();
        } catch (SessionValues.UnboundVariableException e) {
            journal.record(new SessionEvent.StepIntent(step.id(), step.kind().key(), attempt, List.of(), "", rollback));
            return journal.finish(step, attempt, StepResult.failed("cannot run: " + e.getMessage()), 0);
        }
        journal.record(new SessionEvent.StepIntent(
                step.id(), step.kind().key(), attempt, targets, journal.redact(text), rollback));
        Outputs outputs = new Outputs(step);
        long started = System.nanoTime();
        StepResult result;
        try (OutputParts parts = outputs.parts) {
            result = executors
                    .get(step.kind())
                    .execute(new StepRun(
                            step, attempt, bindings, inventory, outputs, step.timeout(), before, journal.operator()));
        } catch (InterruptedException e) {
            outputs.journal();
            journal.finish(
                    step,
                    attempt,
                    StepResult.unknown("cancelled by the operator while running; check its effect by hand"),
                    elapsed(started));
            throw e;
        } catch (RuntimeException e) {
            result = StepResult.unknown("stopped by an internal error ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); its effect is unknown");
        }
        outputs.journal();
        return journal.finish(step, attempt, result, elapsed(started));
    }

    private static long elapsed(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** A one-step runbook view, so the dry run's target resolution is the one place that resolves targets. */
    private static Runbook singleStep(SessionState state, Step step) {
        var runbook = state.runbook();
        var phase = new Phase("run", "run", "", Optional.empty(), List.of(step), step.position());
        return new Runbook(
                runbook.id(),
                runbook.title(),
                runbook.source(),
                "",
                runbook.window(),
                runbook.variables(),
                List.of(phase),
                List.of(),
                List.of(),
                runbook.origin());
    }

    static String describe(StepAction action) {
        if (action instanceof StepAction.Run run) {
            return run.command();
        } else if (action instanceof StepAction.Sql sql) {
            return sql.statement();
        } else if (action instanceof StepAction.Http http) {
            return http.method() + " " + http.endpoint();
        } else if (action instanceof StepAction.Notify notify) {
            return notify.message();
        }
        return action.summary();
    }

    /** Output of one step run: shown live to listeners, collected per host and stream for the journal. */
    private final class Outputs implements OutputSink {
        private final Step step;
        private final Map<String, SessionRecorder.OutputCollector> collectors = new LinkedHashMap<>();
        private final Map<String, LineRedaction> shownRedaction = new LinkedHashMap<>();
        private final List<String> order = new CopyOnWriteArrayList<>();
        private final OutputParts parts;

        Outputs(Step step) {
            this.step = step;
            this.parts = new OutputParts(step.id(), step.sensitiveOutput() ? text -> "" : journal::redact, part -> {
                if (!step.sensitiveOutput()) {
                    journal.record(part);
                }
            });
        }

        @Override
        public synchronized void line(String host, Stream stream, String text) {
            String key = host + "\u0000" + stream.name();
            collectors
                    .computeIfAbsent(key, k -> {
                        order.add(k);
                        return journal.collectOutput(step.sensitiveOutput());
                    })
                    .append(text);
            parts.line(host, stream.name().toLowerCase(Locale.ROOT), text);
            String shown = shownRedaction
                    .computeIfAbsent(key, k -> new LineRedaction(journal::redact))
                    .line(text);
            listeners.forEach(listener -> listener.output(step.id(), host, stream, shown));
        }

        synchronized void journal() {
            for (String key : order) {
                String[] parts = key.split("\u0000");
                journal.record(new SessionEvent.StepOutput(
                        step.id(),
                        parts[0],
                        parts[1].toLowerCase(Locale.ROOT),
                        collectors.get(key).finish()));
            }
        }
    }
}
