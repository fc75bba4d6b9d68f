package dev.flightdeck.yaml;

import dev.flightdeck.diagnostic.DidYouMean;
import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problems;
import dev.flightdeck.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML mapping against the keys it may contain. Unknown keys, duplicate keys, missing
 * required keys and values of the wrong shape are recorded as problems with their position, and
 * reading carries on so that one pass reports everything wrong in the file.
 */
public final class MappingReader {

    private final YamlNode mapping;
    private final String what;
    private final Problems problems;
    private final Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();

    /**
     * @param what how the author would name this mapping in a message, e.g. "step 'db-backup'"
     */
    public MappingReader(YamlNode mapping, String what, Set<String> allowedKeys, Problems problems) {
        this.mapping = mapping;
        this.what = what;
        this.problems = problems;
        for (YamlNode.Entry entry : mapping.entries()) {
            String key = entry.name();
            if (entries.containsKey(key)) {
                problems.error(
                        entry.key().position(),
                        "duplicate key '" + key + "' in " + what + " (first at line "
                                + entries.get(key).key().position().line() + ")");
                continue;
            }
            entries.put(key, entry);
            if (!allowedKeys.contains(key)) {
                problems.error(
                        entry.key().position(),
                        "unknown key '" + key + "' in " + what + DidYouMean.hint(key, allowedKeys));
            }
        }
    }

    /** Checks the node is a mapping before reading it; records a problem and returns empty if not. */
    public static Optional<MappingReader> of(YamlNode node, String what, Set<String> allowedKeys, Problems problems) {
        if (!node.isMapping()) {
            problems.error(node.position(), what + " must be a mapping of keys to values, not " + node.describe());
            return Optional.empty();
        }
        return Optional.of(new MappingReader(node, what, allowedKeys, problems));
    }

    public Position position() {
        return mapping.position();
    }

    public String what() {
        return what;
    }

    public Problems problems() {
        return problems;
    }

    /** The entries as written (first occurrence of each key), for mappings whose keys are names chosen by the author. */
    public Collection<YamlNode.Entry> entriesInOrder() {
        return entries.values();
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<YamlNode> node(String key) {
        return Optional.ofNullable(entries.get(key)).map(YamlNode.Entry::value);
    }

    public Position positionOf(String key) {
        return node(key).map(YamlNode::position).orElse(mapping.position());
    }

    public Optional<String> text(String key) {
        Optional<YamlNode> value = node(key);
        if (value.isEmpty() || value.get().isNull()) {
            return Optional.empty();
        }
        if (!value.get().isScalar()) {
            problems.error(
                    value.get().position(),
                    "'" + key + "' in " + what + " must be text, not "
                            + value.get().describe());
            return Optional.empty();
        }
        return value.get().text();
    }

    public String requiredText(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty() && !has(key)) {
            problems.error(mapping.position(), what + " is missing the required key '" + key + "'");
        } else if (value.isEmpty() || value.get().isBlank()) {
            if (node(key).map(YamlNode::isScalar).orElse(true)) {
                problems.error(positionOf(key), "'" + key + "' in " + what + " must not be empty");
            }
        }
        return value.orElse("");
    }

    public boolean bool(String key, boolean fallback) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return fallback;
        }
        // YAML 1.1 spellings as PyYAML and Ansible read them (true, True, TRUE, yes, Yes, YES, on ...); the JSON
        // Schema's 'flag' takes the same
        return switch (yamlBooleanSpelling(value.get())) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                problems.error(
                        positionOf(key),
                        "'" + key + "' in " + what + " must be true or false, not '" + value.get() + "'");
                yield fallback;
            }
        };
    }

    /** Lower case for true/yes/on/false/no/off written all lower, capitalized or all upper; anything else unchanged. */
    private static String yamlBooleanSpelling(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String capitalized = lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        boolean spelling =
                text.equals(lower) || text.equals(capitalized) || text.equals(lower.toUpperCase(Locale.ROOT));
        return spelling ? lower : text;
    }

    public Optional<Integer> integer(String key, int min, int max) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            int number = Integer.parseInt(value.get().trim());
            if (number < min || number > max) {
                problems.error(
                        positionOf(key),
                        "'" + key + "' in " + what + " must be between " + min + " and " + max + ", not " + number);
                return Optional.empty();
            }
            return Optional.of(number);
        } catch (NumberFormatException e) {
            problems.error(
                    positionOf(key),
                    value.get().trim().matches("[+-]?\\d+")
                            ? "'" + key + "' in " + what + " is out of range: "
                                    + shortNumber(value.get().trim()) + " is not between " + min + " and " + max
                            : "'" + key + "' in " + what + " must be a whole number, not '" + value.get() + "'");
            return Optional.empty();
        }
    }

    public Optional<Duration> duration(String key) {
        Optional<String> value = text(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Optional<Duration> parsed = Durations.parse(value.get());
        if (parsed.isEmpty()) {
            problems.error(
                    positionOf(key),
                    Durations.isOutOfRange(value.get())
                            ? "'" + key + "' in " + what + " is out of range: '" + value.get()
                                    + "' is longer than the longest duration allowed ("
                                    + Durations.format(Durations.LONGEST) + ")"
                            : "'" + key + "' in " + what + " must be " + Durations.EXPECTED + ", not '" + value.get()
                                    + "'");
        }
        return parsed;
    }

    /** A list of texts; a single text is accepted as a list of one, as authors often write it that way. */
    public List<String> textList(String key) {
        Optional<YamlNode> value = node(key);
        if (value.isEmpty() || value.get().isNull()) {
            return List.of();
        }
        if (value.get().isScalar()) {
            return List.of(value.get().text().orElse(""));
        }
        if (!value.get().isSequence()) {
            problems.error(
                    value.get().position(),
                    "'" + key + "' in " + what + " must be a list, not "
                            + value.get().describe());
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (YamlNode item : value.get().items()) {
            if (item.isScalar() && !item.isNull()) {
                texts.add(item.text().orElse(""));
            } else {
                problems.error(
                        item.position(), "items of '" + key + "' in " + what + " must be text, not " + item.describe());
            }
        }
        return texts;
    }

    /** A mapping of text to text (environment variables, headers, variables with plain values). */
    public Map<String, String> textMap(String key) {
        Optional<YamlNode> value = node(key);
        Map<String, String> result = new LinkedHashMap<>();
        if (value.isEmpty() || value.get().isNull()) {
            return result;
        }
        if (!value.get().isMapping()) {
            problems.error(
                    value.get().position(),
                    "'" + key + "' in " + what + " must be a mapping, not "
                            + value.get().describe());
            return result;
        }
        for (YamlNode.Entry entry : value.get().entries()) {
            if (entry.value().isScalar()) {
                result.put(
                        entry.name(),
                        entry.value().isNull() ? "" : entry.value().text().orElse(""));
            } else {
                problems.error(
                        entry.value().position(),
                        "'" + entry.name() + "' in '" + key + "' must be text, not "
                                + entry.value().describe());
            }
        }
        return result;
    }

    /** Items of a list-valued key; a problem if present but not a list. */
    public List<YamlNode> list(String key) {
        Optional<YamlNode> value = node(key);
        if (value.isEmpty() || value.get().isNull()) {
            return List.of();
        }
        if (!value.get().isSequence()) {
            problems.error(
                    value.get().position(),
                    "'" + key + "' in " + what + " must be a list, not "
                            + value.get().describe());
            return List.of();
        }
        return value.get().items();
    }

    private static String shortNumber(String digits) {
        return digits.length() <= 24 ? digits : digits.substring(0, 20) + "… (" + digits.length() + " digits)";
    }
}
