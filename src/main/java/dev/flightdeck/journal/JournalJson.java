package dev.flightdeck.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;

/** The plaintext of an entry: {@code {"time":..,"type":..,"actor":..,"payload":{..}}} in UTF-8 JSON. */
public final class JournalJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalJson() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] encode(Instant time, String type, String actor, ObjectNode payload) {
        ObjectNode plaintext = MAPPER.createObjectNode()
                .put("time", time.toString())
                .put("type", type)
                .put("actor", actor);
        plaintext.set("payload", payload);
        try {
            return MAPPER.writeValueAsBytes(plaintext);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Null when the bytes are not an entry (cannot happen for an authenticated record unless the format changed). */
    public static JournalEntry decodeOrNull(long sequence, byte[] plaintext) {
        try {
            ObjectNode node = (ObjectNode) MAPPER.readTree(plaintext);
            ObjectNode payload = node.get("payload") instanceof ObjectNode object ? object : MAPPER.createObjectNode();
            return new JournalEntry(
                    sequence,
                    Instant.parse(node.get("time").asText()),
                    node.get("type").asText(),
                    node.get("actor").asText(),
                    payload);
        } catch (IOException | RuntimeException malformed) {
            return null;
        }
    }
}
