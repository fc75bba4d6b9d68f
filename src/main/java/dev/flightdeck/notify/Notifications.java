package dev.flightdeck.notify;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.inventory.NotificationChannel;
import dev.flightdeck.journal.redact.Redactor;
import dev.flightdeck.runbook.LifecycleEvent;
import dev.flightdeck.runbook.Subscriptions;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.StepExecutor;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A session's notifications, wired once: the channels (the inventory's, then the settings' for names the inventory
 * does not use) with their secrets, the outbox that delivers, the lifecycle subscriptions (the runbook's and the
 * settings'), and the {@code notify} step's executor.
 */
public final class Notifications implements AutoCloseable {

    /** How often the window's pace is compared with its plan, for {@code window-overrun}. */
    static final Duration OVERRUN_CHECK = Duration.ofSeconds(30);

    private final Outbox outbox;
    private final Subscriptions subscriptions;
    private final Redactor redactor;
    private final List<char[]> secrets;
    private final Clock clock;

    private Notifications(
            Outbox outbox, Subscriptions subscriptions, Redactor redactor, List<char[]> secrets, Clock clock) {
        this.outbox = outbox;
        this.subscriptions = subscriptions;
        this.redactor = redactor;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * @param session the session the outbox journals into, once it exists (messages are only submitted after that)
     */
    public static Notifications open(
            Inventory inventory,
            NotificationSettings settings,
            Subscriptions runbook,
            SecretSource secrets,
            HttpClient http,
            Outbox.Policy policy,
            Supplier<Optional<Session>> session,
            Clock clock) {
        Map<String, NotificationChannel> declared = new LinkedHashMap<>();
        settings.channels().forEach(channel -> declared.put(channel.name(), channel));
        inventory.channels().forEach(channel -> declared.put(channel.name(), channel));
        Channels channels = Channels.open(declared.values(), secrets, http, policy.timeout());
        Redactor redactor = Redactor.forSecrets(channels.secrets());
        Outbox.Journal journal = new Outbox.Journal() {
            @Override
            public void queued(SessionEvent.NotificationQueued queued) {
                session.get().ifPresent(s -> s.recordNotificationQueued(queued));
            }

            @Override
            public void result(SessionEvent.NotificationResult result) {
                session.get().ifPresent(s -> s.recordNotificationResult(result));
            }
        };
        Outbox outbox =
                new Outbox(channels.senders(), channels.unavailable(), policy, journal, redactor::redact, clock);
        return new Notifications(outbox, runbook.and(settings.subscriptions()), redactor, channels.secrets(), clock);
    }

    /** No channels, no subscriptions: notify steps are recorded only. */
    public static Notifications none(Supplier<Optional<Session>> session) {
        return open(
                Inventory.empty(),
                NotificationSettings.none(),
                Subscriptions.none(),
                SecretSource.environmentOnly(Map.of()),
                HttpClient.newHttpClient(),
                Outbox.Policy.defaults(),
                session,
                Clock.systemUTC());
    }

    /** The channels' secret values, for the session's redactor: none of them may reach the journal. */
    public List<char[]> secrets() {
        return secrets;
    }

    /** The executor of {@code notify} steps; steps without channels (or with a webhook endpoint) go to {@code webhookSteps}. */
    public StepExecutor notifyStep(StepExecutor webhookSteps) {
        return new NotifyStep(outbox, webhookSteps, redactor::redact, clock);
    }

    /**
     * Follows the session's lifecycle from now on; {@code started} for a new session (its window-started message goes
     * out now), false for one resumed.
     */
    public void attach(Session session, boolean started) {
        LifecycleNotifier notifier = new LifecycleNotifier(subscriptions, outbox, clock);
        session.addListener(notifier);
        if (started) {
            notifier.windowStarted(session.state());
        }
        if (!subscriptions.channelsFor(LifecycleEvent.WINDOW_OVERRUN).isEmpty()) {
            outbox.every(OVERRUN_CHECK, () -> notifier.checkOverrun(session.state()));
        }
    }

    public Outbox outbox() {
        return outbox;
    }

    public Subscriptions subscriptions() {
        return subscriptions;
    }

    /** Waits (bounded) for messages on their way, journals what is left as not delivered, and stops the outbox. */
    @Override
    public void close() {
        outbox.drain();
        outbox.close();
        redactor.close();
    }
}
