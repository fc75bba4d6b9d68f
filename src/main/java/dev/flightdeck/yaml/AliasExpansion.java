package dev.flightdeck.yaml;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * How many nodes a document would have with every alias written out, counted once per distinct node (so the count
 * itself is linear). A few aliases that nest each other ("billion laughs") expand to more than anything that reads
 * the document can walk; such a document is refused before it is read.
 */
final class AliasExpansion {

    static final long MAX_EXPANDED_NODES = 100_000;

    private AliasExpansion() {}

    static Optional<String> check(Node root) {
        Map<Node, Long> known = new IdentityHashMap<>();
        long size = size(root, known, 0);
        // what the aliases add beyond the values written in the file
        if (size > MAX_EXPANDED_NODES && size - known.size() > MAX_EXPANDED_NODES) {
            return Optional.of("the file's aliases (*name) expand to more than " + MAX_EXPANDED_NODES
                    + " values; write the values out instead of nesting aliases");
        }
        return Optional.empty();
    }

    private static long size(Node node, Map<Node, Long> known, int depth) {
        Long cached = known.get(node);
        if (cached != null) {
            return cached;
        }
        if (depth > GuardedParser.MAX_DEPTH + 1) {
            return Long.MAX_VALUE / 4;
        }
        known.put(node, Long.MAX_VALUE / 4); // a node that contains itself expands without end
        long total = 1;
        long cap = Long.MAX_VALUE / 4;
        if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                total = Math.min(cap, total + size(item, known, depth + 1));
            }
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                total = Math.min(
                        cap,
                        total
                                + size(tuple.getKeyNode(), known, depth + 1)
                                + size(tuple.getValueNode(), known, depth + 1));
            }
        }
        known.put(node, total);
        return total;
    }
}
