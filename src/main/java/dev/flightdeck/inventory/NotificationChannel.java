package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.Position;
import java.util.List;
import java.util.Optional;

/**
 * A named place notifications go: {@code deployments}, {@code management}, {@code support}. Declared in the inventory's
 * {@code notifications:} (or the settings); runbooks name it in {@code notify} steps and lifecycle subscriptions.
 * Secrets are references ({@link SecretRef}), resolved when a session starts.
 */
public sealed interface NotificationChannel {

    String name();

    Kind kind();

    Position position();

    /** The secrets this channel needs, each with what it is for. */
    List<SecretRef> secrets();

    enum Kind {
        SLACK("slack"),
        TEAMS("teams"),
        PAGERDUTY("pagerduty"),
        EMAIL("email"),
        WEBHOOK("webhook");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** A webhook URL: either written (not secret) or a secret reference. */
    record Url(Optional<String> plain, Optional<SecretRef> secret) {}

    /** Slack incoming webhook: the URL is the secret. */
    record Slack(String name, SecretRef url, Position position) implements NotificationChannel {
        public Kind kind() {
            return Kind.SLACK;
        }

        public List<SecretRef> secrets() {
            return List.of(url);
        }
    }

    /** Microsoft Teams incoming webhook (or Workflows URL): the URL is the secret. */
    record Teams(String name, SecretRef url, Position position) implements NotificationChannel {
        public Kind kind() {
            return Kind.TEAMS;
        }

        public List<SecretRef> secrets() {
            return List.of(url);
        }
    }

    /** PagerDuty Events API v2: the integration's routing key is the secret; the API URL is configurable. */
    record PagerDuty(String name, SecretRef routingKey, String api, String severity, Position position)
            implements NotificationChannel {
        public static final String DEFAULT_API = "https://events.pagerduty.com/v2/enqueue";

        public Kind kind() {
            return Kind.PAGERDUTY;
        }

        public List<SecretRef> secrets() {
            return List.of(routingKey);
        }
    }

    /**
     * E-mail over SMTP: STARTTLS required (the default, port 587), implicit TLS (SMTPS, port 465), or none (a relay
     * on the same host only, port 25).
     *
     * @param rootCert a PEM file with the certificate authority to trust for the server, beside the system's
     */
    record Email(
            String name,
            String host,
            int port,
            Tls tls,
            String from,
            List<String> to,
            Optional<String> user,
            Optional<SecretRef> password,
            Optional<String> rootCert,
            Position position)
            implements NotificationChannel {
        public Email {
            to = List.copyOf(to);
        }

        public enum Tls {
            STARTTLS,
            IMPLICIT,
            NONE
        }

        public Kind kind() {
            return Kind.EMAIL;
        }

        public List<SecretRef> secrets() {
            return password.stream().toList();
        }
    }

    /** A generic JSON webhook: a written URL, or a secret one. */
    record Webhook(String name, Url url, Position position) implements NotificationChannel {
        public Kind kind() {
            return Kind.WEBHOOK;
        }

        public List<SecretRef> secrets() {
            return url.secret().stream().toList();
        }
    }
}
