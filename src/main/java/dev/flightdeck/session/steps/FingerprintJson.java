package dev.flightdeck.session.steps;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.db.integrity.DataFingerprint;
import dev.flightdeck.db.integrity.TableFacts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A data fingerprint as a compact JSON output of its verify-data step, so a comparison after a crash and resume
 * (or in the rollback's verification) uses exactly the counts and hashes recorded before the change.
 */
final class FingerprintJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FingerprintJson() {}

    static String write(DataFingerprint fingerprint) {
        ObjectNode root = JSON.createObjectNode()
                .put("inventory", fingerprint.inventoryName())
                .put("database", fingerprint.database())
                .put("at", fingerprint.capturedAt().toString());
        ArrayNode tables = root.putArray("tables");
        for (TableFacts facts : fingerprint.tables().values()) {
            ObjectNode table = tables.addObject().put("table", facts.table()).put("estimated", facts.estimatedRows());
            facts.exactRows().ifPresent(rows -> table.put("rows", rows));
            facts.contentHash().ifPresent(hash -> table.put("hash", hash));
            ArrayNode columns = table.putArray("columns");
            facts.hashColumns().forEach(columns::add);
        }
        return root.toString();
    }

    static DataFingerprint read(String json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, TableFacts> tables = new LinkedHashMap<>();
            for (JsonNode table : root.get("tables")) {
                List<String> columns = new ArrayList<>();
                table.get("columns").forEach(column -> columns.add(column.asText()));
                String name = table.get("table").asText();
                tables.put(
                        name,
                        new TableFacts(
                                name,
                                table.has("rows")
                                        ? OptionalLong.of(table.get("rows").asLong())
                                        : OptionalLong.empty(),
                                table.get("estimated").asLong(),
                                table.has("hash")
                                        ? Optional.of(table.get("hash").asText())
                                        : Optional.empty(),
                                columns));
            }
            return new DataFingerprint(
                    root.get("inventory").asText(),
                    root.get("database").asText(),
                    Instant.parse(root.get("at").asText()),
                    tables);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalStateException("the recorded data fingerprint cannot be read back: " + e.getMessage(), e);
        }
    }
}
