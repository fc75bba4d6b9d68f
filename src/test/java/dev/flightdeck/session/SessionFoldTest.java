package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionFoldTest {

    static final Runbook RUNBOOK =
            RunbookLoader.load("""
            runbook: Two phases
            window: { duration: 2h, point-of-no-return: migrate }
            variables: { app_dir: /opt/app }
            phases:
              - id: prepare
                estimate: 30m
                steps:
                  - id: notice
                    confirm: Users were notified
                  - id: dump
                    backup: { database: healthcare }
                  - id: optional-check
                    run: uptime
                    on: app
                    required: false
              - id: upgrade
                estimate: 60m
                steps:
                  - id: approval
                    approve: { role: COMPLIANCE }
                  - id: migrate
                    sql: ALTER TABLE patients ADD COLUMN x int
                    database: healthcare
            rollback:
              - restore: { database: healthcare, from: "${steps.dump.file}" }
            """, "two.runbook.yaml", "two").orElseThrow();

    private final Instant start = Instant.parse("2026-11-23T02:00:00Z");
    private final List<Recorded> events = new ArrayList<>();

    private void record(String actor, SessionEvent event) {
        events.add(new Recorded(events.size() + 1, start.plus(Duration.ofMinutes(events.size())), actor, event));
    }

    private void open() {
        record(
                "dana",
                new SessionEvent.SessionOpened(
                        "s-1",
                        "two",
                        "Two phases",
                        "",
                        "abc",
                        "dana",
                        "clinic.inventory.yaml",
                        "20261123_020000",
                        Map.of("app_dir", "/opt/app"),
                        SessionEvent.Mode.LIVE));
    }

    private void succeed(String stepId, Map<String, String> outputs) {
        record("dana", new SessionEvent.StepIntent(stepId, "x", 1, List.of(), "", false));
        record(
                "dana",
                new SessionEvent.StepOutcome(
                        stepId, 1, SessionEvent.Status.SUCCEEDED, "ok", outputs, List.of(), 10, false));
    }

    @Test
    void aNewSessionIsReadyAtItsFirstStep() {
        open();

        SessionState state = SessionFold.fold(RUNBOOK, events);

        assertThat(state.currentStep()).map(step -> step.id()).contains("notice");
        assertThat(state.status("notice")).isEqualTo(StepStatus.READY);
        assertThat(state.status("dump")).isEqualTo(StepStatus.PENDING);
        assertThat(state.isOpen(RUNBOOK.phases().get(0))).isTrue();
        assertThat(state.isOpen(RUNBOOK.phases().get(1))).isFalse();
    }

    @Test
    void theNextPhaseOpensOnlyWhenEveryStepBeforeIsSucceededOrSkipped() {
        open();
        succeed("notice", Map.of());
        succeed("dump", Map.of("file", "/var/backups/h.dump"));

        assertThat(SessionFold.fold(RUNBOOK, events).isOpen(RUNBOOK.phases().get(1)))
                .isFalse();

        record(
                "dana",
                new SessionEvent.StepSkipped(
                        "optional-check", "host has no uptime binary; checked load in the dashboard"));
        SessionState state = SessionFold.fold(RUNBOOK, events);

        assertThat(state.isOpen(RUNBOOK.phases().get(1))).isTrue();
        assertThat(state.record("optional-check").skippedBy()).contains("dana");
        assertThat(state.record("optional-check").message()).startsWith("host has no uptime binary");
        assertThat(state.currentStep()).map(step -> step.id()).contains("approval");
        assertThat(state.settledCount()).isEqualTo(3);
    }

    @Test
    void aStepRunningWhenTheSessionWasInterruptedIsUnknownAfterResume() {
        open();
        succeed("notice", Map.of());
        record("dana", new SessionEvent.StepIntent("dump", "backup", 1, List.of("healthcare"), "pg_dump -Fc", false));

        assertThat(SessionFold.fold(RUNBOOK, events).status("dump")).isEqualTo(StepStatus.RUNNING);

        record("dana", new SessionEvent.SessionResumed("dana", "reopened after a crash"));
        SessionState state = SessionFold.fold(RUNBOOK, events);

        assertThat(state.status("dump")).isEqualTo(StepStatus.UNKNOWN);
        assertThat(state.unknownSteps()).extracting(step -> step.id()).containsExactly("dump");
        assertThat(state.status("notice")).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(state.currentStep()).map(step -> step.id()).contains("dump");
    }

    @Test
    void anUnknownStepMarkedDoneByHandSettles() {
        open();
        record("dana", new SessionEvent.StepIntent("notice", "confirm", 1, List.of(), "", false));
        record("dana", new SessionEvent.SessionResumed("dana", "reopened"));
        record(
                "dana",
                new SessionEvent.StepOutcome(
                        "notice",
                        1,
                        SessionEvent.Status.SUCCEEDED,
                        "checked by hand: mail sent at 01:00",
                        Map.of(),
                        List.of(),
                        0,
                        true));

        SessionState state = SessionFold.fold(RUNBOOK, events);

        assertThat(state.status("notice")).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(state.currentStep()).map(step -> step.id()).contains("dump");
    }

    @Test
    void outputsOfFinishedStepsBecomeVariables() {
        open();
        succeed("notice", Map.of());
        succeed("dump", Map.of("file", "/var/backups/h_20261123.dump", "sha256", "ab12"));

        Map<String, String> variables = SessionFold.fold(RUNBOOK, events).variables();

        assertThat(variables)
                .containsEntry("steps.dump.file", "/var/backups/h_20261123.dump")
                .containsEntry("ts", "20261123_020000")
                .containsEntry("date", "20261123")
                .containsEntry("operator", "dana")
                .containsEntry("app_dir", "/opt/app")
                .containsEntry("runbook", "two");
    }

    @Test
    void approvalsAccumulateWithNameRoleAndNote() {
        open();
        record(
                "lee",
                new SessionEvent.Approval("approval", "lee", "COMPLIANCE", "window approved in CHG-1042", "cp:12ab"));

        StepRecord gate = SessionFold.fold(RUNBOOK, events).record("approval");

        assertThat(gate.approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.approver()).isEqualTo("lee");
            assertThat(approval.role()).isEqualTo("COMPLIANCE");
            assertThat(approval.note()).isEqualTo("window approved in CHG-1042");
            assertThat(approval.checkpoint()).isEqualTo("cp:12ab");
        });
    }

    @Test
    void theLastKnownStateOfEachConnectionIsKept() {
        open();
        record("flightdeck", new SessionEvent.ConnectionChanged("app1", "connected", "in 40 ms"));
        record("flightdeck", new SessionEvent.ConnectionChanged("app2", "connected", "in 35 ms"));
        record("flightdeck", new SessionEvent.ConnectionChanged("app1", "lost", "keepalive: no answer 3 times"));

        assertThat(SessionFold.fold(RUNBOOK, events).connections())
                .containsExactly(Map.entry("app1", "lost"), Map.entry("app2", "connected"));
    }

    @Test
    void eventsSurviveTheJournalCodecUnchanged() {
        open();
        succeed("notice", Map.of("note", "sent"));
        record("lee", new SessionEvent.Approval("approval", "lee", "COMPLIANCE", "ok", "cp"));
        record(
                "sys",
                new SessionEvent.Alarm("error_rate > 1% for 5m", "rollback", List.of("02:10:00 error_rate=1.4%")));

        for (Recorded recorded : events) {
            SessionEvent event = recorded.event();
            assertThat(SessionEventCodec.decode(event.type(), SessionEventCodec.encode(event)))
                    .contains(event);
        }
        assertThat(SessionEventCodec.decode(
                        "checkpoint", SessionEventCodec.encode(events.get(0).event())))
                .isEmpty();
    }

    @Test
    void theClockProjectsTheEndFromPhaseEstimatesAndWarnsOfAnOverrun() {
        open();
        succeed("notice", Map.of());
        SessionState state = SessionFold.fold(RUNBOOK, events);

        WindowClock.Reading onTime = WindowClock.read(state, start.plus(Duration.ofMinutes(10)));
        assertThat(onTime.remainingEstimate()).isEqualTo(Duration.ofMinutes(20 + 60));
        assertThat(onTime.isOverrunProjected()).isFalse();
        assertThat(onTime.warnings()).isEmpty();

        WindowClock.Reading late = WindowClock.read(state, start.plus(Duration.ofMinutes(70)));
        assertThat(late.isOverrunProjected()).isTrue();
        assertThat(late.warnings())
                .anySatisfy(w -> assertThat(w).startsWith("At this pace the window ends 30 minutes late"))
                .anySatisfy(w -> assertThat(w)
                        .isEqualTo("The point of no return (step 'migrate') would be passed 60 minutes"
                                + " too late to leave 30 minutes for a rollback inside the window."));
    }

    @Test
    void aReopenedSessionIsOpenAgainForItsRollbackAndRemembersWhenItHadClosed() {
        open();
        succeed("notice", Map.of());
        record("dana", new SessionEvent.SessionClosed("all steps done"));
        Instant closedAt = events.get(events.size() - 1).time();
        assertThat(SessionFold.fold(RUNBOOK, events).closedAt()).contains(closedAt);

        record("lee", new SessionEvent.SessionReopened("errors found the morning after", "lee"));
        record("lee", new SessionEvent.RollbackStarted("errors found the morning after", "lee"));
        SessionState state = SessionFold.fold(RUNBOOK, events);

        assertThat(state.closed()).isEmpty();
        assertThat(state.closedAt()).isEmpty();
        assertThat(state.reopened()).hasValueSatisfying(reopening -> {
            assertThat(reopening.by()).isEqualTo("lee");
            assertThat(reopening.reason()).isEqualTo("errors found the morning after");
            assertThat(reopening.closedAt()).isEqualTo(closedAt);
            assertThat(reopening.closedResult()).isEqualTo("all steps done");
        });
        assertThat(state.rollback()).isEqualTo(SessionFold.RollbackState.RUNNING);

        record("lee", new SessionEvent.RollbackFinished(SessionEvent.Status.SUCCEEDED, "done"));
        record("lee", new SessionEvent.SessionClosed("rolled back after the window had closed"));
        SessionState closedAgain = SessionFold.fold(RUNBOOK, events);
        assertThat(closedAgain.closed()).contains("rolled back after the window had closed");
        assertThat(closedAgain.reopened()).isPresent();
    }
}
