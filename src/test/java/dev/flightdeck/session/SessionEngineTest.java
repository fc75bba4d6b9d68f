package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.steps.LocalShell;
import dev.flightdeck.session.steps.RunStepExecutor;
import dev.flightdeck.ssh.SshEventListener;
import dev.flightdeck.ssh.SshSessions;
import dev.flightdeck.ssh.TargetResolver;
import dev.flightdeck.ssh.config.SshConfigFile;
import dev.flightdeck.testing.ssh.MinaSshServer;
import dev.flightdeck.testing.ssh.SshTestKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session engine with real parts: the encrypted journal on disk and a real SSH server running /bin/sh. */
class SessionEngineTest {

    @TempDir
    Path dir;

    private MinaSshServer server;
    private SshSessions ssh;
    private Inventory inventory;
    private Runbook runbook;
    private final OperatorKey key = JournalFixture.newOperatorKey();

    @BeforeEach
    void startServer() throws Exception {
        server = MinaSshServer.start(dir.resolve("server"));
        SshTestKit kit = SshTestKit.in(dir.resolve("kit"));
        kit.knowHost(server.knownHostsLine());
        ssh = kit.sessions(SshEventListener.NONE);
        Path work = Files.createDirectories(dir.resolve("work"));
        String user = System.getProperty("user.name");
        inventory = InventoryLoader.load(
                        """
                hosts:
                  app1: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app] }
                  app2: { address: 127.0.0.1, port: %d, user: %s, identity: "%s", groups: [app] }
                vars: { workdir: "%s" }
                """.formatted(
                                server.port(), user, server.userKey(), server.port(), user, server.userKey(), work),
                        "inv.yaml")
                .orElseThrow();
        runbook = RunbookLoader.load("""
                runbook: Engine test
                variables: { marker: hello, workdir: { description: scratch directory } }
                phases:
                  - id: prepare
                    steps:
                      - id: notice
                        confirm: Users were notified
                      - id: write
                        run: echo ${marker}-${ts} > ${workdir}/marker-$$.txt; echo written
                        on: app
                        parallel: 2
                      - id: optional
                        run: echo nope >&2; exit 3
                        on: app1
                        required: false
                  - id: change
                    steps:
                      - id: gate
                        approve: { role: COMPLIANCE, reason: touches PHI }
                      - id: check
                        run: cat ${workdir}/marker-*.txt | head -1
                        on: app1
                        expect: { output-contains: hello }
                rollback:
                  - run: rm -f ${workdir}/marker-*.txt
                    on: app
                """, "engine.runbook.yaml", "engine").orElseThrow();
    }

    @AfterEach
    void stop() throws Exception {
        ssh.close();
        server.close();
    }

    private SessionJournals.Setup setup(Map<StepKind, StepExecutor> executors) throws Exception {
        return new SessionJournals.Setup(
                JournalFixture.PASSPHRASE.clone(), key, JournalFixture.fastOptions(), List.of(), inventory, executors);
    }

    private Map<StepKind, StepExecutor> realExecutors() throws Exception {
        SshTestKit kit = new SshTestKit(dir.resolve("kit"));
        TargetResolver resolver = new TargetResolver(inventory, SshConfigFile.parse(""), kit.userHome());
        return Map.of(StepKind.RUN, new RunStepExecutor(ssh, resolver, new LocalShell()));
    }

