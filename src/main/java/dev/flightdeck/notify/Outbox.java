package dev.flightdeck.notify;

import dev.flightdeck.session.SessionEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reliable delivery without making the window wait. {@link #submit} only hands the message over; on the outbox's own
 * threads the intent is journaled ({@code notification.queued}), the channel's sender tries it, failed attempts are
 * retried with exponential backoff, and the result is journaled ({@code notification.result}). Each channel is a lane:
 * its messages go out in order, one at a time, so a retrying alarm is never overtaken by the rollback that follows it,
 * and a slow or dead channel holds up only itself.
 */
public final class Outbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    /**
     * @param attempts      tries per message before it is given up
     * @param firstRetry    the wait before the second try; it doubles up to {@code maxRetry}
     * @param timeout       one attempt's limit (connect and answer)
     * @param drainAtClose  how long the session's close waits for messages still on their way (never for a failing channel)
     * @param failingAfter  failed attempts in a row after which a channel is reported as failing
     */
    public record Policy(
            int attempts,
            Duration firstRetry,
            Duration maxRetry,
            Duration timeout,
            Duration drainAtClose,
            int failingAfter) {
        public static Policy defaults() {
            return new Policy(
                    6, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(10), Duration.ofSeconds(5), 2);
        }

        Duration backoff(int attemptsMade) {
            long millis = firstRetry.toMillis() << Math.min(20, Math.max(0, attemptsMade - 1));
            return Duration.ofMillis(Math.min(millis, maxRetry.toMillis()));
        }
    }

    /** Where the outbox journals: the session's {@code recordNotificationQueued} / {@code recordNotificationResult}. */
    public interface Journal {
        void queued(SessionEvent.NotificationQueued queued);

        void result(SessionEvent.NotificationResult result);
    }

    private final Map<String, Sender> senders;
    private final Map<String, String> unavailable;
    private final Policy policy;
    private final Journal journal;
    private final UnaryOperator<String> redact;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    /** One thread takes messages in, in the order they were submitted: intents are journaled and lanes filled in that order. */
    private final ExecutorService intake;

    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final Map<String, ChannelHealth> health = new ConcurrentHashMap<>();
    private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();
    private final Object settled = new Object();
    private final AtomicInteger submitted = new AtomicInteger();
    private final Map<String, Pending> outstanding = new ConcurrentHashMap<>();

    /**
     * @param senders     the usable channels by name
     * @param unavailable channels that cannot be used, with the reason (a missing secret); messages to them are journaled as not sent
     * @param redact      masks the channels' secrets in anything journaled or logged
     */
    public Outbox(
            Map<String, Sender> senders,
            Map<String, String> unavailable,
            Policy policy,
            Journal journal,
            UnaryOperator<String> redact,
            Clock clock) {
        this.senders = Map.copyOf(senders);
        this.unavailable = Map.copyOf(unavailable);
        this.policy = policy;
        this.journal = journal;
        this.redact = redact;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor pool =
                new ScheduledThreadPoolExecutor(Math.max(2, Math.min(4, senders.size() + 1)), task -> {
                    Thread thread = new Thread(task, "flightdeck-notify-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
        this.intake = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "flightdeck-notify-intake");
            thread.setDaemon(true);
            return thread;
        });
        Instant now = clock.instant();
        senders.keySet().forEach(name -> health.put(name, ChannelHealth.ok(name, now)));
        unavailable.forEach((name, why) ->
                health.put(name, new ChannelHealth(name, ChannelHealth.State.UNAVAILABLE, 0, redact.apply(why), now)));
    }

    public void addListener(OutboxListener listener) {
        listeners.add(listener);
    }

    /** Every channel's health now: what the console shows beside the window's state. */
    public Map<String, ChannelHealth> health() {
        return Map.copyOf(health);
    }

    public Policy policy() {
        return policy;
    }

    /** Hands a message over and returns at once; never blocks on a channel or the journal. */
    public void submit(Notification notification) {
        submitted.incrementAndGet();
        Pending pending = new Pending(notification);
        outstanding.put(notification.id(), pending);
        try {
            intake.execute(() -> enqueue(pending));
        } catch (RejectedExecutionException closed) {
            outstanding.remove(notification.id());
            LOG.warn(
                    "notification {} to '{}' was not sent: the outbox is closed",
                    notification.id(),
                    notification.channel());
        }
    }

    private void enqueue(Pending pending) {
        Notification n = pending.notification;
        journal.queued(new SessionEvent.NotificationQueued(n.id(), n.channel(), n.topic(), n.subject(), n.text()));
        if (!senders.containsKey(n.channel())) {
            String why = unavailable.getOrDefault(
                    n.channel(), "no channel '" + n.channel() + "' is declared in the inventory or the settings");
            health.putIfAbsent(
                    n.channel(),
                    new ChannelHealth(
                            n.channel(), ChannelHealth.State.UNAVAILABLE, 0, redact.apply(why), clock.instant()));
            finish(pending, SessionEvent.Status.FAILED, "not sent: " + why);
            return;
        }
        Lane lane = lanes.computeIfAbsent(n.channel(), Lane::new);
        if (lane.add(pending)) {
            executor.execute(() -> attempt(lane));
        }
    }

    private void attempt(Lane lane) {
        Pending pending = lane.head();
        if (pending == null) {
            return;
        }
        if (pending.finished) {
            next(lane);
            return;
        }
        pending.attempts++;
        try {
            String answer = senders.get(lane.channel).send(pending.notification);
            healthy(lane.channel);
            finish(
                    pending,
                    SessionEvent.Status.SUCCEEDED,
                    answer + (pending.attempts > 1 ? " (attempt " + pending.attempts + ")" : ""));
            next(lane);
        } catch (NotificationException e) {
            String error = redact.apply(e.getMessage());
            pending.lastError = error;
            failed(lane.channel, error);
            LOG.warn(
                    "notification {} to '{}' failed (attempt {} of {}): {}",
                    pending.notification.id(),
                    lane.channel,
                    pending.attempts,
                    policy.attempts(),
                    error);
            if (e.isPermanent() || pending.attempts >= policy.attempts()) {
                finish(
                        pending,
                        SessionEvent.Status.FAILED,
                        "given up after " + pending.attempts + " attempt" + (pending.attempts == 1 ? "" : "s") + ": "
                                + error);
                next(lane);
            } else {
                schedule(() -> attempt(lane), policy.backoff(pending.attempts));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("notification {} to '{}' failed unexpectedly", pending.notification.id(), lane.channel, e);
            finish(pending, SessionEvent.Status.FAILED, "failed: " + redact.apply(String.valueOf(e.getMessage())));
            next(lane);
        }
    }

    private void next(Lane lane) {
        if (lane.removeHeadAndHasMore()) {
            executor.execute(() -> attempt(lane));
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closed) {
            LOG.debug("outbox closed; retry not scheduled");
        }
    }

    private void finish(Pending pending, SessionEvent.Status status, String detail) {
        synchronized (pending) {
            if (pending.finished) {
                return;
            }
            pending.finished = true;
        }
        Notification n = pending.notification;
        journal.result(new SessionEvent.NotificationResult(
                n.id(), n.channel(), status, pending.attempts, redact.apply(detail)));
        if (status != SessionEvent.Status.SUCCEEDED) {
            listeners.forEach(listener -> listener.gaveUp(n, redact.apply(detail)));
        }
        outstanding.remove(n.id());
        synchronized (settled) {
            settled.notifyAll();
        }
    }

    private void healthy(String channel) {
        ChannelHealth before = health.put(channel, ChannelHealth.ok(channel, clock.instant()));
        if (before != null && before.state() != ChannelHealth.State.OK) {
            LOG.info("notification channel '{}' delivers again", channel);
            ChannelHealth now = health.get(channel);
            listeners.forEach(listener -> listener.healthChanged(now));
        }
    }

    private void failed(String channel, String error) {
        ChannelHealth before = health.getOrDefault(channel, ChannelHealth.ok(channel, clock.instant()));
        int failures = before.consecutiveFailures() + 1;
        boolean failing = failures >= policy.failingAfter();
        ChannelHealth now = new ChannelHealth(
                channel,
                failing ? ChannelHealth.State.FAILING : before.state(),
                failures,
                error,
                failing && before.state() == ChannelHealth.State.FAILING ? before.since() : clock.instant());
        health.put(channel, now);
        if (failing && before.state() != ChannelHealth.State.FAILING) {
            LOG.warn("notification channel '{}' keeps failing: {}", channel, error);
            listeners.forEach(listener -> listener.healthChanged(now));
        } else if (failing) {
            listeners.forEach(listener -> listener.stillFailing(now));
        }
    }

    /**
     * Waits (at most the policy's {@code drainAtClose}) for messages still on their way to channels that deliver, then
     * journals whatever is left as not delivered: called before the session's journal is sealed. A channel whose last
     * attempt failed is not waited for.
     */
    public void drain() {
        long deadline = System.nanoTime() + policy.drainAtClose().toNanos();
        synchronized (settled) {
            while (outstanding.values().stream().anyMatch(this::worthWaitingFor)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    settled.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (Pending pending : new ArrayList<>(outstanding.values())) {
            finish(
                    pending,
                    SessionEvent.Status.FAILED,
                    "not delivered before the session closed after " + pending.attempts + " attempt"
                            + (pending.attempts == 1 ? "" : "s")
                            + (pending.lastError.isEmpty() ? "" : "; last error: " + pending.lastError));
        }
    }

    /** Only a channel that has not failed lately: one whose last attempt failed would most likely keep the close waiting for nothing. */
    private boolean worthWaitingFor(Pending pending) {
        ChannelHealth channel = health.get(pending.notification.channel());
        return channel == null || channel.state() == ChannelHealth.State.OK && channel.consecutiveFailures() == 0;
    }

    /** Runs a check on the outbox's threads every {@code period} until it closes (the window-overrun watch). */
    void every(Duration period, Runnable check) {
        executor.scheduleWithFixedDelay(
                () -> {
                    try {
                        check.run();
                    } catch (RuntimeException e) {
                        LOG.warn("notification check failed", e);
                    }
                },
                period.toMillis(),
                period.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** How many messages were handed over so far. */
    public int submittedCount() {
        return submitted.get();
    }

    /** Stops the outbox's threads; anything not yet delivered stays as journaled (queued, without a result). */
    @Override
    public void close() {
        intake.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message on its way. */
    private static final class Pending {
        final Notification notification;
        int attempts;
        volatile boolean finished;
        volatile String lastError = "";

        Pending(Notification notification) {
            this.notification = notification;
        }
    }

    /** One channel's messages, in order; at most one attempt at a time. */
    private static final class Lane {
        final String channel;
        private final Deque<Pending> queue = new ArrayDeque<>();

        Lane(String channel) {
            this.channel = channel;
        }

        /** Adds a message; true when the lane was idle, so the caller starts it. */
        synchronized boolean add(Pending pending) {
            queue.addLast(pending);
            return queue.size() == 1;
        }

        synchronized Pending head() {
            return queue.peekFirst();
        }

        /** Done with the head; true when another message waits. */
        synchronized boolean removeHeadAndHasMore() {
            queue.pollFirst();
            return !queue.isEmpty();
        }
    }
}
