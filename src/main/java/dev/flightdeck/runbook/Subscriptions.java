package dev.flightdeck.runbook;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.yaml.MappingReader;
import dev.flightdeck.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which notification channels hear of which {@link LifecycleEvent}: a runbook's {@code notifications:} or the
 * settings' {@code subscribe:}, e.g. {@code alarm: [support, deployments]}.
 *
 * @param positions where each event's list was written, for messages about the channels it names
 */
public record Subscriptions(Map<LifecycleEvent, List<String>> channels, Map<LifecycleEvent, Position> positions) {

    private static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    public Subscriptions {
        Map<LifecycleEvent, List<String>> copy = new EnumMap<>(LifecycleEvent.class);
        channels.forEach((event, names) -> copy.put(event, List.copyOf(names)));
        channels = Collections.unmodifiableMap(copy);
        positions = Map.copyOf(positions);
    }

    public static Subscriptions none() {
        return new Subscriptions(Map.of(), Map.of());
    }

    /** A channel name is a word: letters, digits, '-', '_' or '.'. */
    public static boolean isChannelName(String name) {
        return CHANNEL_NAME.matcher(name).matches();
    }

    public List<String> channelsFor(LifecycleEvent event) {
        return channels.getOrDefault(event, List.of());
    }

    public boolean isEmpty() {
        return channels.values().stream().allMatch(List::isEmpty);
    }

    /** Every channel named, once. */
    public Set<String> allChannels() {
        Set<String> all = new LinkedHashSet<>();
        channels.values().forEach(all::addAll);
        return all;
    }

    /** Both subscriptions: an event goes to the channels either names, each once. */
    public Subscriptions and(Subscriptions other) {
        Map<LifecycleEvent, List<String>> merged = new EnumMap<>(LifecycleEvent.class);
        for (LifecycleEvent event : LifecycleEvent.values()) {
            Set<String> names = new LinkedHashSet<>(channelsFor(event));
            names.addAll(other.channelsFor(event));
            if (!names.isEmpty()) {
                merged.put(event, new ArrayList<>(names));
            }
        }
        Map<LifecycleEvent, Position> where = new EnumMap<>(LifecycleEvent.class);
        where.putAll(other.positions);
        where.putAll(positions);
        return new Subscriptions(merged, where);
    }

    /** Reads {@code event-key: [channel, ...]} under {@code key}; unknown events and malformed names are problems at their line. */
    public static Subscriptions read(MappingReader parent, String key, Problems problems) {
        Optional<YamlNode> node = parent.node(key);
        if (node.isEmpty() || node.get().isNull()) {
            return none();
        }
        if (!node.get().isMapping()) {
            problems.error(
                    node.get().position(),
                    "'" + key + "' must map lifecycle events (" + String.join(", ", LifecycleEvent.keys())
                            + ") to lists of channels, not " + node.get().describe());
            return none();
        }
        MappingReader events =
                new MappingReader(node.get(), "'" + key + "'", Set.copyOf(LifecycleEvent.keys()), problems);
        Map<LifecycleEvent, List<String>> channels = new EnumMap<>(LifecycleEvent.class);
        Map<LifecycleEvent, Position> positions = new EnumMap<>(LifecycleEvent.class);
        for (YamlNode.Entry entry : events.entriesInOrder()) {
            LifecycleEvent.of(entry.name()).ifPresent(event -> {
                List<String> names = events.textList(entry.name());
                for (String name : names) {
                    if (!isChannelName(name)) {
                        problems.error(
                                entry.value().position(),
                                "'" + name + "' under '" + key + "." + entry.name()
                                        + "' is not a channel name (letters, digits, '-', '_')");
                    }
                }
                channels.put(event, names);
                positions.put(event, entry.key().position());
            });
        }
        return new Subscriptions(channels, positions);
    }

    /** A problem for each channel named here that is not among {@code declared}; a warning, as the settings may declare it. */
    public void checkDeclared(Set<String> declared, String where, Problems problems) {
        channels.forEach((event, names) -> names.stream()
                .filter(name -> !declared.contains(name))
                .forEach(name -> problems.warning(
                        positions.getOrDefault(event, Position.UNKNOWN),
                        "notifications of '" + event.key() + "' go to channel '" + name + "', which " + where
                                + " does not declare" + DidYouMean.hint(name, declared))));
    }
}
