package dev.flightdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/journal.md's event table and the session engine's codec cannot drift: same types, same payload fields, same order. */
class EventTableDocumentationTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.-]+)` \\| ([^|]*) \\|");
    private static final Pattern NAME = Pattern.compile("`([A-Za-z0-9]+)`");

    @Test
    void theDocumentedPayloadFieldsAreTheCodecsRecordComponents() throws Exception {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs/journal.md"))) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                List<String> fields = new ArrayList<>();
                Matcher name = NAME.matcher(row.group(2));
                while (name.find()) {
                    fields.add(name.group(1));
                }
                documented.put(row.group(1), fields);
            }
        }
        Map<String, Class<? extends SessionEvent>> types = SessionEventCodec.types();
        assertThat(documented)
                .as("every type the engine writes is documented")
                .containsKeys(types.keySet().toArray(String[]::new));
        types.forEach((type, eventClass) -> assertThat(documented.get(type))
                .as("payload fields of %s", type)
                .containsExactlyElementsOf(Arrays.stream(eventClass.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toList()));
        assertThat(documented.keySet())
                .as("nothing documented that the engine or the journal does not write")
                .allMatch(type -> types.containsKey(type) || type.equals("checkpoint") || type.equals("recovery"));
    }
}
