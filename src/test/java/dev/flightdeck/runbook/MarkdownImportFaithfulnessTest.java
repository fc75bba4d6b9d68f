package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One synthetic document per way issue #21 found real runbooks mis-imported; each failed with the hand-written reader. */
class MarkdownImportFaithfulnessTest {

    private static MarkdownImporter.Result result;

    private static Runbook imported(String markdown) {
        result = MarkdownImporter.importMarkdown(markdown, "doc.md");
        Parsed<Runbook> parsed = RunbookLoader.load(result.yaml(), "imported", "imported");
        assertThat(parsed.errors())
                .as("errors in the imported runbook:\n%s", result.yaml())
                .isEmpty();
        return parsed.value().orElseThrow();
    }

    private static List<Step> steps(Runbook runbook) {
        return runbook.steps().toList();
    }

    private static List<String> commands(List<Step> steps) {
        return steps.stream()
                .filter(s -> s.action() instanceof StepAction.Run)
                .map(s -> ((StepAction.Run) s.action()).command())
                .toList();
    }

    private static String report() {
        return result.report().format("doc.md");
    }

    @Test
    void promptsAreRemovedAndOutputNeverBecomesACommand() {
        Runbook runbook = imported("""
                # Failover
                ## Check the replica
                ```console
                $ sudo -u postgres psql -c "select pg_is_in_recovery()"
                 pg_is_in_recovery
                -------------------
                 t
                (1 row)
                postgres@db2:~$ pg_ctlcluster 15 main promote
                # systemctl restart app
                ```
                ## Look
                ```
                admin@host:~$ df -h /var/lib/postgresql
                Filesystem      Size  Used Avail Use% Mounted on
                /dev/sda1        50G   20G   30G  40% /
                rm -rf /var/lib/postgresql/15/main
                ```
                """);
        assertThat(commands(steps(runbook)))
                .containsExactly(
                        "sudo -u postgres psql -c \"select pg_is_in_recovery()\"\npg_ctlcluster 15 main promote\nsystemctl restart app",
                        "df -h /var/lib/postgresql");
        assertThat(commands(steps(runbook)))
                .noneMatch(c -> c.contains("rm -rf") || c.contains("(1 row)") || c.contains("$ "));
        assertThat(steps(runbook).get(1).description()).contains("rm -rf /var/lib/postgresql/15/main");
        assertThat(report())
                .contains("doc.md:4: terminal transcript: kept 3 command line(s)")
                .contains("dropped 4 output line(s)");
    }

    @Test
    void aBlockIsOneStepInOneShellWithItsHeredocExportsAndContinuations() {
        Runbook runbook = imported("""
                ## Configure
                ```bash
                export PGDATA=/var/lib/postgresql/15/main
                cd /etc/postgresql

                # write the override
                cat > override.conf <<EOF
                max_connections = 200

                # a comment inside the heredoc
                EOF

                pg_ctl -D "$PGDATA" \\
                  reload
                ```
                """);
        assertThat(steps(runbook)).hasSize(1);
        String command = commands(steps(runbook)).get(0);
        assertThat(command)
                .startsWith("export PGDATA")
                .contains("<<EOF")
                .contains("# a comment inside the heredoc\nEOF")
                .endsWith("  reload");
        assertThat(steps(runbook).get(0).sourceLine()).contains(3);
        assertThat(report())
                .contains(
                        "kept whole as one step in one shell: 'export PGDATA=/var/lib/postgresql/15/main' carries state");
    }

    @Test
    void aOneLineFenceDoesNotSwallowTheSectionsAfterIt() {
        Runbook runbook = imported("""
                # Release
                ## Build
                Run ```make dist``` first.

                ```make dist```

                Then tag the release.
                ## Upgrade
                ```bash
                ./upgrade.sh
                ```
                ## Rollback
                ```bash
                ./downgrade.sh
                ```
                """);
        assertThat(commands(steps(runbook))).containsExactly("./upgrade.sh");
        assertThat(commands(runbook.rollback())).containsExactly("./downgrade.sh");
    }

