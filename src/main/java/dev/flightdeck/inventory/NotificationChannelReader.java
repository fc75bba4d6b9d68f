package dev.flightdeck.inventory;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads notification channels: {@code name: { kind: slack|teams|pagerduty|email|webhook, ... }}, in the inventory's
 * {@code notifications:} and in the settings' {@code channels:}. Secrets must be references, never values.
 */
public final class NotificationChannelReader {

    /** The keys each kind takes, besides {@code kind}: one definition for the reader, the schema test and the docs. */
    public static final Map<NotificationChannel.Kind, Set<String>> KEYS = Map.of(
            NotificationChannel.Kind.SLACK, Set.of("kind", "url"),
            NotificationChannel.Kind.TEAMS, Set.of("kind", "url"),
            NotificationChannel.Kind.PAGERDUTY, Set.of("kind", "routing-key", "api", "severity"),
            NotificationChannel.Kind.EMAIL,
                    Set.of("kind", "smtp", "port", "tls", "from", "to", "user", "password", "root-cert"),
            NotificationChannel.Kind.WEBHOOK, Set.of("kind", "url"));

    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private NotificationChannelReader() {}

    public static List<NotificationChannel> read(MappingReader parent, String key, Problems problems) {
        Optional<YamlNode> node = parent.node(key);
        List<NotificationChannel> channels = new ArrayList<>();
        if (node.isEmpty() || node.get().isNull()) {
            return channels;
        }
        if (!node.get().isMapping()) {
            problems.error(
                    node.get().position(),
                    "'" + key + "' must be a mapping of channel names to channels, not "
                            + node.get().describe());
            return channels;
        }
        Set<String> names = new HashSet<>();
        node.get().entries().forEach(entry -> names.add(entry.name()));
        for (YamlNode.Entry entry : new MappingReader(node.get(), "'" + key + "'", names, problems).entriesInOrder()) {
            if (!NAME.matcher(entry.name()).matches()) {
                problems.error(
                        entry.key().position(),
                        "'" + entry.name() + "' is not a channel name: use letters, digits, '-' and '_'");
            }
            channel(entry, problems).ifPresent(channels::add);
        }
        return channels;
    }

    private static Optional<NotificationChannel> channel(YamlNode.Entry entry, Problems problems) {
        String name = entry.name();
        if (!entry.value().isMapping()) {
            problems.error(
                    entry.value().position(),
                    "channel '" + name + "' must be a mapping with 'kind:' (" + String.join(", ", kinds()) + "), not "
                            + entry.value().describe());
            return Optional.empty();
        }
        String kindText = entry.value().entries().stream()
                .filter(e -> e.name().equals("kind"))
                .findFirst()
                .flatMap(e -> e.value().text())
                .orElse("");
        Optional<NotificationChannel.Kind> kind = Arrays.stream(NotificationChannel.Kind.values())
                .filter(k -> k.key().equals(kindText))
                .findFirst();
        if (kind.isEmpty()) {
            problems.error(
                    entry.value().position(),
                    "channel '" + name + "' needs 'kind:' with one of " + kinds()
                            + (kindText.isEmpty()
                                    ? ""
                                    : ", not '" + kindText + "'" + DidYouMean.hint(kindText, kinds())));
            return Optional.empty();
        }
        MappingReader c = new MappingReader(entry.value(), "channel '" + name + "'", KEYS.get(kind.get()), problems);
        var at = entry.key().position();
        return Optional.of(
                switch (kind.get()) {
                    case SLACK -> new NotificationChannel.Slack(name, secret(c, "url", problems), at);
                    case TEAMS -> new NotificationChannel.Teams(name, secret(c, "url", problems), at);
                    case PAGERDUTY ->
                        new NotificationChannel.PagerDuty(
                                name,
                                secret(c, "routing-key", problems),
                                url(c, "api", problems).orElse(NotificationChannel.PagerDuty.DEFAULT_API),
                                severity(c, problems),
                                at);
                    case EMAIL -> email(name, c, problems);
                    case WEBHOOK -> new NotificationChannel.Webhook(name, webhookUrl(c, problems), at);
                });
    }

