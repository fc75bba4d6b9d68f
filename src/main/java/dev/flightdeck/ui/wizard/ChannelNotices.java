package dev.flightdeck.ui.wizard;

import dev.flightdeck.notify.ChannelHealth;
import dev.flightdeck.notify.Outbox;
import dev.flightdeck.notify.OutboxListener;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notification channels that are not delivering, for the session's header: one notice per channel that keeps
 * failing or cannot be used, gone again when it delivers. Hears the outbox on its own threads and hops to the UI
 * thread once per burst of changes; no toolkit needed to test it.
 */
public final class ChannelNotices {

    /** One channel in trouble: the chip's short text and the tooltip's full sentence. */
    public record Notice(String channel, String text, String detail) {}

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ObservableList<Notice> notices = FXCollections.observableArrayList();
    private final Map<String, ChannelHealth> latest = new ConcurrentHashMap<>();
    private final Executor uiThread;
    private final ZoneId zone;
    private final AtomicBoolean hopScheduled = new AtomicBoolean();

    public ChannelNotices(Outbox outbox, Executor uiThread, ZoneId zone) {
        this.uiThread = uiThread;
        this.zone = zone;
        outbox.addListener(new OutboxListener() {
            @Override
            public void healthChanged(ChannelHealth health) {
                heard(health);
            }

            @Override
            public void stillFailing(ChannelHealth health) {
                heard(health);
            }
        });
        // after the listener, so no change falls between the two
        outbox.health().values().forEach(health -> latest.putIfAbsent(health.channel(), health));
        publishLater();
    }

    /** The channels not delivering now, by name; read and bound on the UI thread. */
    public ObservableList<Notice> notices() {
        return notices;
    }

    private void heard(ChannelHealth health) {
        latest.put(health.channel(), health);
        publishLater();
    }

    private void publishLater() {
        if (hopScheduled.compareAndSet(false, true)) {
            uiThread.execute(() -> {
                hopScheduled.set(false);
                List<Notice> now = latest.values().stream()
                        .filter(health -> health.state() != ChannelHealth.State.OK)
                        .sorted(Comparator.comparing(ChannelHealth::channel))
                        .map(this::notice)
                        .toList();
                if (!now.equals(notices)) {
                    notices.setAll(now);
                }
            });
        }
    }

    /** {@code on-call: failing, 3 attempts in a row since 02:14:05 — HTTP 500}; the tooltip says what that means. */
    Notice notice(ChannelHealth health) {
        String text = health.state() == ChannelHealth.State.FAILING
                ? "Notifications to " + health.channel() + " failing: " + health.consecutiveFailures()
                        + " attempts in a row since "
                        + CLOCK.format(health.since().atZone(zone)) + " — "
                        + firstLine(health.lastError())
                : "Notifications to " + health.channel() + " not sent: " + firstLine(health.lastError());
        return new Notice(health.channel(), text, health.describe());
    }

    private static String firstLine(String error) {
        String line = error.strip().lines().findFirst().orElse("no answer");
        return line.length() > 90 ? line.substring(0, 89) + "…" : line;
    }
}