    @Test
    void everyKindOfChecklistAndNumberedActionListBecomesSteps() {
        Runbook runbook = imported("""
                # Checklist
                ## Before
                - [ ] dash item
                * [x] star item
                1. [ ] numbered item
                2. [ ] second numbered item
                ## Steps
                1. Drain the node
                2. Upgrade the packages
                   - apt-get only
                3. Uncordon the node
                """);
        assertThat(steps(runbook))
                .extracting(s -> ((StepAction.Confirm) s.action()).text())
                .containsExactly(
                        "dash item",
                        "star item",
                        "numbered item",
                        "second numbered item",
                        "Drain the node",
                        "Upgrade the packages",
                        "Uncordon the node");
        assertThat(steps(runbook).get(5).description()).contains("apt-get only");
        assertThat(steps(runbook)).extracting(s -> s.sourceLine().orElse(0)).containsExactly(3, 4, 5, 6, 8, 9, 11);
    }

    @Test
    void frontMatterTitleBomAndOmitInTocAreHandled() {
        // the front matter's title differs from the first heading, so only a read front matter gives it
        Runbook runbook = imported("\uFEFF---\ntitle: \"Certificate rotation\"\nowner: sre\n---\n\n"
                + "# Rotating the TLS certificates\n\n## Rotate <!-- omit in toc -->\n\n- [ ] Renew the certificate\n");
        assertThat(runbook.title()).isEqualTo("Certificate rotation");
        assertThat(runbook.phases()).extracting(Phase::title).containsExactly("Rotate");
        assertThat(runbook.phases()).extracting(Phase::id).containsExactly("rotate");
        assertThat(report()).contains("removed the byte order mark").contains("from the front matter");

        Runbook withBomOnly = imported("\uFEFF# Rotate keys\n## Now\n- [ ] Rotate\n");
        assertThat(withBomOnly.title()).isEqualTo("Rotate keys");
    }

    @Test
    void anUnclosedShellFenceDoesNotTurnSqlAndAChecklistIntoShell() {
        Runbook runbook = imported("""
                ## Migrate
                ```shell
                ./stop.sh
                ```sql
                ALTER TABLE visits ADD COLUMN note text;
                ```
                - [ ] Schema checked
                """);
        assertThat(commands(steps(runbook))).containsExactly("./stop.sh");
        assertThat(steps(runbook)).extracting(Step::kind).containsExactly(StepKind.RUN, StepKind.SQL, StepKind.CONFIRM);
        assertThat(report()).contains("doc.md:4: the code block opened at line 2 is not closed");
    }

    @Test
    void rollbackSectionsAndRollbackPartsOfABlockGoToTheRollbackPlan() {
        Runbook runbook = imported("""
                # Upgrade
                ## Upgrade
                ```bash
                # Upgrade
                apt-get install -y app=2.0
                # Rollback (if needed)
                apt-get install -y app=1.9
                ```
                ## Back out
                1. Restore the snapshot
                ## Revert the config
                ```bash
                git checkout HEAD~1 -- config.yml
                ```
                """);
        assertThat(commands(steps(runbook)))
                .singleElement()
                .asString()
                .contains("app=2.0")
                .doesNotContain("app=1.9");
        assertThat(runbook.rollback()).hasSize(3);
        assertThat(commands(runbook.rollback()))
                .anyMatch(c -> c.contains("app=1.9"))
                .anyMatch(c -> c.contains("git checkout"));
        assertThat(report()).contains("'Back out' is a rollback procedure").contains("moved to the rollback plan");
    }

    @Test
    void thresholdSentencesBecomeRollbackTriggers() {
        Runbook runbook = imported("""
                # Canary
                ## Watch
                Watch the dashboards. If the error rate exceeds 2% for 5 minutes, roll back immediately.
                - Roll back if p95 latency is above 800ms for 10 minutes.
                - If the mood of the team is bad, roll back.
                """);
        assertThat(runbook.rollbackTriggers())
                .extracting(TriggerSpec::text)
                .containsExactly("error rate > 2% for 5m", "latency_p95 > 800ms for 10m");
    }

