package dev.flightdeck.notify;

import dev.flightdeck.inventory.NotificationChannel;
import dev.flightdeck.inventory.SecretRef;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns declared channels into senders, resolving their secrets once when the session starts. A channel whose secret
 * cannot be had is unavailable (said once, journaled with each message to it) rather than a reason to stop the window.
 */
public final class Channels {

    private final Map<String, Sender> senders = new LinkedHashMap<>();
    private final Map<String, String> unavailable = new LinkedHashMap<>();
    private final List<char[]> secrets = new ArrayList<>();

    private Channels() {}

    public static Channels open(
            Collection<NotificationChannel> declared, SecretSource source, HttpClient http, Duration timeout) {
        Channels channels = new Channels();
        for (NotificationChannel channel : declared) {
            try {
                channels.senders.put(channel.name(), channels.sender(channel, source, http, timeout));
            } catch (NotificationException e) {
                channels.unavailable.put(channel.name(), e.getMessage());
            }
        }
        return channels;
    }

    private Sender sender(NotificationChannel channel, SecretSource source, HttpClient http, Duration timeout)
            throws NotificationException {
        if (channel instanceof NotificationChannel.Slack slack) {
            return new HttpSender(http, url(secret(source, slack.url()), channel), Payloads::slack, timeout);
        } else if (channel instanceof NotificationChannel.Teams teams) {
            return new HttpSender(http, url(secret(source, teams.url()), channel), Payloads::teams, timeout);
        } else if (channel instanceof NotificationChannel.PagerDuty pagerDuty) {
            String routingKey = new String(secret(source, pagerDuty.routingKey()));
            return new HttpSender(
                    http,
                    URI.create(pagerDuty.api()),
                    n -> Payloads.pagerDuty(n, routingKey, pagerDuty.severity()),
                    timeout);
        } else if (channel instanceof NotificationChannel.Email email) {
            char[] password = email.password().isPresent()
                    ? secret(source, email.password().get())
                    : new char[0];
            return new EmailSender(email, password, timeout);
        } else if (channel instanceof NotificationChannel.Webhook webhook) {
            char[] url = webhook.url().secret().isPresent()
                    ? secret(source, webhook.url().secret().get())
                    : webhook.url().plain().orElse("").toCharArray();
            return new HttpSender(http, url(url, channel), Payloads::webhook, timeout);
        }
        throw new NotificationException("channel kind " + channel.kind() + " is not supported", true);
    }

    private char[] secret(SecretSource source, SecretRef ref) throws NotificationException {
        try {
            char[] value = source.resolve(ref);
            secrets.add(value);
            return value;
        } catch (NotificationException e) {
            throw new NotificationException("its secret is missing: " + e.getMessage());
        }
    }

    private static URI url(char[] text, NotificationChannel channel) throws NotificationException {
        try {
            URI uri = URI.create(new String(text).strip());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            // the message would contain the secret URL: say only what is wrong
            throw new NotificationException(
                    "the URL of channel '" + channel.name() + "' is not an http:// or https:// URL with a host");
        }
    }

    public Map<String, Sender> senders() {
        return Map.copyOf(senders);
    }

    public Map<String, String> unavailable() {
        return Map.copyOf(unavailable);
    }

    /** The secret values, for the session's redactor (which copies them). */
    public List<char[]> secrets() {
        return List.copyOf(secrets);
    }
}
