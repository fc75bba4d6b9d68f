package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import dev.flightdeck.diagnostic.Problem;
import org.junit.jupiter.api.Test;

/** The {@code rollback-verification:} section: checks only, numbered V1.., errors with their line. */
class RollbackVerificationFormatTest {

    private static Parsed<Runbook> load(String verification) {
        return RunbookLoader.load("""
                runbook: Verified rollback
                phases:
                  - id: p
                    steps:
                      - id: before
                        verify-data: { database: db, tables: [patients] }
                      - id: change
                        sql: DELETE FROM patients
                        database: db
                rollback:
                  - restore: { database: db }
                rollback-verification:
                %s""".formatted(verification), "v.runbook.yaml", "v");
    }

    @Test
    void checksOfEveryAllowedKindLoadAndAreNumberedAfterTheRollback() {
        Parsed<Runbook> parsed = load("""
                  - id: health
                    http: { url: "http://127.0.0.1:1/api/health" }
                    expect: { status: 200 }
                  - sql: SELECT count(*) FROM patients
                    database: db
                    expect: { value: 3 }
                  - verify-data: { database: db, compare-to: before }
                  - run: "! grep -q ERROR /var/log/app.log"
                    on: local
                """);
        assertThat(parsed.errors()).isEmpty();
        Runbook runbook = parsed.orElseThrow();
        assertThat(runbook.rollbackVerification())
                .extracting(Step::id)
                .containsExactly("health", "verify-rollback-2", "verify-rollback-3", "verify-rollback-4");
        assertThat(runbook.numberOf("verify-rollback-3")).isEqualTo("V3");
        assertThat(runbook.step("health")).isPresent();
    }

    @Test
    void aChecklistItemOrAChangeIsNotACheckAndSaysWhatIs() {
        Parsed<Runbook> parsed = load("""
                  - confirm: Looks fine
                  - verify-data: { database: db, tables: [patients] }
                """);
        assertThat(parsed.errors())
                .extracting(Problem::toString)
                .anySatisfy(
                        text -> assertThat(text)
                                .contains(
                                        "v.runbook.yaml:13:",
                                        "rollback verification step 'verify-rollback-1' is a confirm step; the verification holds checks only"));
        assertThat(parsed.errors())
                .extracting(Problem::toString)
                .anySatisfy(text -> assertThat(text)
                        .contains(
                                "v.runbook.yaml:14:",
                                "must compare with the capture made before the change: add 'compare-to: STEP'"));
    }

    @Test
    void aCheckComparingWithAStepThatDoesNotExistIsAnError() {
        Parsed<Runbook> parsed = load("""
                  - verify-data: { database: db, compare-to: befor }
                """);
        assertThat(parsed.errors())
                .extracting(Problem::toString)
                .anySatisfy(text -> assertThat(text).contains("compares with 'befor', which is not an earlier step"));
    }
}
