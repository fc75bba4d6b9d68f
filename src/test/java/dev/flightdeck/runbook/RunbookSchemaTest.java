package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON Schema editors complete from must name exactly the keys the loader accepts. */
class RunbookSchemaTest {

    private static JsonNode schema;

    @BeforeAll
    static void readSchema() throws IOException {
        schema = new ObjectMapper().readTree(Path.of("docs/runbook.schema.json").toFile());
    }

    @Test
    void topLevelKeysMatchTheLoader() {
        assertThat(keys(schema.get("properties"))).isEqualTo(RunbookLoader.RUNBOOK_KEYS);
        assertThat(keys(schema.at("/properties/window/properties"))).isEqualTo(RunbookLoader.WINDOW_KEYS);
        assertThat(keys(schema.at("/properties/phases/items/properties"))).isEqualTo(RunbookLoader.PHASE_KEYS);
        assertThat(keys(schema.at("/properties/rollback-triggers/items/oneOf/1/properties")))
                .isEqualTo(RunbookLoader.TRIGGER_KEYS);
    }

    @Test
    void stepKeysMatchTheLoader() {
        assertThat(keys(schema.at("/$defs/step/properties"))).isEqualTo(StepReader.STEP_KEYS);
        assertThat(keys(schema.at("/$defs/step/properties/expect/properties"))).isEqualTo(StepReader.EXPECT_KEYS);
    }

    @Test
    void everyStepKindIsOneOfTheAlternatives() {
        Set<String> kinds = new HashSet<>();
        schema.at("/$defs/step/oneOf")
                .forEach(alternative ->
                        kinds.add(alternative.get("required").get(0).asText()));
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(StepKind.keys());
    }

    @Test
    void rolesMatchTheModel() {
        Set<String> roles = new HashSet<>();
        schema.at("/$defs/role/enum").forEach(role -> roles.add(role.asText()));
        assertThat(roles)
                .containsExactlyInAnyOrder(
                        Arrays.stream(Role.values()).map(Role::name).toArray(String[]::new));
    }

    @Test
    void lifecycleNotificationsMatchTheModel() {
        assertThat(keys(schema.at("/properties/notifications/properties")))
                .containsExactlyInAnyOrderElementsOf(LifecycleEvent.keys());
        assertThat(schema.at("/$defs/step/properties/notify/oneOf/1/properties/to/$ref")
                        .asText())
                .isEqualTo("#/$defs/channels");
    }

    private static Set<String> keys(JsonNode object) {
        Set<String> keys = new HashSet<>();
        object.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
