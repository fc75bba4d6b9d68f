package dev.flightdeck.notify;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.inventory.NotificationChannel;
import dev.flightdeck.inventory.NotificationChannelReader;
import dev.flightdeck.runbook.Subscriptions;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's own notification settings, {@code notifications.yaml} in Flightdeck's home: {@code channels:} (the
 * same grammar as the inventory's {@code notifications:}) and {@code subscribe:} (lifecycle events to channels, like a
 * runbook's {@code notifications:}), for every session this operator runs.
 */
public record NotificationSettings(List<NotificationChannel> channels, Subscriptions subscriptions) {

    public static final String FILE_NAME = "notifications.yaml";
    static final Set<String> ROOT_KEYS = Set.of("channels", "subscribe");

    public static NotificationSettings none() {
        return new NotificationSettings(List.of(), Subscriptions.none());
    }

    /** The file if it exists; problems come back line-numbered like a runbook's. */
    public static Parsed<NotificationSettings> load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return new Parsed<>(Optional.of(none()), List.of());
        }
        return parse(YamlFile.read(file), file.toString());
    }

    public static Parsed<NotificationSettings> parse(String text, String origin) {
        Problems problems = new Problems(origin);
        Optional<NotificationSettings> settings = YamlFile.parse(text, problems)
                .flatMap(root -> MappingReader.of(root, "the notification settings", ROOT_KEYS, problems))
                .map(root -> new NotificationSettings(
                        NotificationChannelReader.read(root, "channels", problems),
                        Subscriptions.read(root, "subscribe", problems)));
        return new Parsed<>(settings, problems.sorted());
    }
}
