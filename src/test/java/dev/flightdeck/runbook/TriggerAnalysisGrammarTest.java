package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Problem;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The analysis keys, shadow mode and canary rules of rollback triggers: read, and refused with line and column. */
class TriggerAnalysisGrammarTest {

    private static final String HEAD =
            "runbook: r\nphases:\n  - id: p\n    steps:\n      - id: s\n        confirm: ok\n"
                    + "rollback:\n  - confirm: back\nrollback-triggers:\n";

    private static List<TriggerSpec> triggers(String yaml) {
        return RunbookLoader.load(HEAD + yaml, "r.runbook.yaml", "r")
                .orElseThrow()
                .rollbackTriggers();
    }

    private static List<String> errors(String yaml) {
        return RunbookLoader.load(HEAD + yaml, "r.runbook.yaml", "r").errors().stream()
                .map(Problem::format)
                .toList();
    }

    @Test
    void analysisKeysAndShadowModeAreRead() {
        TriggerSpec spec = triggers("""
                          - when: error_rate > 5%
                            inconclusive: 1%
                            inconclusive-limit: 2
                            failure-limit: 3
                            consecutive-error-limit: 6
                            mode: shadow
                        """).get(0);
        assertThat(spec.analysis().failureLimit()).isEqualTo(OptionalInt.of(3));
        assertThat(spec.analysis().inconclusiveBound())
                .contains(new TriggerAnalysis.Amount(1, TriggerRule.Unit.PERCENT));
        assertThat(spec.analysis().inconclusiveLimit()).isEqualTo(2);
        assertThat(spec.analysis().consecutiveErrorLimit()).isEqualTo(6);
        assertThat(spec.shadow()).isTrue();
        TriggerSpec plain = triggers("  - error_rate > 5%\n").get(0);
        assertThat(plain.analysis()).isEqualTo(TriggerAnalysis.NONE);
        assertThat(plain.mode()).isEqualTo(TriggerSpec.Mode.ENFORCE);
    }

    @Test
    void aCanaryRuleComparesOneSignalAcrossTwoGroups() throws Exception {
        assertThat(TriggerRuleParser.parse("latency_p95 of canary > 1.5x latency_p95 of stable for 5m"))
                .isEqualTo(new TriggerRule.GroupComparison(
                        "latency_p95",
                        "canary",
                        Comparison.Operator.GREATER,
                        1.5,
                        "stable",
                        java.util.Optional.of(java.time.Duration.ofMinutes(5))));
        assertThat(errors("  - latency_p95 of canary > 1.5x error_rate of stable\n"))
                .singleElement()
                .asString()
                .startsWith("r.runbook.yaml:10:5: rollback trigger")
                .contains("compares latency_p95 with error_rate: a canary rule compares one signal across two groups");
        assertThat(errors("  - latency_p95 of canary > 1.5x latency_p95 of canary\n"))
                .singleElement()
                .asString()
                .contains("compares group 'canary' with itself");
        assertThat(errors("  - health of canary > 2x health of stable\n"))
                .singleElement()
                .asString()
                .contains("'health' is a check");
    }

    @Test
    void keysThatDoNotFitTheRuleAreErrorsAtTheirLine() {
        assertThat(errors("""
                          - when: error_rate > 5% for 1m
                            failure-limit: 2
                          - when: error_rate > 5%
                            inconclusive: 7%
                          - when: latency_p95 > 2s
                            inconclusive: 3%
                          - when: latency_p95 > 2x baseline
                            inconclusive: 1.5
                          - when: error_rate > 5%
                            inconclusive-limit: 3
                          - when: error_rate > 5%
                            mode: dry
                          - when: error_rate > 5%
                            consecutive-error-limit: -1
                        """))
                .containsExactly(
                        "r.runbook.yaml:11:20: 'failure-limit' counts failed measurements in the window; it cannot be "
                                + "combined with 'for' in the rule: drop one of them",
                        "r.runbook.yaml:13:19: 'inconclusive: 7%' must lie on the healthy side of the threshold 5% "
                                + "(the band runs from it to the threshold), and the rule must be a '<' or '>' comparison",
                        "r.runbook.yaml:15:19: 'inconclusive: 3%' must be written in the threshold's unit ('2s')",
                        "r.runbook.yaml:17:19: 'inconclusive' needs a rule with a fixed threshold such as 'error_rate > 5%'",
                        "r.runbook.yaml:19:25: 'inconclusive-limit' needs 'inconclusive:' (the bound of the band between "
                                + "healthy and failed)",
                        "r.runbook.yaml:21:11: 'mode' of a rollback trigger must be enforce or shadow (a dry run that "
                                + "never acts), not 'dry'",
                        "r.runbook.yaml:23:30: 'consecutive-error-limit' in rollback trigger at line 22 must be between 0 "
                                + "and 1000, not -1");
    }
}
