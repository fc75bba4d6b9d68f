package dev.flightdeck.runbook;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * Writes a runbook held as maps and lists in the order they were built. The YAML library does all quoting,
 * so no text from a document can break the file; multi-line texts (scripts, SQL) become literal blocks so
 * they read as they will run.
 */
final class RunbookYamlWriter {

    private RunbookYamlWriter() {}

    static String write(Map<String, Object> runbook) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(120)
                .build();
        return new Dump(settings, new LiteralBlockRepresenter(settings)).dumpToString(runbook);
    }

    private static final Set<String> YAML_11_BOOLEANS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false");

    /** Multi-line strings as {@code |} blocks; everything else as the standard representer does it. */
    private static final class LiteralBlockRepresenter extends StandardRepresenter {

        LiteralBlockRepresenter(DumpSettings settings) {
            super(settings);
            this.representers.put(String.class, this::representText);
        }

        private Node representText(Object data) {
            String text = (String) data;
            if (text.contains("\n")) {
                return representScalar(Tag.STR, text, ScalarStyle.LITERAL);
            }
            if (YAML_11_BOOLEANS.contains(text.toLowerCase(Locale.ROOT))) {
                // "on": a YAML 1.1 reader (PyYAML, Ansible) would read a bare on: as the boolean true
                return representScalar(Tag.STR, text, ScalarStyle.DOUBLE_QUOTED);
            }
            return new RepresentString().representData(data);
        }
    }
}
