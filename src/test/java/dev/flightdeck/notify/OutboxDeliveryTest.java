package dev.flightdeck.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.SessionEvent;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** Retries, backoff, order, failing channels and the close's bounded wait, against real receivers on 127.0.0.1. */
class OutboxDeliveryTest {

    private static final Outbox.Policy FAST = new Outbox.Policy(
            4, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(10), 2);
    private static final Notification.SessionFacts FACTS =
            new Notification.SessionFacts("s-1", "Clinic upgrade", "Dana", "state", false);

    private final RecordingJournal journal = new RecordingJournal();

    private static Notification message(String id, String channel) {
        return new Notification(id, channel, "alarm", "Alarm " + id, "text " + id, FACTS, Notification.Urgency.ALERT);
    }

    private Outbox outbox(Map<String, Sender> senders) {
        return new Outbox(senders, Map.of(), FAST, journal, text -> text, Clock.systemUTC());
    }

    private static Sender webhook(String url) {
        return new HttpSender(HttpClient.newHttpClient(), URI.create(url), Payloads::webhook, Duration.ofSeconds(5));
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsTheMessageOnce() throws Exception {
        try (Receiver receiver = Receiver.answering(500, 503, 200);
                Outbox outbox = outbox(Map.of("ops", webhook(receiver.url("/hook"))))) {
            outbox.submit(message("n-1", "ops"));
            List<SessionEvent.NotificationResult> results = journal.awaitResults(1, Duration.ofSeconds(20));
            assertThat(results).singleElement().satisfies(result -> {
                assertThat(result.status()).isEqualTo(SessionEvent.Status.SUCCEEDED);
                assertThat(result.attempts()).isEqualTo(3);
                assertThat(result.detail()).isEqualTo("accepted with HTTP 200 (attempt 3)");
            });
            assertThat(receiver.awaitAccepted(1, Duration.ofSeconds(5)))
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("\"id\":\"n-1\"");
            assertThat(receiver.requests()).isEqualTo(3);
        }
    }

    @Test
    void aChannelsMessagesGoOutInOrderEvenWhenTheFirstNeedsRetries() throws Exception {
        try (Receiver receiver = Receiver.answering(500, 200);
                Outbox outbox = outbox(Map.of("ops", webhook(receiver.url("/hook"))))) {
            outbox.submit(message("alarm", "ops"));
            outbox.submit(message("rollback-started", "ops"));
            outbox.submit(message("rollback-finished", "ops"));
            List<String> accepted = receiver.awaitAccepted(3, Duration.ofSeconds(20));
            assertThat(accepted).hasSize(3);
            assertThat(accepted.get(0)).contains("\"id\":\"alarm\"");
            assertThat(accepted.get(1)).contains("\"id\":\"rollback-started\"");
            assertThat(accepted.get(2)).contains("\"id\":\"rollback-finished\"");
        }
    }

    @Test
    void aDeadChannelIsReportedAsFailingGivesUpAfterItsAttemptsAndNeverHoldsUpTheCaller() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        List<ChannelHealth> changes = new CopyOnWriteArrayList<>();
        List<String> givenUp = new CopyOnWriteArrayList<>();
        CountDownLatch toldGivenUp = new CountDownLatch(1);
        try (Receiver good = Receiver.accepting();
                Outbox outbox = outbox(Map.of(
                        "dead",
                        webhook("http://127.0.0.1:" + deadPort + "/hook"),
                        "ops",
                        webhook(good.url("/hook"))))) {
            outbox.addListener(new OutboxListener() {
                @Override
                public void healthChanged(ChannelHealth health) {
                    changes.add(health);
                }

                @Override
                public void gaveUp(Notification notification, String detail) {
                    givenUp.add(notification.id() + ": " + detail);
                    toldGivenUp.countDown();
                }
            });
            long start = System.nanoTime();
            outbox.submit(message("to-dead", "dead"));
            outbox.submit(message("to-ops", "ops"));
            long handOverMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(handOverMillis)
                    .as("submitting never waits for a channel")
                    .isLessThan(500);
            assertThat(good.awaitAccepted(1, Duration.ofSeconds(20)))
                    .as("a dead channel holds up only itself")
                    .hasSize(1);
            List<SessionEvent.NotificationResult> results = journal.awaitResults(2, Duration.ofSeconds(20));
            assertThat(results)
                    .filteredOn(r -> r.channel().equals("dead"))
                    .singleElement()
                    .satisfies(result -> {
                        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
                        assertThat(result.attempts()).isEqualTo(FAST.attempts());
                        assertThat(result.detail())
                                .startsWith("given up after 4 attempts: not reached: ConnectException");
                    });
            assertThat(changes)
                    .extracting(ChannelHealth::channel, ChannelHealth::state)
                    .containsExactly(Tuple.tuple("dead", ChannelHealth.State.FAILING));
            assertThat(outbox.health().get("dead").describe()).contains("keeps failing", "the window goes on");
            assertThat(outbox.health().get("ops").state()).isEqualTo(ChannelHealth.State.OK);
            // listeners hear of it just after the result is journaled, on the lane's thread
            assertThat(toldGivenUp.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(givenUp).singleElement().asString().startsWith("to-dead: given up after 4 attempts");
        }
    }

    @Test
    void aRefusedPayloadIsNotRetried() throws Exception {
        try (Receiver receiver = Receiver.answering(400);
                Outbox outbox = outbox(Map.of("ops", webhook(receiver.url("/hook"))))) {
            outbox.submit(message("n-1", "ops"));
            assertThat(journal.awaitResults(1, Duration.ofSeconds(20)))
                    .singleElement()
                    .satisfies(result -> {
                        assertThat(result.status()).isEqualTo(SessionEvent.Status.FAILED);
                        assertThat(result.attempts()).isEqualTo(1);
                        assertThat(result.detail()).contains("refused with HTTP 400 (not retried)");
                    });
            assertThat(receiver.requests()).isEqualTo(1);
        }
    }

    @Test
    void aChannelWithoutItsSecretOrNotDeclaredIsJournaledAsNotSent() throws Exception {
        try (Outbox outbox = new Outbox(
                Map.of(),
                Map.of("pager", "its secret is missing: environment variable PD_KEY is not set"),
                FAST,
                journal,
                text -> text,
                Clock.systemUTC())) {
            assertThat(outbox.health().get("pager").state()).isEqualTo(ChannelHealth.State.UNAVAILABLE);
            outbox.submit(message("n-1", "pager"));
            outbox.submit(message("n-2", "nowhere"));
            List<SessionEvent.NotificationResult> results = journal.awaitResults(2, Duration.ofSeconds(20));
            assertThat(results)
                    .extracting(SessionEvent.NotificationResult::detail)
                    .containsExactly(
                            "not sent: its secret is missing: environment variable PD_KEY is not set",
                            "not sent: no channel 'nowhere' is declared in the inventory or the settings");
            assertThat(results)
                    .extracting(SessionEvent.NotificationResult::attempts)
                    .containsOnly(0);
        }
    }

    @Test
    void closingWaitsForAHealthyChannelButNotForAFailingOneAndJournalsWhatIsLeft() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        Outbox.Policy patient = new Outbox.Policy(
                50, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30), 2);
        try (Receiver slowStart = Receiver.accepting();
                Outbox outbox = new Outbox(
                        Map.of(
                                "ops",
                                webhook(slowStart.url("/hook")),
                                "dead",
                                webhook("http://127.0.0.1:" + deadPort + "/")),
                        Map.of(),
                        patient,
                        journal,
                        text -> text,
                        Clock.systemUTC())) {
            CountDownLatch failing = new CountDownLatch(1);
            outbox.addListener(new OutboxListener() {
                @Override
                public void healthChanged(ChannelHealth health) {
                    if (health.state() == ChannelHealth.State.FAILING) {
                        failing.countDown();
                    }
                }
            });
            outbox.submit(message("first-dead", "dead"));
            // the dead channel is known as failing before the close, as it would be after its first minutes
            assertThat(failing.await(20, TimeUnit.SECONDS)).isTrue();
            outbox.submit(message("closing-ops", "ops"));
            outbox.submit(message("closing-dead", "dead"));
            long start = System.nanoTime();
            outbox.drain();
            long drainMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(drainMillis)
                    .as("the failing channel's 50 attempts are not waited for")
                    .isLessThan(10_000);
            assertThat(journal.results())
                    .filteredOn(r -> r.id().equals("closing-ops"))
                    .singleElement()
                    .extracting(SessionEvent.NotificationResult::status)
                    .isEqualTo(SessionEvent.Status.SUCCEEDED);
            assertThat(journal.results())
                    .filteredOn(r -> r.channel().equals("dead"))
                    .hasSize(2)
                    .allSatisfy(
                            r -> assertThat(r.detail()).startsWith("not delivered before the session closed after"));
        }
    }
}
