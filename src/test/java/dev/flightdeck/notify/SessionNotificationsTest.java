package dev.flightdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.home.FlightdeckHome;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.InventoryLoader;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.live.LiveSession;
import dev.flightdeck.live.SessionLauncher;
import dev.flightdeck.runbook.Role;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.ssh.Credentials;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notifications through the real launcher and journal: a runbook's lifecycle subscriptions and notify steps reach a
 * receiver on 127.0.0.1 in order, the journal holds intent and result, and a channel that never answers does not
 * slow the session (measured against the same session without it).
 */
class SessionNotificationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Outbox.Policy POLICY = new Outbox.Policy(
            3,
            Duration.ofMillis(100),
            Duration.ofMillis(400),
            Duration.ofSeconds(10),
            Outbox.Policy.defaults().drainAtClose(),
            2);

    @TempDir
    Path dir;

    private static final String RUNBOOK = """
            runbook: Notified window
            window: { duration: 1h }
            notifications:
              window-started: [%1$s]
              approval-waiting: [%1$s]
              step-failed: [%1$s]
              rollback-started: [%1$s]
              rollback-finished: [%1$s]
              session-closed: [%1$s]
            variables:
              release: "2.4.1"
            phases:
              - id: prepare
                steps:
                  - id: announce
                    notify: { to: [%1$s], message: "Upgrade to ${release} starts now (operator ${operator})" }
                  - id: gate
                    approve: { role: COMPLIANCE, reason: HIPAA sign-off }
                  - id: migrate
                    run: "exit 3"
                    on: local
            rollback:
              - id: put-back
                confirm: Old release running again
            """;

    /** One session: announce, approval, a failing step, the rollback, the close; returns how long the window's own work took. */
    private Duration runSession(String name, String channels, Inventory inventory) throws Exception {
        Runbook runbook = RunbookLoader.load(RUNBOOK.formatted(channels), name + ".runbook.yaml", name)
                .orElseThrow();
        long start = System.nanoTime();
        try (LiveSession live = start(name, runbook, inventory)) {
            Session session = live.session();
            assertThat(session.run("announce").status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
            session.approve("gate", "Lee Compliance", Role.COMPLIANCE, "ok");
            assertThat(session.run("migrate").status()).isEqualTo(SessionEvent.Status.FAILED);
            session.startRollback("migration failed", "Dana Operator");
            session.confirmRollbackStep("put-back", "checked");
            session.finishRollback(SessionEvent.Status.SUCCEEDED, "rolled back");
            Duration window = Duration.ofNanos(System.nanoTime() - start);
            session.finishSession("rolled back");
            return window;
        }
    }

    private LiveSession start(String name, Runbook runbook, Inventory inventory) throws Exception {
        AppContext context = new AppContext(new FlightdeckHome(dir.resolve("home")), Map.of("HOME", dir.toString()));
        SessionLauncher launcher = new SessionLauncher(
                        context, JournalFixture.fastOptions(), KdfCost.insecureForTestsOnly(64))
                .withNotificationPolicy(POLICY);
        return launcher.start(new SessionLauncher.Choices(
                runbook,
                "sha",
                inventory,
                "clinic.inventory.yaml",
                Map.of("release", "2.4.1"),
                "Dana Operator",
                dir.resolve(name),
                JournalFixture.PASSPHRASE.clone(),
                target -> Optional.empty(),
                Credentials.NONE,
                SessionEvent.Mode.LIVE));
    }

    private List<SessionEvent> journaled(String name) {
        List<SessionEvent> events = new ArrayList<>();
        for (Recorded recorded : SessionJournals.read(dir.resolve(name), JournalFixture.PASSPHRASE.clone())) {
            events.add(recorded.event());
        }
        return events;
    }

    private static Inventory inventory(String yaml) {
        return InventoryLoader.load(yaml, "clinic.inventory.yaml").orElseThrow();
    }

    @Test
    void lifecycleAndStepNotificationsReachTheChannelInOrderAndTheJournalHoldsEveryResult() throws Exception {
        try (Receiver ops = Receiver.accepting()) {
            runSession(
                    "healthy",
                    "ops",
                    inventory("notifications:\n  ops: { kind: webhook, url: " + ops.url("/hook") + " }\n"));
            List<String> accepted = ops.awaitAccepted(7, Duration.ofSeconds(5));
            List<String> subjects = new ArrayList<>();
            for (String body : accepted) {
                JsonNode message = JSON.readTree(body);
                subjects.add(message.get("topic").asText() + " | "
                        + message.get("subject").asText());
                assertThat(message.get("operator").asText()).isEqualTo("Dana Operator");
                assertThat(message.get("system").asText()).isEqualTo("Notified window on clinic.inventory.yaml");
                assertThat(message.get("state").asText()).contains("steps done");
            }
            assertThat(subjects)
                    .containsExactly(
                            "window-started | Window started: Notified window",
                            "step:announce | Upgrade to 2.4.1 starts now (operator Dana Operator)",
                            "approval-waiting | Approval waiting: step 1.2 needs COMPLIANCE (HIPAA sign-off)",
                            "step-failed | Step 1.3 failed: Run: exit 3",
                            "rollback-started | Rollback started by Dana Operator",
                            "rollback-finished | Rollback finished: succeeded",
                            "session-closed | Session closed: rolled back");
            List<SessionEvent> events = journaled("healthy");
            assertThat(events)
                    .filteredOn(SessionEvent.NotificationQueued.class::isInstance)
                    .hasSize(7);
            assertThat(events)
                    .filteredOn(SessionEvent.NotificationResult.class::isInstance)
                    .hasSize(7)
                    .allSatisfy(e -> assertThat(((SessionEvent.NotificationResult) e).status())
                            .isEqualTo(SessionEvent.Status.SUCCEEDED));
            int closedResult = lastIndexOf(events, SessionEvent.NotificationResult.class);
            assertThat(closedResult)
                    .as("the close's own message is delivered and journaled before the seal")
                    .isLessThan(lastIndexOf(events, SessionEvent.SessionClosed.class));
        }
    }

    @Test
    void anAlertOnlyRuleIsToldAsAnAlertAndARollbackTriggerAsAnAlarm() throws Exception {
        Runbook runbook =
                RunbookLoader.load("""
                runbook: Watched window
                notifications:
                  alarm: [ops]
                phases:
                  - id: canary
                    steps:
                      - id: watch
                        wait: 1m
                rollback-triggers:
                  - { when: health fails 2 consecutive, action: alert }
                  - error_rate > 1% for 10s
                rollback:
                  - confirm: Old release running again
                """, "watched.runbook.yaml", "watched").orElseThrow();
        try (Receiver ops = Receiver.accepting()) {
            try (LiveSession live = start(
                    "watched",
                    runbook,
                    inventory("notifications:\n  ops: { kind: webhook, url: " + ops.url("/hook") + " }\n"))) {
                live.session().recordAlarm("health fails 2 consecutive", "alert", List.of("2 failed checks"));
                live.session().recordAlarm("error_rate > 1% for 10s", "rollback", List.of("error_rate=4.00%"));
                List<String> told = new ArrayList<>();
                for (String body : ops.awaitAccepted(2, Duration.ofSeconds(5))) {
                    JsonNode message = JSON.readTree(body);
                    told.add(message.get("subject").asText() + " | "
                            + message.get("text").asText());
                }
                assertThat(told)
                        .containsExactly(
                                "Alert: health fails 2 consecutive | Alert rule 'health fails 2 consecutive' fired (alert"
                                        + " only: no rollback is armed, the window goes on).\nEvidence: 2 failed checks",
                                "Alarm: error_rate > 1% for 10s | Rollback trigger 'error_rate > 1% for 10s' fired."
                                        + "\nEvidence: error_rate=4.00%");
            }
        }
    }

    @Test
    void aChannelThatNeverAnswersDoesNotSlowTheSession() throws Exception {
        try (Receiver ops = Receiver.accepting();
                ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread accepter = new Thread(
                    () -> {
                        try {
                            while (true) {
                                held.add(blackHole.accept());
                            }
                        } catch (Exception closed) {
                            // the test is over
                        }
                    },
                    "black-hole");
            accepter.setDaemon(true);
            accepter.start();
            String channels = "notifications:\n  ops: { kind: webhook, url: " + ops.url("/hook") + " }\n"
                    + "  pager: { kind: webhook, url: http://127.0.0.1:" + blackHole.getLocalPort() + "/never }\n";
            runSession("warm-up", "ops", inventory(channels));
            Duration without = runSession("without", "ops", inventory(channels));
            long closeStart = System.nanoTime();
            Duration with = runSession("with", "ops, pager", inventory(channels));
            Duration withAndClose = Duration.ofNanos(System.nanoTime() - closeStart);
            System.out.printf(
                    "session with a live channel only: %d ms; with a channel that never answers too: %d ms (%d ms with the close)%n",
                    without.toMillis(), with.toMillis(), withAndClose.toMillis());
            assertThat(with)
                    .as("the window's work with a dead channel")
                    .isLessThan(without.plusSeconds(2).multipliedBy(2));
            assertThat(with)
                    .as("never anywhere near one attempt's 10 s timeout")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(withAndClose)
                    .as(
                            "the close waits for a message in flight at most drainAtClose, then journals it as not delivered")
                    .isLessThan(without.plus(POLICY.drainAtClose()).plusSeconds(3));
            List<SessionEvent> events = journaled("with");
            assertThat(events)
                    .filteredOn(e -> e instanceof SessionEvent.NotificationResult r
                            && r.channel().equals("pager"))
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(((SessionEvent.NotificationResult) e).status())
                            .isEqualTo(SessionEvent.Status.FAILED));
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (Exception ignored) {
                    // closing a test socket
                }
            });
        }
    }

    private static int lastIndexOf(List<SessionEvent> events, Class<?> type) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (type.isInstance(events.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
