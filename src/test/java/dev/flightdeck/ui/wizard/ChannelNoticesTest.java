package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.notify.Notification;
import dev.flightdeck.notify.NotificationSettings;
import dev.flightdeck.notify.Notifications;
import dev.flightdeck.notify.Outbox;
import dev.flightdeck.notify.SecretSource;
import dev.flightdeck.runbook.Subscriptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The header's notice of a channel that is not delivering, without the toolkit: a real webhook channel to a receiver
 * on 127.0.0.1 that answers 500 and later 200, through the real outbox; the "UI thread" is a single thread here.
 */
class ChannelNoticesTest {

    private static final Outbox.Policy QUICK = new Outbox.Policy(
            8, Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(5), Duration.ofSeconds(1), 2);

    private final AtomicInteger answer = new AtomicInteger(500);
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor();
    private HttpServer pager;
    private Notifications notifications;

    @BeforeEach
    void startTheReceiver() throws Exception {
        pager = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pager.createContext("/pager", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        pager.start();
        NotificationSettings settings = NotificationSettings.parse(
                        """
                channels:
                  pager: { kind: webhook, url: "http://127.0.0.1:%d/pager" }
                """.formatted(pager.getAddress().getPort()), "notifications.yaml")
                .orElseThrow();
        notifications = Notifications.open(
                Inventory.empty(),
                settings,
                Subscriptions.none(),
                SecretSource.environmentOnly(Map.of()),
                HttpClient.newHttpClient(),
                QUICK,
                Optional::empty,
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        notifications.close();
        pager.stop(0);
        uiThread.shutdownNow();
    }

    @Test
    void aFailingChannelShowsWithItsAttemptsAndLastErrorAndClearsWhenItDeliversAgain() throws Exception {
        ChannelNotices notices = new ChannelNotices(notifications.outbox(), uiThread, ZoneOffset.UTC);
        assertThat(shown(notices)).as("every channel delivers at first").isEmpty();

        notifications
                .outbox()
                .submit(new Notification(
                        "n-1",
                        "pager",
                        "alarm",
                        "Alarm",
                        "error_rate > 1%",
                        new Notification.SessionFacts("s-1", "Clinic", "Dana", "step 4.4", true),
                        Notification.Urgency.ALERT));

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !shown(notices).isEmpty());
        assertThat(shown(notices)).singleElement().satisfies(notice -> {
            assertThat(notice.channel()).isEqualTo("pager");
            assertThat(notice.text())
                    .matches(
                            "Notifications to pager failing: \\d+ attempts in a row since \\d\\d:\\d\\d:\\d\\d — .*500.*");
            assertThat(notice.detail()).contains("keeps failing", "the window goes on");
        });
        WaitForAsyncUtils.waitFor(
                20,
                TimeUnit.SECONDS,
                () -> shown(notices).stream().anyMatch(n -> n.text().contains(": 3 attempts")));

        answer.set(200);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> shown(notices).isEmpty());
    }

    private List<ChannelNotices.Notice> shown(ChannelNotices notices) throws Exception {
        return uiThread.submit(() -> List.copyOf(notices.notices())).get(5, TimeUnit.SECONDS);
    }
}
