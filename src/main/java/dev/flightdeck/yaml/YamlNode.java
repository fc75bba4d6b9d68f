package dev.flightdeck.yaml;

import dev.flightdeck.diagnostic.Position;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node that remembers where it stood in the file. Loaders read these instead of plain maps
 * so that every message can name a line and column.
 */
public final class YamlNode {

    private final Node node;

    YamlNode(Node node) {
        this.node = node;
    }

    public Position position() {
        return node.getStartMark().map(YamlNode::toPosition).orElse(Position.UNKNOWN);
    }

    static Position toPosition(Mark mark) {
        return new Position(mark.getLine() + 1, mark.getColumn() + 1);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    /** True for an explicit {@code null}, {@code ~} or an empty value. */
    public boolean isNull() {
        return node instanceof ScalarNode scalar && scalar.getTag().getValue().endsWith(":null");
    }

    /** The scalar's text exactly as written (without quotes), or empty when this is not a scalar. */
    public Optional<String> text() {
        return node instanceof ScalarNode scalar ? Optional.of(scalar.getValue()) : Optional.empty();
    }

    public List<YamlNode> items() {
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream().map(YamlNode::new).toList();
        }
        return List.of();
    }

    /** Entries in file order; duplicate keys are kept so the reader can report them. */
    public List<Entry> entries() {
        if (node instanceof MappingNode mapping) {
            return mapping.getValue().stream()
                    .map(tuple -> new Entry(new YamlNode(tuple.getKeyNode()), new YamlNode(tuple.getValueNode())))
                    .toList();
        }
        return List.of();
    }

    /** What kind of value this is, in words an author understands ("a list", "a mapping", "text"). */
    public String describe() {
        if (isMapping()) {
            return "a mapping";
        }
        if (isSequence()) {
            return "a list";
        }
        return isNull() ? "nothing" : "text";
    }

    public record Entry(YamlNode key, YamlNode value) {

        public String name() {
            return key.text().orElse("");
        }
    }
}
