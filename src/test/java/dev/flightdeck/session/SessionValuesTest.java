package dev.flightdeck.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding for running (a missing value is an error) and for showing (a missing value stays as written). */
class SessionValuesTest {

    private final SessionValues bindings =
            new SessionValues(Map.of("conf", "/etc/clinic/app.conf", "steps.dump.file", "/backups/clinic.dump"));

    @Test
    void aTextToRunNeedsEveryValue() {
        assertThatThrownBy(() -> bindings.bind("cp ${conf} ${steps.tar.stdout}"))
                .isInstanceOf(SessionValues.UnboundVariableException.class)
                .hasMessageContaining(
                        "${steps.tar.stdout} has no value: step 'tar' has not produced it in this session");
    }

    @Test
    void aTextToShowBindsWhatIsKnownAndLeavesTheRestAsWritten() {
        assertThat(bindings.bindKnown("cp ${conf} ${steps.tar.stdout} from ${steps.dump.file}, literally $${conf}"))
                .isEqualTo("cp /etc/clinic/app.conf ${steps.tar.stdout} from /backups/clinic.dump, literally ${conf}");
        assertThat(bindings.bindKnown("an unclosed ${conf"))
                .as("shown as written, never an error")
                .isEqualTo("an unclosed ${conf");
    }
}
