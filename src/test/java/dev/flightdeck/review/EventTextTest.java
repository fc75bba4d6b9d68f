package dev.flightdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every event type the engine writes has a reading of its own: a new type added to the codec fails here until it has one. */
class EventTextTest {

    @Test
    void everyEngineEventReadsAsItselfWithoutPlaceholders() throws Exception {
        for (Map.Entry<String, Class<? extends SessionEvent>> type :
                SessionEventCodec.types().entrySet()) {
            SessionEvent event = sample(type.getValue());
            EventText.Line line = EventText.of(event, "Dana");
            assertThat(line.category()).as(type.getKey()).isNotEqualTo("other");
            assertThat(line.title())
                    .as(type.getKey())
                    .isNotBlank()
                    .doesNotContain("null")
                    .doesNotContainPattern("(^|\\s)\\?(\\s|$)");
        }
    }

    /** An instance with a plain value in every component (first constant for enums). */
    private static SessionEvent sample(Class<? extends SessionEvent> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = Arrays.stream(components)
                .map(component -> value(component.getType()))
                .toArray();
        Constructor<? extends SessionEvent> constructor = type.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "x";
        } else if (type == int.class || type == Integer.class) {
            return 1;
        } else if (type == long.class) {
            return 1L;
        } else if (type == double.class) {
            return 1.0;
        } else if (type == boolean.class) {
            return false;
        } else if (type == List.class) {
            return List.of();
        } else if (type == Map.class) {
            return Map.of();
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