    private SessionEvent.SessionOpened opening() {
        return new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                "engine",
                runbook.title(),
                "",
                "sha-1",
                "dana",
                "inv.yaml",
                "20261123_020000",
                Map.of("marker", "hello", "workdir", inventory.vars().get("workdir")),
                SessionEvent.Mode.LIVE);
    }

    @Test
    void aRunbookIsWalkedToTheEndWithEveryRuleEnforcedAndTheJournalVerifies() throws Exception {
        Path journal = dir.resolve("journal");
        try (Session session = SessionJournals.start(journal, opening(), runbook, setup(realExecutors()))) {
            assertThatThrownBy(() -> session.run("notice")).hasMessage("step 'notice' is a checklist item: confirm it");
            assertThatThrownBy(() -> session.confirm("write", ""))
                    .hasMessageContaining("step 'notice' (Users were notified) comes first");
            session.confirm("notice", "mail sent on Friday");

            SessionEvent.StepOutcome write = session.run("write");
            assertThat(write.status()).as(write.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(write.hosts())
                    .extracting(SessionEvent.HostResult::host)
                    .containsExactlyInAnyOrder("app1", "app2");
            assertThat(write.outputs()).containsEntry("stdout", "written");

            SessionEvent.StepOutcome optional = session.run("optional");
            assertThat(optional.status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(optional.message()).isEqualTo("app1: exit 3 (expected [0])");
            assertThatThrownBy(() -> session.skip("optional", " "))
                    .hasMessage("skipping step 'optional' needs a written reason");
            session.skip("optional", "checked by hand: the service is not installed on app1");

            assertThatThrownBy(() -> session.approve("gate", "Dana", Role.COMPLIANCE, "self"))
                    .hasMessageStartingWith("Dana is running this session and cannot approve its gates");
            assertThatThrownBy(() -> session.approve("gate", "Lee", Role.SECURITY, ""))
                    .hasMessage("this gate needs COMPLIANCE, not SECURITY");
            String checkpoint = session.approve("gate", "Lee", Role.COMPLIANCE, "CHG-1042 approved");
            assertThat(checkpoint).isNotBlank();

            SessionEvent.StepOutcome check = session.run("check");
            assertThat(check.status()).as(check.message()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(check.outputs().get("stdout")).isEqualTo("hello-20261123_020000");
            assertThat(session.state().isComplete()).isTrue();
        }

        List<Recorded> replayed = SessionJournals.read(journal, JournalFixture.PASSPHRASE.clone());
        SessionState reread = SessionFold.fold(runbook, replayed);
        assertThat(reread.isComplete()).isTrue();
        assertThat(reread.record("optional").status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(reread.record("gate").approvals())
                .extracting(StepRecord.ApprovalRecord::approver)
                .containsExactly("Lee");
        assertThat(replayed)
                .filteredOn(r -> r.event() instanceof SessionEvent.StepOutput)
                .extracting(r -> ((SessionEvent.StepOutput) r.event()).text())
                .contains("nope\n");
        assertThat(JournalVerifier.verify(journal, Optional.of(key.publicKey()), Optional.empty())
                        .isIntact())
                .isTrue();
    }

    @Test
    void aStepInterruptedByACrashIsUnknownOnResumeAndCanBeMarkedDoneByHand() throws Exception {
        Path journal = dir.resolve("journal");
        CountDownLatch started = new CountDownLatch(1);
        StepExecutor hangs = run -> {
            started.countDown();
            new CountDownLatch(1).await();
            return null;
        };
        Session first = SessionJournals.start(journal, opening(), runbook, setup(Map.of(StepKind.RUN, hangs)));
        first.confirm("notice", "");
        Thread worker = new Thread(() -> {
            try {
                first.run("write");
            } catch (Exception ignored) {
                // the "crash" below ends this session
            }
        });
        worker.setDaemon(true);
        worker.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // the process dies here: its journal writer is gone, the outcome of 'write' was never recorded
        first.recorderForTests().close();

        try (Session resumed = SessionJournals.resume(
                journal, runbook, "sha-1", "dana", setup(realExecutors()), "reopened after a crash")) {
            SessionState state = resumed.state();
            assertThat(state.status("write")).isEqualTo(StepStatus.UNKNOWN);
            assertThat(state.status("notice")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(state.unknownSteps()).extracting(s -> s.id()).containsExactly("write");
            assertThatThrownBy(() -> resumed.markDone("write", "")).hasMessageContaining("needs a note");
            resumed.markDone("write", "checked the marker files on app1 and app2");
            assertThat(resumed.state().status("write")).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(resumed.state().currentStep()).map(s -> s.id()).contains("optional");
        }
        worker.interrupt();
    }

    @Test
    void aFailedStepCanBeUndoneThenRetried() throws Exception {
        Runbook undoable = RunbookLoader.load("""
                runbook: Undoable
                variables: { workdir: { description: scratch } }
                phases:
                  - id: p
                    steps:
                      - id: half
                        run: touch ${workdir}/half-done; exit 1
                        on: app1
                        undo: { run: "rm -f ${workdir}/half-done", on: app1 }
                rollback:
                  - confirm: back
                """, "u.runbook.yaml", "u").orElseThrow();
        Path work = Path.of(inventory.vars().get("workdir"));
        SessionEvent.SessionOpened opening = new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                "u",
                "Undoable",
                "",
                "sha",
                "dana",
                "inv.yaml",
                "20261123_020000",
                Map.of("workdir", work.toString()),
                SessionEvent.Mode.LIVE);
        try (Session session =
                SessionJournals.start(dir.resolve("undo-journal"), opening, undoable, setup(realExecutors()))) {
            assertThatThrownBy(() -> session.runUndo("half")).hasMessageContaining("only a failed step is undone");
            assertThat(session.run("half").status()).isEqualTo(SessionEvent.Status.FAILED);
            assertThat(work.resolve("half-done")).exists();

            SessionEvent.StepOutcome undo = session.runUndo("half");

            assertThat(undo.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(work.resolve("half-done")).doesNotExist();
            assertThat(session.state().status("half")).isEqualTo(StepStatus.FAILED);
            assertThat(session.state().currentStep()).map(step -> step.id()).contains("half");
        }
    }

    @Test
    void resumingWithAnEditedRunbookIsRefused() throws Exception {
        Path journal = dir.resolve("journal");
        SessionJournals.start(journal, opening(), runbook, setup(realExecutors()))
                .close();

        assertThatThrownBy(() ->
                        SessionJournals.resume(journal, runbook, "sha-2", "dana", setup(realExecutors()), "reopened"))
                .hasMessageContaining("opened with a different version of runbook 'engine'");
    }
}
