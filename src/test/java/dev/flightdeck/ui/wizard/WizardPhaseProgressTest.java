package dev.flightdeck.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.session.Session;
import dev.flightdeck.ui.WizardTestSessions;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The header's progress: per phase, which one is current, and where something needs attention. */
class WizardPhaseProgressTest {

    private static final String THREE_PHASES = """
            runbook: Three phases
            phases:
              - id: before
                title: Before
                steps:
                  - id: one
                    confirm: First item
                  - id: two
                    confirm: Second item
              - id: change
                title: Change
                steps:
                  - id: fail
                    run: exit 3
                    on: local
                    required: false
              - id: after
                title: After
                steps:
                  - id: last
                    confirm: Last item
            rollback:
              - confirm: Rolled back
            """;

    @TempDir
    Path dir;

    @Test
    void eachPhaseShowsItsOwnProgressAndTheCurrentOneIsNamed() throws Exception {
        try (Session session =
                WizardTestSessions.start(dir.resolve("journal"), THREE_PHASES, WizardTestSessions.localOnly())) {
            WizardViewModel wizard = new WizardViewModel(session, Runnable::run, Runnable::run, Clock.systemUTC());
            assertThat(wizard.phases())
                    .containsExactly(
                            new PhaseProgress(1, "Before", 2, 0, true, false),
                            new PhaseProgress(2, "Change", 1, 0, false, false),
                            new PhaseProgress(3, "After", 1, 0, false, false));
            assertThat(wizard.progressProperty().get()).isEqualTo("Phase 1 of 3 · Before · 0 of 4 steps done");

            session.confirm("one", "checked");
            session.confirm("two", "checked");
            session.run("fail");
            assertThat(wizard.phases().get(0)).isEqualTo(new PhaseProgress(1, "Before", 2, 2, false, false));
            assertThat(wizard.phases().get(0).done()).isTrue();
            assertThat(wizard.phases().get(1)).isEqualTo(new PhaseProgress(2, "Change", 1, 0, true, true));
            assertThat(wizard.phases().get(1).describe())
                    .isEqualTo("Phase 2: Change — 0 of 1 steps done, a step needs attention");
            assertThat(wizard.progressProperty().get()).isEqualTo("Phase 2 of 3 · Change · 2 of 4 steps done");
        }
    }
}
