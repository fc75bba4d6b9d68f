package dev.flightdeck.app;

import dev.flightdeck.metrics.Baseline;
import dev.flightdeck.metrics.Baselines;
import dev.flightdeck.metrics.MetricsEngine;
import dev.flightdeck.metrics.SeriesId;
import dev.flightdeck.runbook.Step;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionState;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Captures the baselines from the last {@link Baselines#DEFAULT_WINDOW} of readings when the first step that changes
 * or loads the system is about to run (its intent has just been journaled, the executor has not started), and
 * journals each one. Checklist items, approvals, preflight checks, HTTP checks, waits and notices do not count: the
 * system is still as it was. A resumed session whose journal already shows such a step does not capture again, since
 * what the instruments read now is no longer the "before": it restores the baselines journaled then instead.
 *
 * <p>Each baseline is journaled as a {@link SessionEvent.MetricsMinute} whose {@code minute} reads
 * {@code baseline FROM/TO}: min = the median (what {@code 2x baseline} multiplies), max = the p95 (top of the band),
 * average = the median, count = the samples, text = {@link Baseline#describe()}.
 */
final class BaselineOnFirstChange implements SessionListener {

    /** The {@code minute} of a journaled baseline starts with this. */
    static final String MARKER = "baseline ";

    /** Steps that change the system, or load it enough that readings taken after them would not describe it at rest. */
    static final Set<StepKind> CHANGES = EnumSet.of(StepKind.RUN, StepKind.SQL, StepKind.BACKUP, StepKind.SNAPSHOT, StepKind.RESTORE,
            StepKind.VERIFY_DATA);

    private static final Logger LOG = LoggerFactory.getLogger(BaselineOnFirstChange.class);

    private final MetricsEngine engine;
    private final Session session;
    private final AtomicBoolean done;

    /** @param history the journal so far, read only when the session resumes after its first change */
    BaselineOnFirstChange(MetricsEngine engine, Session session, Supplier<List<Recorded>> history) {
        this.engine = engine;
        this.session = session;
        this.done = new AtomicBoolean(changedAlready(session.state()));
        if (done.get()) {
            int restored = restore(history.get(), engine.baselines());
            LOG.info("Restored {} baselines from the journal", restored);
        }
    }

    /** Puts back the baselines a journal holds; the number put back. */
    static int restore(List<Recorded> history, Baselines baselines) {
        int restored = 0;
        for (Recorded recorded : history) {
            if (recorded.event() instanceof SessionEvent.MetricsMinute minute && minute.minute().startsWith(MARKER)) {
                String[] interval = minute.minute().substring(MARKER.length()).split("/");
                int slash = minute.series().lastIndexOf('/');
                baselines.put(new Baseline(new SeriesId(minute.series().substring(0, slash), minute.series().substring(slash + 1)),
                        minute.min(), minute.max(), minute.count(), Instant.parse(interval[0]), Instant.parse(interval[1])));
                restored++;
            }
        }
        return restored;
    }

    private static boolean changedAlready(SessionState state) {
        return state.steps().values().stream().anyMatch(record -> record.attempts() > 0
                && state.runbook().step(record.stepId()).map(Step::kind).filter(CHANGES::contains).isPresent());
    }

    @Override
    public void recorded(Recorded recorded, SessionState state) {
        if (recorded.event() instanceof SessionEvent.StepIntent intent && !intent.rollback()
                && StepKind.ofKey(intent.kind()).filter(CHANGES::contains).isPresent() && done.compareAndSet(false, true)) {
            capture(intent.stepId());
        }
    }

    private void capture(String stepId) {
        List<Baseline> baselines = engine.captureBaselines(Baselines.DEFAULT_WINDOW);
        LOG.info("Captured {} baselines before step {}", baselines.size(), stepId);
        for (Baseline baseline : baselines) {
            session.recordMetricsMinute(new SessionEvent.MetricsMinute(baseline.id().toString(), MARKER + baseline.from() + "/" + baseline.to(),
                    baseline.median(), baseline.p95(), baseline.median(), baseline.samples(), baseline.describe()));
        }
    }
}
