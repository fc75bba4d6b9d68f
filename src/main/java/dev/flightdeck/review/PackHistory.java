package dev.flightdeck.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.session.Recorded;
import dev.flightdeck.session.SessionEventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The session's events as an evidence pack's {@code events.jsonl} carries them in the clear (its entry lines' type,
 * actor, time and payload), for checking the approvals after the pack's own verification. A line without a payload
 * (withheld from the pack) is left out.
 */
public final class PackHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PackHistory() {}

    public static List<Recorded> read(Path pack) throws IOException {
        List<Recorded> history = new ArrayList<>();
        for (String line : Files.readAllLines(pack.resolve(EvidencePack.EVENTS), StandardCharsets.UTF_8)) {
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (IOException damaged) {
                continue; // the pack's own verification names the damaged line
            }
            if (!"record".equals(node.path("kind").asText())
                    || !"entry".equals(node.path("frame").asText())
                    || !(node.get("payload") instanceof ObjectNode payload)) {
                continue;
            }
            try {
                SessionEventCodec.decode(node.path("type").asText(), payload)
                        .ifPresent(event -> history.add(new Recorded(
                                node.path("sequence").asLong(),
                                Instant.parse(node.path("time").asText()),
                                node.path("actor").asText(),
                                event)));
            } catch (RuntimeException unreadable) {
                // an altered payload: the pack's own verification reports it
            }
        }
        return history;
    }
}
