package dev.flightdeck.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.diagnostic.Parsed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real operational runbooks (structural equivalents of public documents, see {@code import-corpus/SOURCES.md}) and
 * the five seeds, imported as a new user would: for each, the phases, the kinds of steps, the rollback plan, the
 * triggers, the commands that must run and the text that must never become a command. {@code needsEdit} says,
 * honestly, what a DevOps lead would still change before running the import; the test prints how many documents
 * need no edit.
 */
class MarkdownImportCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/import-corpus");
    private static final AtomicInteger FAITHFUL = new AtomicInteger();
    private static final AtomicInteger TOTAL = new AtomicInteger();
    private static final List<String> EDITS = new ArrayList<>();

    /**
     * @param phases    the phase titles, in order
     * @param run       run steps in the phases
     * @param sql       sql steps in the phases
     * @param confirm   confirm steps in the phases
     * @param optional  optional steps (alternatives) in the phases
     * @param rollback  steps of the rollback plan
     * @param mustRun   text each of which some run step must contain
     * @param neverRun  text no run or sql step may contain (output, other languages, rollback commands run forward)
     * @param needsEdit empty when the import is a faithful checklist as it is
     */
    record Expected(
            String file,
            String title,
            List<String> phases,
            int run,
            int sql,
            int confirm,
            int optional,
            int rollback,
            List<String> triggers,
            List<String> mustRun,
            List<String> neverRun,
            String needsEdit) {}

    static Stream<Expected> documents() {
        return Stream.of(
                new Expected(
                        "01-pg-major-upgrade-docker.md",
                        "Upgrading the database image",
                        List.of(
                                "Prerequisites",
                                "Step 1: Update the image version",
                                "Step 2: Build the new image",
                                "Step 3: Upgrade the data",
                                "Step 4: Verify"),
                        5,
                        0,
                        6,
                        2,
                        1,
                        List.of(),
                        List.of("pg_upgrade -b", "pg_dumpall", "select version()"),
                        List.of("ARG PG_VERSION", "sed -i 's/PG_VERSION=17"),
                        ""),
                new Expected(
                        "02-managed-pg-upgrade.md",
                        "Postgres major version upgrade",
                        List.of("Overall procedure", "Prerequisites", "Upgrade steps"),
                        0,
                        0,
                        6,
                        0,
                        1,
                        List.of(),
                        List.of(),
                        List.of(),
                        "'Overall procedure' describes the provider's feature, yet became a step to confirm"),
                new Expected(
                        "03-cloudsql-upgrade-backup.md",
                        "In-place major upgrade, backup and rollback for Cloud SQL PostgreSQL",
                        List.of("1. Plan the upgrade", "Check the collation", "3. Back up", "4. Upgrade"),
                        4,
                        1,
                        1,
                        0,
                        1,
                        List.of(),
                        List.of("gcloud sql instances list", "backups create", "--database-version=POSTGRES_16"),
                        List.of("backups restore"),
                        ""),
                new Expected(
                        "04-k8s-upgrade-runbook.md",
                        "Production Kubernetes upgrade runbook",
                        List.of(
                                "PHASE 0 — Change control",
                                "Confirm the current state",
                                "Back up etcd",
                                "Upgrade the first control-plane node",
                                "Upgrade one worker at a time"),
                        4,
                        0,
                        1,
                        0,
                        1,
                        List.of(),
                        List.of(
                                "snapshot save /var/backups/etcd-$(date +%F).db \\\n  --cacert",
                                "kubeadm upgrade apply v1.30.4", "kubectl uncordon worker-1"),
                        List.of("etcdutl snapshot restore"),
                        ""),
                new Expected(
                        "05-kubeadm-playbook.md",
                        "Cluster upgrade runbook (control plane and nodes)",
                        List.of(
                                "Before you start",
                                "Step 1: Back up etcd",
                                "Step 2: Plan the upgrade",
                                "Step 3: Apply the upgrade",
                                "Step 4: Validate"),
                        4,
                        0,
                        1,
                        0,
                        1,
                        List.of(),
                        List.of(
                                "export ETCDCTL_API=3\netcdctl snapshot save",
                                "TARGET_VERSION=v1.26.7\nsudo kubeadm upgrade apply"),
                        List.of("etcdutl snapshot restore"),
                        ""),
                new Expected(
                        "06-library-release-checklist.md",
                        "Release Checklist",
                        List.of("Preparation", "Documentation", "Release"),
                        0,
                        0,
                        8,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        ""),
                new Expected(
                        "07-issue-template-release.md",
                        "Release v0.0",
                        List.of("Release v0.0"),
                        0,
                        0,
                        8,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        ""),
                new Expected(
                        "08-numbered-release-readme.md",
                        "08-numbered-release-readme.md",
                        List.of("clinic-web Release Checklist"),
                        0,
                        0,
                        7,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        ""),
                new Expected(
                        "09-cargo-release-checklist.md",
                        "Release Checklist",
                        List.of("Release Checklist"),
                        1,
                        0,
                        5,
                        0,
                        0,
                        List.of(),
                        List.of("cargo publish --quiet -p con_syntax\ncargo publish --quiet -p con"),
                        List.of(),
                        ""),
                new Expected(
                        "10-standby-failover-notes.md",
                        "10-standby-failover-notes.md",
                        List.of("Steps to follow", "Standby server", "Old primary"),
                        2,
                        1,
                        3,
                        0,
                        0,
                        List.of(),
                        List.of("pg_ctl stop -D $PG_DATA", "pg_ctl promote -D $PG_DATA"),
                        List.of("listen_addresses", "primary_conninfo"),
                        ""),
                new Expected(
                        "11-patroni-failover-runbook.md",
                        "RUNBOOK: Database failover",
                        List.of(
                                "Symptoms",
                                "Step 1: Check the cluster",
                                "Step 2: Fail over by hand if no leader was elected",
                                "Step 3: Check the application"),
                        3,
                        0,
                        2,
                        0,
                        1,
                        List.of(),
                        List.of("patronictl -c /etc/patroni/patroni.yml list", "failover --candidate pg-node-2"),
                        List.of("PostgresPrimaryDown", "switchover --leader"),
                        ""),
                new Expected(
                        "12-secret-rotation.md",
                        "Runbook: Secret Rotation",
                        List.of(
                                "Prerequisites",
                                "Pre-rotation checklist",
                                "Step 1: Generate a new password",
                                "Step 2: Roll the deployment"),
                        2,
                        0,
                        6,
                        0,
                        1,
                        List.of("error rate > 1% for 5m"),
                        List.of("NEW_PASSWORD=$(openssl rand -base64 32)\nkubectl create secret", "rollout status"),
                        List.of("rollout undo"),
                        ""),
                new Expected(
                        "13-manual-secret-rotation.md",
                        "Manual secret rotation runbook",
                        List.of(
                                "Prerequisites",
                                "Step 1: Generate a new password",
                                "Step 2: Update the secret manager",
                                "Step 3: Force the external secret to sync"),
                        3,
                        0,
                        1,
                        0,
                        0,
                        List.of(),
                        List.of("if [ $? -eq 0 ]; then"),
                        List.of(),
                        "$NEW_PASSWORD is set in step 1's shell and used in step 2's (reported by the import)"),
                new Expected(
                        "14-vault-rotation-numbered.md",
                        "Runbook — Secrets rotation (Vault)",
                        List.of("Runbook — Secrets rotation (Vault)"),
                        0,
                        0,
                        4,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        ""),
                new Expected(
                        "15-disaster-recovery.md",
                        "Disaster Recovery Runbook",
                        List.of("3. Restore infrastructure", "4. Restore data", "5. Switch traffic"),
                        0,
                        0,
                        3,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of("terraform"),
                        "bullet lists of actions stay one step per section, and 'terraform init' written as a paragraph is not a command"),
                new Expected(
                        "16-backup-recovery-sop.md",
                        "Backup and Recovery Runbook",
                        List.of("Procedure"),
                        0,
                        0,
                        5,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        ""),
                new Expected(
                        "17-etcd-console-notes.md",
                        "17-etcd-console-notes.md",
                        List.of("etcd cluster information", "etcd backup", "Inspect the backup"),
                        3,
                        0,
                        0,
                        0,
                        0,
                        List.of(),
                        List.of(
                                "etcdctl --endpoints=https://10.0.0.6:2379,https://10.0.0.7:2379 \\\n  --cacert",
                                "snapshot status snapshotdb"),
                        List.of("isLeader", "a44716fc", "TOTAL KEYS"),
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void importedAsExpected(Expected expected) throws IOException {
        check(expected, Files.readString(CORPUS.resolve(expected.file()), StandardCharsets.UTF_8));
    }

    static Stream<Expected> seeds() {
        String noGates =
                "approvals, backups, snapshots and waits written as prose or checklist items stay confirm steps"
                        + " (the built-in runbook has the real kinds)";
        return Stream.of(
                new Expected(
                        "000_1de117782fe5c1df.txt",
                        "System Upgrade Guide",
                        null,
                        14,
                        0,
                        17,
                        0,
                        4,
                        List.of(
                                "patient data access failures",
                                "security system failures",
                                "performance degradation >50%"),
                        List.of("pg_dump"),
                        List.of(),
                        noGates),
                new Expected(
                        "001_3b4675eba115f276.txt",
                        "Production Update & Feature Addition Guide",
                        null,
                        -1,
                        5,
                        -1,
                        -1,
                        -1,
                        List.of(),
                        List.of(),
                        List.of(),
                        noGates + "; Method A/B/C are alternatives but written as separate sections"),
                new Expected(
                        "002_b05bdab73f44703a.txt",
                        "System Maintenance Procedures",
                        null,
                        0,
                        0,
                        11,
                        0,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        "every section is TypeScript or Mermaid: one step to confirm per section"),
                new Expected(
                        "003_9f92ee8b4d5e13b4.txt",
                        "Cutover Plan: Hospital Management System Backend",
                        null,
                        -1,
                        0,
                        -1,
                        -1,
                        -1,
                        List.of(),
                        List.of(),
                        List.of(),
                        noGates),
                new Expected(
                        "004_d3ad0a4ffdeb1de6.txt",
                        "HIPAA Migration Rollback Procedures",
                        null,
                        -1,
                        0,
                        -1,
                        -1,
                        0,
                        List.of(),
                        List.of(),
                        List.of(),
                        noGates + "; the whole document is a rollback procedure, so its sections stay phases"));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void seedImportedAsExpected(Expected expected) {
        check(
                expected,
                String.join("\n", BuiltinSeedDocument.read(expected.file()).lines()));
    }

    private static void check(Expected expected, String markdown) {
        MarkdownImporter.Result result = MarkdownImporter.importMarkdown(markdown, expected.file());
        Parsed<Runbook> parsed = RunbookLoader.load(result.yaml(), "imported:" + expected.file(), "imported");
        assertThat(parsed.errors()).as("errors importing %s", expected.file()).isEmpty();
        Runbook runbook = parsed.value().orElseThrow();
        List<Step> steps = runbook.steps().toList();
        assertThat(runbook.title()).isEqualTo(expected.title());
        if (expected.phases() != null) {
            assertThat(runbook.phases()).extracting(Phase::title).containsExactlyElementsOf(expected.phases());
        }
        assertCount(steps, StepKind.RUN, expected.run(), expected.file());
        assertCount(steps, StepKind.SQL, expected.sql(), expected.file());
        assertCount(steps, StepKind.CONFIRM, expected.confirm(), expected.file());
        if (expected.optional() >= 0) {
            assertThat(steps.stream().filter(s -> !s.required()).count())
                    .as("optional steps in %s", expected.file())
                    .isEqualTo(expected.optional());
        }
        if (expected.rollback() >= 0) {
            assertThat(runbook.rollback())
                    .as("rollback plan of %s", expected.file())
                    .hasSize(expected.rollback());
        }
        assertThat(runbook.rollbackTriggers()).extracting(TriggerSpec::text).containsAll(expected.triggers());
        List<String> forward = steps.stream()
                .map(MarkdownImportCorpusTest::code)
                .flatMap(Optional::stream)
                .toList();
        for (String command : expected.mustRun()) {
            assertThat(forward)
                    .as("a step of %s runs '%s'", expected.file(), command)
                    .anyMatch(code -> code.contains(command));
        }
        for (String text : expected.neverRun()) {
            assertThat(forward)
                    .as("no step of %s runs '%s'", expected.file(), text)
                    .noneMatch(code -> code.contains(text));
        }
        assertThat(steps)
                .allMatch(
                        step -> step.sourceLine().isPresent() || step.id().equals("review"),
                        "every step has its source line");
        TOTAL.incrementAndGet();
        if (expected.needsEdit().isEmpty()) {
            FAITHFUL.incrementAndGet();
        } else {
            synchronized (EDITS) {
                EDITS.add(expected.file() + ": " + expected.needsEdit());
            }
        }
        System.out.printf(
                "corpus %s: %d phases, %d steps (%s), %d rollback steps, %d triggers, %d judgements%n",
                expected.file(),
                runbook.phases().size(),
                steps.size(),
                steps.stream().collect(Collectors.groupingBy(s -> s.kind().key(), Collectors.counting())),
                runbook.rollback().size(),
                runbook.rollbackTriggers().size(),
                result.report().judgements().size());
    }

    private static void assertCount(List<Step> steps, StepKind kind, int expected, String file) {
        if (expected >= 0) {
            assertThat(steps.stream().filter(s -> s.kind() == kind).count())
                    .as("%s steps in %s", kind.key(), file)
                    .isEqualTo(expected);
        }
    }

    private static Optional<String> code(Step step) {
        if (step.action() instanceof StepAction.Run run) {
            return Optional.of(run.command().replace("$${", "${"));
        }
        if (step.action() instanceof StepAction.Sql sql) {
            return Optional.of(sql.statement());
        }
        return Optional.empty();
    }

    @AfterAll
    static void printTheFigure() {
        System.out.printf(
                "corpus: %d of %d documents imported as a faithful checklist without edits%n",
                FAITHFUL.get(), TOTAL.get());
        EDITS.stream().sorted().forEach(edit -> System.out.println("corpus needs an edit: " + edit));
    }
}
