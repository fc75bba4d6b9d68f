package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerRuleParserTest {

    @Test
    void seedsWordingIsUnderstood() throws Exception {
        assertThat(TriggerRuleParser.parse("error_rate > 1% for 5m"))
                .isEqualTo(new TriggerRule.Threshold(
                        "error_rate",
                        Comparison.Operator.GREATER,
                        1,
                        TriggerRule.Unit.PERCENT,
                        Optional.of(Duration.ofMinutes(5))));
        assertThat(TriggerRuleParser.parse("Response time > 2x baseline for 10m"))
                .isEqualTo(new TriggerRule.Threshold(
                        "response_time",
                        Comparison.Operator.GREATER,
                        2,
                        TriggerRule.Unit.BASELINE_MULTIPLE,
                        Optional.of(Duration.ofMinutes(10))));
        assertThat(TriggerRuleParser.parse("Health check failures > 3 consecutive"))
                .isEqualTo(new TriggerRule.ConsecutiveFailures("health_check", 4));
        assertThat(TriggerRuleParser.parse("health fails 3 consecutive"))
                .isEqualTo(new TriggerRule.ConsecutiveFailures("health", 3));
        assertThat(TriggerRuleParser.parse("Database connection failures"))
                .isEqualTo(new TriggerRule.AnyFailure("database_connection"));
        assertThat(TriggerRuleParser.parse("performance degradation > 50%"))
                .isEqualTo(new TriggerRule.Threshold(
                        "performance_degradation",
                        Comparison.Operator.GREATER,
                        50,
                        TriggerRule.Unit.PERCENT,
                        Optional.empty()));
        assertThat(TriggerRuleParser.parse("latency_p99 >= 1500ms for 1m30s"))
                .isEqualTo(new TriggerRule.Threshold(
                        "latency_p99",
                        Comparison.Operator.GREATER_OR_EQUAL,
                        1500,
                        TriggerRule.Unit.MILLISECONDS,
                        Optional.of(Duration.ofSeconds(90))));
        assertThat(TriggerRuleParser.parse("session_success_rate < 99.5%"))
                .isEqualTo(new TriggerRule.Threshold(
                        "session_success_rate",
                        Comparison.Operator.LESS,
                        99.5,
                        TriggerRule.Unit.PERCENT,
                        Optional.empty()));
    }

    @Test
    void aRelativeRuleMayNameItsFloor() throws Exception {
        assertThat(TriggerRuleParser.parse("latency_p95 > 2x baseline at least +50ms for 20s"))
                .isEqualTo(new TriggerRule.Threshold(
                        "latency_p95",
                        Comparison.Operator.GREATER,
                        2,
                        TriggerRule.Unit.BASELINE_MULTIPLE,
                        Optional.of(Duration.ofSeconds(20)),
                        Optional.of(50.0),
                        TriggerRule.Unit.MILLISECONDS));
        assertThat(TriggerRuleParser.parse("throughput < 0.5x baseline at least 10"))
                .isEqualTo(new TriggerRule.Threshold(
                        "throughput",
                        Comparison.Operator.LESS,
                        0.5,
                        TriggerRule.Unit.BASELINE_MULTIPLE,
                        Optional.empty(),
                        Optional.of(10.0),
                        TriggerRule.Unit.NONE));
        Assertions.assertThatThrownBy(() -> TriggerRuleParser.parse("error_rate > 1% at least +1%"))
                .hasMessageContaining("is not relative to one");
        Assertions.assertThatThrownBy(() -> TriggerRuleParser.parse("latency_p95 > 2x baseline at least lots"))
                .hasMessageContaining("must be 'at least +NUMBER'");
    }

    @Test
    void aliasesMapToCollectedSignals() {
        assertThat(Signals.canonical("response_time")).contains("latency_p95");
        assertThat(Signals.canonical("health_check")).contains("health");
        assertThat(Signals.canonical("database_connection")).contains("db_connection");
        assertThat(Signals.canonical("error_rate")).contains("error_rate");
        assertThat(Signals.canonical("hipaa_score")).isEmpty();
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                  | the trigger rule is empty
            error_rate >> 1%                    | cannot read the threshold '> 1%'
            error_rate > 1% for                 | 'for' must be followed by a duration
            error_rate > 1% for five minutes    | 'five minutes' after 'for' is not a duration
            error_rate > 150%                   | a percentage cannot exceed 100%
            latency_p95 > 2x for 10m            | needs 'baseline' after the multiple
            latency_p95 > 2 times baseline      | cannot read the threshold '2 times baseline'
            > 1%                                | the rule names no signal
            error-rate > 1%                     | 'error-rate' is not a signal name
            health fails three consecutive      | 'three' is not a whole number of failures
            health fails 0 consecutive          | the failure count must be between 1 and 1000, not 0
            health failures > 3                 | a failure count is written 'SIGNAL failures > N consecutive'
            health failures < 3 consecutive     | a failure count is written
            health is bad                       | expected a comparison or a failure count
            error_rate above 1%                 | expected a comparison or a failure count
            cpu > ninety                        | cannot read the threshold 'ninety'
            """)
    void malformedRulesAreRejectedWithAReason(String rule, String reason) {
        assertThatThrownBy(() -> TriggerRuleParser.parse(rule))
                .isInstanceOf(TriggerRuleParser.InvalidRuleException.class)
                .hasMessageContaining(reason);
    }
}
