package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each file under {@code runbooks/malformed/} is wrong in one way an author could plausibly be wrong;
 * each must be rejected with a message at the right line and column that says what is wrong.
 */
class MalformedRunbookTest {

    private static final Path FOLDER = Path.of("src/test/resources/runbooks/malformed");

    @ParameterizedTest(name = "{0} -> {1}:{2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            01-syntax-error                | 7  | 6  | YAML syntax error
            02-unknown-top-level-key       | 7  | 1  | unknown key 'rollback-trigers' in the runbook (did you mean 'rollback-triggers'?)
            03-unknown-step-key            | 8  | 9  | unknown key 'timout' in step 'stop' (did you mean 'timeout'?)
            04-duplicate-step-id           | 9  | 9  | duplicate step id 'backup' (first at line 5)
            05-duplicate-phase-id          | 7  | 5  | duplicate phase id 'upgrade' (first at line 3)
            06-missing-step-id             | 5  | 9  | is missing the required key 'id'
            07-missing-phases              | 1  | 1  | missing the required key 'phases'
            08-step-without-kind           | 5  | 9  | step 'idle' says nothing to do
            09-step-with-two-kinds         | 7  | 14 | has more than one kind [confirm, run]
            10-undefined-variable          | 7  | 9  | variable '${app_dirr}' is not defined; declare it under 'variables:' (did you mean 'app_dir'?)
            11-unknown-step-reference      | 9  | 5  | refers to step 'app-backupp', which does not come before it (did you mean 'app-backup'?)
            12-unknown-step-output         | 7  | 9  | step 'dump' (backup) has no output 'path'; it has [file, sha256, size]
            13-forward-step-reference      | 5  | 9  | refers to step 'dump', which does not come before it
            14-unparsable-trigger          | 9  | 5  | rollback trigger 'error_rate >> 1% for 5m': cannot read the threshold
            15-bad-timeout                 | 8  | 18 | 'timeout' in step 'migrate' must be a duration like 30s, 10m, 4h or 1h30m, not '5 minutes'
            16-bad-trigger-duration        | 8  | 5  | 'five minutes' after 'for' is not a duration
            17-unknown-role                | 6  | 26 | unknown role 'COMPLIANCY' in step 'compliance-approval' (approve)
            18-run-without-target          | 5  | 9  | step 'stop' runs a command but says nowhere where
            19-duplicate-key               | 8  | 9  | duplicate key 'on' in step 'stop' (first at line 7)
            20-phases-not-a-list           | 2  | 9  | 'phases' in the runbook must be a list, not text
            21-sql-without-database        | 5  | 9  | step 'count' (sql) needs 'database:'
            22-unclosed-placeholder        | 5  | 9  | '${' at character 27 is never closed
            23-expectation-of-wrong-kind   | 5  | 9  | step 'health' is a run step but expects rows/value/empty (sql steps)
            24-compare-to-wrong-step       | 9  | 9  | compares with 'snap', which is not a verify-data step that captures tables
            25-bad-fan-out                 | 8  | 17 | batch 'half' in 'serial' of step 'roll' must be a count or a percentage
            26-empty-file                  | 1  | 1  | the file is empty
            27-wrong-comparison            | 8  | 26 | compares with '> many', which is not a number
            28-unknown-approval-key        | 6  | 38 | unknown key 'reson' in step 'compliance-approval' (approve) (did you mean 'reason'?)
            29-database-on-a-command       | 5  | 9  | step 'vacuum' is a run step; 'database:' beside the kind applies only to sql steps
            30-empty-phases                | 2  | 9  | the runbook has no phases
            31-timeout-on-a-checklist-item | 5  | 9  | step 'notice' is a confirm step; 'timeout' applies to steps that act
            32-baseline-window-too-long    | 6  | 19 | the window of step 'before' (baseline) must be longer than 0s and at most 4h (the readings the instruments keep), not 6h
            33-baseline-without-window     | 6  | 19 | step 'before' (baseline) is missing the required key 'window'
            34-baseline-in-the-rollback    | 9  | 5  | step 'rebaseline' captures baselines, which describe the system before the change; it belongs in a phase
            """)
    void malformedRunbookIsRejectedWithALocatedMessage(String name, int line, int column, String message)
            throws IOException {
        Path file = FOLDER.resolve(name + ".runbook.yaml");

        Parsed<Runbook> parsed = RunbookLoader.load(file);

        assertThat(parsed.isValid()).as("%s must not validate", name).isFalse();
        assertThat(parsed.errors()).as("errors of %s", name).anySatisfy(problem -> {
            assertThat(problem.position().line()).isEqualTo(line);
            assertThat(problem.position().column()).isEqualTo(column);
            assertThat(problem.message()).contains(message);
            assertThat(problem.format()).startsWith(file + ":" + line + ":" + column + ": ");
        });
    }

    @Test
    void everyMalformedFileIsCoveredByAnExpectation() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.count()).isEqualTo(34);
        }
    }

    @Test
    void allProblemsOfAFileAreReportedInOnePass() {
        String text = """
                runbook: Many mistakes
                phases:
                  - id: a
                    steps:
                      - id: one
                        run: echo ${nope}
                        timout: 5m
                      - id: one
                        confirm: again
                """;

        Parsed<Runbook> parsed = RunbookLoader.load(text, "many.runbook.yaml", "many");

        assertThat(parsed.errors())
                .extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("unknown key 'timout'"))
                .anySatisfy(m -> assertThat(m).contains("${nope}"))
                .anySatisfy(m -> assertThat(m).contains("duplicate step id 'one'"))
                .anySatisfy(m -> assertThat(m).contains("says nowhere where"));
        assertThat(parsed.problems()).extracting(p -> p.position().line()).isSorted();
    }

    @Test
    void aRunbookWithoutRollbackPlanIsValidButWarned() {
        String text = """
                runbook: No way back
                phases:
                  - id: a
                    steps:
                      - id: one
                        confirm: Users were notified
                """;

        Parsed<Runbook> parsed = RunbookLoader.load(text, "noway.runbook.yaml", "noway");

        assertThat(parsed.isValid()).isTrue();
        assertThat(parsed.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.isError()).isFalse();
            assertThat(problem.format())
                    .isEqualTo("noway.runbook.yaml:1:1: warning: the runbook has no rollback plan: "
                            + "add 'rollback:' with the steps that return the system to its state before the window");
        });
    }
}
