package dev.flightdeck.live;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import dev.flightdeck.home.AppContext;
import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.notify.NotificationSettings;
import dev.flightdeck.notify.Notifications;
import dev.flightdeck.notify.Outbox;
import dev.flightdeck.notify.SecretSource;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.session.Session;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** A session's notifications from the inventory, the runbook and the operator's {@code notifications.yaml} in Flightdeck's home. */
final class SessionNotifications {

    private SessionNotifications() {}

    static Notifications open(
            AppContext context,
            Inventory inventory,
            Runbook runbook,
            Function<String, Optional<char[]>> prompt,
            Outbox.Policy policy,
            Supplier<Optional<Session>> session)
            throws IOException {
        Parsed<NotificationSettings> settings =
                NotificationSettings.load(context.home().root().resolve(NotificationSettings.FILE_NAME));
        if (!settings.errors().isEmpty()) {
            throw new IllegalArgumentException("the notification settings have problems:\n"
                    + settings.errors().stream().map(Problem::format).collect(Collectors.joining("\n")));
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(
                        policy.timeout().compareTo(Duration.ofSeconds(5)) < 0
                                ? policy.timeout()
                                : Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return Notifications.open(
                inventory,
                settings.value().orElse(NotificationSettings.none()),
                runbook.notifications(),
                new SecretSource(context.environment(), prompt),
                http,
                policy,
                session,
                Clock.systemUTC());
    }
}