    @Test
    void alternativesBecomeOptionalStepsAfterAChoice() {
        Runbook runbook = imported("""
                # Upgrade
                ## Install
                ### Option A: packages
                ```bash
                apt-get install -y app
                ```
                ### Option B: container
                ```bash
                docker pull app:2
                ```
                ## Deploy
                === "Docker"

                    ```bash
                    docker compose up -d
                    ```

                === "NixOS"

                    ```bash
                    nixos-rebuild switch
                    ```

                ## Verify
                ```bash
                curl -f http://localhost/health
                ```
                Alternatively, check it by hand:
                ```bash
                wget -qO- http://localhost/health
                ```
                """);
        List<Step> steps = steps(runbook);
        assertThat(steps)
                .filteredOn(s -> s.action() instanceof StepAction.Run
                        && ((StepAction.Run) s.action())
                                .command()
                                .matches("apt-get.*|docker pull.*|docker compose.*|nixos.*|curl.*|wget.*"))
                .allMatch(s -> !s.required());
        assertThat(steps)
                .filteredOn(s ->
                        s.action() instanceof StepAction.Confirm c && c.text().startsWith("Choose one"))
                .hasSize(3);
        assertThat(steps).filteredOn(Step::required).extracting(Step::kind).containsOnly(StepKind.CONFIRM);
    }

    @Test
    void languagesTheRunbookCannotRunStayLabelledDocumentation() {
        Runbook runbook = imported("""
                ## Configure
                1. Set the limits in values.yaml:
                   ```yaml
                   resources:
                     limits: { memory: 2Gi }
                   ```
                2. Check the alert:
                   ```promql
                   rate(http_requests_total{code=~"5.."}[5m]) > 0.01
                   ```
                3. On Windows hosts:
                   ```powershell
                   Restart-Service -Name App
                   ```
                """);
        assertThat(steps(runbook)).extracting(Step::kind).containsOnly(StepKind.CONFIRM);
        assertThat(steps(runbook)).hasSize(3);
        assertThat(steps(runbook).get(0).description()).startsWith("YAML (documentation, not run):");
        assertThat(steps(runbook).get(1).description()).startsWith("PromQL (documentation, not run):");
        assertThat(steps(runbook).get(2).description()).startsWith("PowerShell (documentation, not run):");
    }

    @Test
    void independentTitledCommandsAreSplitAndEachStepKeepsItsSourceLine() {
        Runbook runbook = imported("""
                # Backup
                ## Backups
                ```bash
                # Dump the database
                pg_dump -Fc clinic > clinic.dump

                # Archive the uploads
                tar -czf uploads.tgz /srv/uploads
                ```
                """);
        assertThat(steps(runbook)).extracting(Step::title).containsExactly("Dump the database", "Archive the uploads");
        assertThat(steps(runbook)).extracting(s -> s.sourceLine().orElse(0)).containsExactly(4, 7);
        assertThat(report()).contains("split into 2 steps at its comment titles");
    }

    @Test
    void showPrintsDescriptionsUnlessBrief() {
        Runbook runbook = imported("""
                # Guide
                ## Checks
                Make sure nobody is logged in.

                - Users warned
                - Jobs paused
                """);
        assertThat(ChecklistPrinter.print(runbook, true)).contains("| - Users warned");
        assertThat(ChecklistPrinter.print(runbook, false)).doesNotContain("Users warned");
        assertThat(ChecklistPrinter.print(runbook, true)).contains("(source line 2)");
    }

    @Test
    void reportListsEveryJudgementInDocumentOrder() {
        imported("""
                # Guide
                ## Steps
                1. Stop the app
                ```console
                $ systemctl stop app
                ```
                ## Rollback
                1. Start the old version
                """);
        List<ImportReport.Judgement> judgements = result.report().judgements();
        assertThat(judgements).extracting(ImportReport.Judgement::line).isSorted();
        assertThat(report())
                .contains("doc.md:1: title 'Guide' taken from the first heading")
                .contains("doc.md:5: terminal transcript")
                .contains("doc.md:7: section 'Rollback' is a rollback procedure");
        assertThat(judgements)
                .as("the title, the transcript, the rollback section's list and its move, each at its line")
                .extracting(ImportReport.Judgement::line)
                .containsExactly(1, 5, 7, 7);
    }
}
