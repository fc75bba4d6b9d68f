package dev.flightdeck.app.cli;

import dev.flightdeck.live.LiveSession;
import dev.flightdeck.metrics.rules.ArmedRollback;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionListener;
import dev.flightdeck.session.SessionRuleException;
import dev.flightdeck.session.SessionState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code flightdeck run} does when it stopped while a rollback trigger had fired. With {@code --auto-rollback}
 * it waits for an armed countdown to run out (or be cancelled) and then runs the rollback plan to the end, as the
 * console would; without it, it says how to roll back.
 */
final class AlarmFollowUp {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final LiveSession live;
    private final PrintWriter out;
    private final boolean autoRollback;
    private final boolean yes;

    AlarmFollowUp(LiveSession live, PrintWriter out, boolean autoRollback, boolean yes) {
        this.live = live;
        this.out = out;
        this.autoRollback = autoRollback;
        this.yes = yes;
    }

    /**
     * @param result the exit code the run stopped with; returned unchanged when no rollback trigger fired (an
     *               alert-only rule's alarm did not stop the run)
     */
    int after(int result, String rollbackCommand) throws SessionRuleException, InterruptedException {
        Session session = live.session();
        SessionState state = session.state();
        boolean rollbackTriggerFired =
                state.alarms().stream().anyMatch(alarm -> ((SessionEvent.Alarm) alarm.event()).armsRollback());
        if (!rollbackTriggerFired && state.rollbackRequested().isEmpty()) {
            return result;
        }
        if (!autoRollback) {
            out.println("The run stopped with a rollback trigger's alarm. To roll back now: " + rollbackCommand
                    + " (or run with --auto-rollback to let an armed countdown start it).");
            out.flush();
            return result;
        }
        Optional<SessionEvent.RollbackCountdown> requested = awaitCountdown(session);
        if (requested.isEmpty()) {
            out.println(
                    "No rollback countdown ran out (the trigger only alerts, or the countdown was cancelled); not rolling back.");
            out.flush();
            return result;
        }
        String reason = "rollback trigger '" + requested.get().trigger()
                + "': its countdown ran out without a cancel (--auto-rollback)";
        int rollback = new HeadlessRollback(out, yes, Map.of()).run(session, reason, Session.SYSTEM);
        // a run that rolled back did not do its change: never 0, which scripts read as "the window went through"
        return rollback == Cli.OK ? HeadlessRun.ROLLED_BACK : rollback;
    }

    /** Waits for an armed countdown to end; the EXPIRED record if it ran out. */
    private Optional<SessionEvent.RollbackCountdown> awaitCountdown(Session session) throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        session.addListener(new SessionListener() {
            @Override
            public void recorded(Recorded recorded, SessionState state) {
                if (recorded.event() instanceof SessionEvent.RollbackCountdown change
                        && change.state() != SessionEvent.CountdownState.ARMED) {
                    ended.countDown();
                }
            }
        });
        Optional<ArmedRollback> armed = live.metrics().triggers().armed();
        if (armed.isPresent() && session.state().rollbackRequested().isEmpty()) {
            Duration left = armed.get().remaining(Instant.now()).plus(GRACE);
            out.println("Rollback armed by " + armed.get().alarm().trigger() + ": starting in "
                    + armed.get().remaining(Instant.now()).toSeconds() + " s unless cancelled.");
            out.flush();
            ended.await(left.toMillis(), TimeUnit.MILLISECONDS);
        }
        return session.state().rollbackRequested();
    }
}
