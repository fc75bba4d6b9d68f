package dev.flightdeck.app.cli;

import dev.flightdeck.notify.ChannelHealth;
import dev.flightdeck.notify.Notification;
import dev.flightdeck.notify.Outbox;
import dev.flightdeck.notify.OutboxListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * The command line's view of notifications: a channel that cannot be used or keeps failing, and a message given up,
 * are printed as warnings as they happen. The window goes on either way.
 */
final class NotificationWarnings implements OutboxListener {

    private final PrintWriter out;

    private NotificationWarnings(PrintWriter out) {
        this.out = out;
    }

    /** Prints the channels that cannot be used now, then every change from here on. */
    static void follow(Outbox outbox, PrintWriter out) {
        NotificationWarnings warnings = new NotificationWarnings(out);
        outbox.health().values().stream()
                .filter(h -> h.state() != ChannelHealth.State.OK)
                .forEach(warnings::healthChanged);
        outbox.addListener(warnings);
    }

    @Override
    public void healthChanged(ChannelHealth health) {
        say(
                health.state() == ChannelHealth.State.OK
                        ? "  notifications: " + health.describe() + " again"
                        : "  ⚠ notifications: " + health.describe());
    }

    @Override
    public void gaveUp(Notification notification, String detail) {
        say("  ⚠ notifications: '" + notification.subject() + "' to " + notification.channel() + " was not delivered: "
                + detail);
    }

    private void say(String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** Asks on the terminal for a notification secret declared as {@code prompt}; empty without a terminal. */
    static Optional<char[]> prompt(String what) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(console.readPassword("Secret for notifications (%s): ", what));
    }
}
