package dev.flightdeck.live;

import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.signal.Baseline;
import dev.flightdeck.metrics.store.Baselines;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import dev.flightdeck.session.StepStatus;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the baselines from the last {@link Baselines#DEFAULT_WINDOW} of readings when the first step that changes
 * or loads the system is about to run (its intent has just been journaled, the executor has not started), and
 * journals each one ({@link JournaledBaselines}). Checklist items, approvals, preflight checks, HTTP checks, waits and
 * notices do not count: the system is still as it was. A runbook that took its baselines with a {@code baseline:} step
 * before its first change keeps those. A resumed session whose journal already shows a change or a baseline step does
 * not capture again, since what the instruments read now is no longer the "before": it restores the baselines journaled
 * then instead.
 */
final class BaselineOnFirstChange implements SessionListener {

    /** Steps that change the system, or load it enough that readings taken after them would not describe it at rest. */
    static final Set<StepKind> CHANGES = EnumSet.of(
            StepKind.RUN, StepKind.SQL, StepKind.BACKUP, StepKind.SNAPSHOT, StepKind.RESTORE, StepKind.VERIFY_DATA);

    private static final Logger LOG = LoggerFactory.getLogger(BaselineOnFirstChange.class);

    private final MetricsEngine engine;
    private final Session session;
    private final AtomicBoolean done;

    /** @param history the journal so far, read only when the session resumes after its first change or baseline step */
    BaselineOnFirstChange(MetricsEngine engine, Session session, Supplier<List<Recorded>> history) {
        this.engine = engine;
        this.session = session;
        this.done = new AtomicBoolean(capturedAlready(session.state()));
        if (done.get()) {
            int restored = JournaledBaselines.restore(history.get(), engine.baselines());
            LOG.info("Restored {} baselines from the journal", restored);
        }
    }

    /** A change step has been tried (the automatic capture ran before it), or a baseline step succeeded. */
    private static boolean capturedAlready(SessionState state) {
        return state.steps().values().stream().anyMatch(record -> {
            Optional<StepKind> kind = state.runbook().step(record.stepId()).map(Step::kind);
            return record.attempts() > 0 && kind.filter(CHANGES::contains).isPresent()
                    || record.status() == StepStatus.SUCCEEDED
                            && kind.filter(StepKind.BASELINE::equals).isPresent();
        });
    }

    @Override
    public void recorded(Recorded recorded, SessionState state) {
        if (recorded.event() instanceof SessionEvent.StepOutcome outcome
                && outcome.status() == SessionEvent.Status.SUCCEEDED
                && state.runbook()
                        .step(outcome.stepId())
                        .map(Step::kind)
                        .filter(StepKind.BASELINE::equals)
                        .isPresent()) {
            done.set(true);
        } else if (recorded.event() instanceof SessionEvent.StepIntent intent
                && !intent.rollback()
                && StepKind.ofKey(intent.kind()).filter(CHANGES::contains).isPresent()
                && done.compareAndSet(false, true)) {
            capture(intent.stepId());
        }
    }

    private void capture(String stepId) {
        List<Baseline> baselines = engine.captureBaselines(Baselines.DEFAULT_WINDOW);
        LOG.info("Captured {} baselines before step {}", baselines.size(), stepId);
        baselines.forEach(baseline -> session.recordMetricsMinute(JournaledBaselines.event(baseline)));
    }
}