    private static NotificationChannel.Email email(String name, MappingReader c, Problems problems) {
        List<String> to = c.textList("to");
        if (to.isEmpty()) {
            problems.error(c.position(), "channel '" + name + "' (email) needs 'to:' with at least one address");
        }
        for (String address : to) {
            if (!address.contains("@")) {
                problems.error(
                        c.positionOf("to"),
                        "'" + address + "' in 'to' of channel '" + name + "' is not an e-mail address");
            }
        }
        String from = c.requiredText("from");
        String tlsText = c.text("tls").orElse("starttls");
        NotificationChannel.Email.Tls tls = switch (tlsText) {
            case "starttls" -> NotificationChannel.Email.Tls.STARTTLS;
            case "implicit" -> NotificationChannel.Email.Tls.IMPLICIT;
            case "none" -> NotificationChannel.Email.Tls.NONE;
            default -> {
                problems.error(
                        c.positionOf("tls"),
                        "'tls' of channel '" + name + "' must be starttls, implicit or none, not '" + tlsText + "'");
                yield NotificationChannel.Email.Tls.STARTTLS;
            }
        };
        int port = c.integer("port", 1, 65535)
                .orElse(
                        switch (tls) {
                            case STARTTLS -> 587;
                            case IMPLICIT -> 465;
                            case NONE -> 25;
                        });
        return new NotificationChannel.Email(
                name,
                c.requiredText("smtp"),
                port,
                tls,
                from,
                to,
                c.text("user"),
                c.has("password") ? Optional.of(secret(c, "password", problems)) : Optional.empty(),
                c.text("root-cert"),
                c.position());
    }

    private static String severity(MappingReader c, Problems problems) {
        String severity = c.text("severity").orElse("critical");
        if (!SEVERITIES.contains(severity)) {
            problems.error(
                    c.positionOf("severity"), "'severity' must be one of " + SEVERITIES + ", not '" + severity + "'");
        }
        return severity;
    }

    private static NotificationChannel.Url webhookUrl(MappingReader c, Problems problems) {
        Optional<YamlNode> node = c.node("url");
        if (node.isPresent()
                && node.get().isScalar()
                && !"prompt".equals(node.get().text().orElse(""))) {
            return new NotificationChannel.Url(url(c, "url", problems), Optional.empty());
        }
        return new NotificationChannel.Url(Optional.empty(), Optional.of(secret(c, "url", problems)));
    }

    private static Optional<String> url(MappingReader c, String key, Problems problems) {
        Optional<String> url = c.text(key);
        url.ifPresent(text -> {
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    problems.error(
                            c.positionOf(key),
                            "'" + key + "' of " + c.what() + " needs an http:// or https:// URL with a host");
                }
            } catch (URISyntaxException e) {
                problems.error(
                        c.positionOf(key), "'" + key + "' of " + c.what() + " is a malformed URL: " + e.getReason());
            }
        });
        return url;
    }

    /** {@code { env: NAME }}, {@code { file: PATH }} or {@code prompt}; a written value is refused (it would sit in a file in the clear). */
    static SecretRef secret(MappingReader c, String key, Problems problems) {
        Optional<YamlNode> node = c.node(key);
        String what = "'" + key + "' of " + c.what();
        if (node.isEmpty()) {
            problems.error(c.position(), c.what() + " needs '" + key + ":' as { env: NAME }, { file: PATH } or prompt");
            return SecretRef.prompt(key);
        }
        YamlNode value = node.get();
        if (value.isScalar()) {
            if (!"prompt".equals(value.text().orElse(""))) {
                problems.error(
                        value.position(),
                        what + " is a secret: write { env: NAME }, { file: PATH } or prompt, never the value itself");
            }
            return SecretRef.prompt(c.what().replace("'", "") + " " + key);
        }
        Optional<MappingReader> ref = MappingReader.of(value, what, Set.of("env", "file"), problems);
        if (ref.isPresent() && ref.get().has("env")) {
            return new SecretRef(SecretRef.Source.ENVIRONMENT, ref.get().requiredText("env"));
        }
        if (ref.isPresent() && ref.get().has("file")) {
            return new SecretRef(SecretRef.Source.FILE, ref.get().requiredText("file"));
        }
        problems.error(value.position(), what + " needs { env: NAME }, { file: PATH } or prompt");
        return SecretRef.prompt(key);
    }

    private static List<String> kinds() {
        return Arrays.stream(NotificationChannel.Kind.values())
                .map(NotificationChannel.Kind::key)
                .toList();
    }
}
