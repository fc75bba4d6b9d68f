package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkdownImporterTest {

    private static Runbook imported(String markdown) {
        Parsed<Runbook> parsed =
                RunbookLoader.load(MarkdownImporter.toYaml(markdown, "doc.md"), "imported", "imported");
        assertThat(parsed.errors()).as("errors in the imported runbook").isEmpty();
        return parsed.value().orElseThrow();
    }

    private static List<Step> steps(Runbook runbook) {
        return runbook.steps().toList();
    }

    @Test
    void headingsBecomePhasesAndCheckboxesConfirmStepsWithTheirPlainText() {
        Runbook runbook = imported("""
                # Window guide
                ## Before
                - [ ] 🧪 **Testing Complete**: All tests pass
                - [x] Users notified
                ## After
                - [ ] Code coverage â‰¥ 80%
                """);
        assertThat(runbook.title()).isEqualTo("Window guide");
        assertThat(runbook.source()).isEqualTo("doc.md");
        assertThat(runbook.phases()).extracting(Phase::title).containsExactly("Before", "After");
        assertThat(steps(runbook))
                .extracting(Step::action)
                .containsExactly(
                        new StepAction.Confirm("Testing Complete: All tests pass", false),
                        new StepAction.Confirm("Users notified", false),
                        new StepAction.Confirm("Code coverage ≥ 80%", false));
    }

    @Test
    void bashBlocksWhoseCommandGroupsAreEachTitledAreCutAtTheTitlesAndRunOnTheTargetVariable() {
        Runbook runbook = imported("""
                ## Backup
                ```bash
                # 1. Full backup
                pg_dump healthcare_db > backup.sql
                tar -czf app.tar.gz /opt/app

                # 2. Tests
                npm test
                # 3. Health check
                npm run health-check
                ```
                """);
        assertThat(steps(runbook))
                .extracting(Step::title)
                .containsExactly("1. Full backup", "2. Tests", "3. Health check");
        assertThat(steps(runbook))
                .extracting(Step::action)
                .containsExactly(
                        new StepAction.Run("pg_dump healthcare_db > backup.sql\ntar -czf app.tar.gz /opt/app"),
                        new StepAction.Run("npm test"),
                        new StepAction.Run("npm run health-check"));
        assertThat(steps(runbook)).extracting(Step::target).containsOnly(Optional.of("${target}"));
        assertThat(runbook.variables()).singleElement().satisfies(variable -> {
            assertThat(variable.name()).isEqualTo("target");
            assertThat(variable.isRequired())
                    .as("the target is bound when the session starts")
                    .isTrue();
        });
    }

    @Test
    void commentsWithoutACommandAreThingsAPersonConfirms() {
        Runbook runbook = imported("""
                ## Scenario
                ```bash
                # 1. Update UserRole enum in types
                # 2. Update database schema:
                # - New test categories
                # - Reference ranges
                ```
                """);
        assertThat(steps(runbook))
                .extracting(Step::action)
                .containsExactly(
                        new StepAction.Confirm("1. Update UserRole enum in types", false),
                        new StepAction.Confirm("2. Update database schema:", false));
        assertThat(steps(runbook).get(1).description()).isEqualTo("- New test categories\n- Reference ranges");
        assertThat(runbook.variables()).isEmpty();
    }

    @Test
    void sqlBlocksBecomeStatementsOnTheDatabaseVariableTitledByTheirComments() {
        Runbook runbook = imported("""
                ## Schema
                ```sql
                -- ✅ SAFE: Adding new columns (with defaults)
                ALTER TABLE patients ADD COLUMN emergency_contact VARCHAR(100) DEFAULT '';

                -- Adding new tables
                CREATE TABLE allergies (
                    id UUID PRIMARY KEY
                );
                ```
                """);
        assertThat(steps(runbook))
                .extracting(Step::title)
                .containsExactly("SAFE: Adding new columns (with defaults)", "Adding new tables");
        assertThat(steps(runbook))
                .extracting(Step::action)
                .containsExactly(
                        new StepAction.Sql(
                                "ALTER TABLE patients ADD COLUMN emergency_contact VARCHAR(100) DEFAULT '';",
                                "${database}",
                                List.of(),
                                false),
                        new StepAction.Sql(
                                "CREATE TABLE allergies (\n    id UUID PRIMARY KEY\n);",
                                "${database}",
                                List.of(),
                                false));
        assertThat(runbook.variables()).extracting(VariableDefinition::name).containsExactly("database");
    }

    @Test
    void shellVariablesInTheDocumentStayShellVariables() throws Exception {
        Runbook runbook = imported("""
                ## Env
                ```bash
                echo ${HOME} $PGHOST
                ```
                - [ ] Checked ${HOME} is set
                """);
        StepAction.Run run = (StepAction.Run) steps(runbook).get(0).action();
        assertThat(run.command())
                .as("written as a literal, not a runbook variable")
                .isEqualTo("echo $${HOME} $PGHOST");
        assertThat(Placeholders.substitute(run.command(), name -> Optional.empty()))
                .isEqualTo("echo ${HOME} $PGHOST");
        assertThat(Placeholders.find(((StepAction.Confirm) steps(runbook).get(1).action()).text()))
                .isEmpty();
    }

    @Test
    void multiLineTextsAreWrittenAsLiteralBlocks() {
        String yaml = MarkdownImporter.toYaml("""
                ## Migrate
                ```bash
                flyway migrate -url=jdbc:postgresql://$PGHOST/$PGDATABASE \\
                  -user=$PGUSER
                ```
                """, "doc.md");
        assertThat(yaml)
                .contains(
                        "run: |-\n          flyway migrate -url=jdbc:postgresql://$PGHOST/$PGDATABASE \\\n            -user=$PGUSER\n");
    }

    @Test
    void textsThatLookLikeYamlSurviveTheRoundTrip() {
        Runbook runbook = imported("""
                ## Odd: "texts" # not a comment
                - [ ] key: value # and 'quotes' "too"
                - [ ] - dash, [brackets], {braces}, *star, &anchor, !tag, %percent, @at
                - [ ] yes
                """);
        assertThat(runbook.phases().get(0).title()).isEqualTo("Odd: \"texts\" # not a comment");
        assertThat(steps(runbook))
                .extracting(step -> ((StepAction.Confirm) step.action()).text())
                .containsExactly(
                        "key: value # and 'quotes' \"too\"",
                        "- dash, [brackets], {braces}, *star, &anchor, !tag, %percent, @at",
                        "yes");
    }

    @Test
    void otherCodeAndListsWithoutStepsBecomeOneConfirmedItemDescribedByThem() {
        Runbook runbook = imported("""
                ## Change Request Process
                ```typescript
                interface ChangeRequest { id: string }
                ```
                ## Overview
                This section only explains.
                ## Monitoring
                - Session success rate >99.5%
                - Error rates <0.1%
                ```mermaid
                graph TD
                ```
                """);
        assertThat(runbook.phases()).extracting(Phase::title).containsExactly("Change Request Process", "Monitoring");
        Step changeRequest = runbook.phases().get(0).steps().get(0);
        assertThat(changeRequest.action()).isEqualTo(new StepAction.Confirm("Change Request Process", false));
        assertThat(changeRequest.description())
                .isEqualTo(
                        "typescript (documentation, not run):\n```typescript\ninterface ChangeRequest { id: string }\n```");
        assertThat(runbook.phases().get(1).description()).startsWith("Overview\nThis section only explains.");
        assertThat(runbook.phases().get(1).steps().get(0).description())
                .contains("- Session success rate >99.5%")
                .contains("```mermaid\ngraph TD\n```");
    }

    @Test
    void idsAreUniqueReadableSlugs() {
        Runbook runbook = imported("""
                ## Checks
                - [ ] Health checks passed
                ## Checks
                - [ ] Health checks passed
                - [ ] Health checks passed
                """);
        assertThat(runbook.phases()).extracting(Phase::id).containsExactly("checks", "checks-2");
        assertThat(steps(runbook))
                .extracting(Step::id)
                .containsExactly("health-checks-passed", "health-checks-passed-2", "health-checks-passed-3");
    }

    @Test
    void aRollbackSectionBecomesTheRollbackPlanAndTriggerListsBecomeTriggers() {
        Runbook runbook = imported("""
                ## Upgrade
                ```bash
                npm run deploy
                ```
                ## Rollback Testing
                ```bash
                psql staging < rollback.sql
                ```
                ## Emergency Rollback
                ```bash
                # 1. Stop application
                sudo systemctl stop app
                ```
                ## Rollback Triggers
                - Error rate > 1% for 5 minutes
                - Response time > 2x baseline for 10 minutes
                - HIPAA compliance violations detected
                """);
        assertThat(runbook.phases()).extracting(Phase::title).containsExactly("Upgrade", "Rollback Testing");
        assertThat(runbook.rollback())
                .extracting(Step::action)
                .containsExactly(new StepAction.Run("sudo systemctl stop app"));
        assertThat(runbook.rollbackTriggers())
                .extracting(TriggerSpec::text)
                .containsExactly("error rate > 1% for 5m", "response time > 2x baseline for 10m");
        assertThat(runbook.description()).contains("HIPAA compliance violations detected");
    }

    @Test
    void aListItemBeforeABlockTitlesItsFirstCommand() {
        Runbook runbook = imported("""
                ## Phase 1
                2. **Apply Migrations**
                   ```bash
                   # Using Flyway
                   flyway migrate
                   ```
                """);
        Step step = steps(runbook).get(0);
        assertThat(step.title()).isEqualTo("Apply Migrations");
        assertThat(step.description()).isEqualTo("Using Flyway");
        assertThat(step.action()).isEqualTo(new StepAction.Run("flyway migrate"));
    }

    @Test
    void aRollbackSectionsHeadingAndWordsGoWithTheRollbackPlanNeverIntoTheRunbooksDescription() {
        String procedure = """
                ## Upgrade
                ```bash
                ./upgrade.sh
                ```
                ## Rollback
                Only when the health check fails.
                ```bash
                ./downgrade.sh
                ```
                ## Verify
                - [ ] Health check green
                """;
        Runbook withoutIntro = imported("# Upgrade the app\n" + procedure);
        Runbook withIntro = imported("# Upgrade the app\n\nThe yearly upgrade.\n\n" + procedure);

        assertThat(withoutIntro.description())
                .startsWith("Imported from doc.md.")
                .doesNotContain("Rollback", "health");
        assertThat(withIntro.description()).startsWith("The yearly upgrade.").doesNotContain("Rollback", "health");
        for (Runbook runbook : List.of(withoutIntro, withIntro)) {
            assertThat(runbook.phases()).extracting(Phase::title).containsExactly("Upgrade", "Verify");
            assertThat(runbook.phases().get(1).description()).doesNotContain("Rollback", "health");
            assertThat(runbook.rollback())
                    .singleElement()
                    .satisfies(step -> assertThat(step.description()).isEqualTo("Only when the health check fails."));
        }
    }
}
