package dev.flightdeck.rollback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The rollback decision matrix comes from its resource file (seed 004), not from code. */
class DecisionMatrixTest {

    @Test
    void theBuiltinMatrixHoldsSeed004sFiveScenarios() {
        DecisionMatrix matrix = DecisionMatrix.builtin();

        assertThat(matrix.rows())
                .extracting(DecisionMatrix.Row::scenario)
                .containsExactly(
                        "Migration fails", "App won't start", "Critical bugs", "Performance issues", "Data corruption");
        assertThat(matrix.rows().get(1))
                .isEqualTo(new DecisionMatrix.Row("App won't start", "Rollback script", "15-30 min", "Medium", "None"));
        assertThat(matrix.render()).contains("Scenario", "Rollback method", "Migration fails      Database restore");
    }

    @Test
    void aLineWithoutFiveCellsIsRefusedNamingIt() {
        assertThatThrownBy(() -> DecisionMatrix.parse("# comment\nMigration fails\tDatabase restore\n"))
                .hasMessageContaining("needs 5 tab-separated cells: Migration fails");
    }
}
