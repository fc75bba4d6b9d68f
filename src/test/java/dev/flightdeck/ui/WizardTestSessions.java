package dev.flightdeck.ui;

import dev.flightdeck.inventory.Inventory;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.runbook.Runbook;
import dev.flightdeck.runbook.RunbookLoader;
import dev.flightdeck.runbook.StepKind;
import dev.flightdeck.session.Session;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionJournals;
import dev.flightdeck.session.StepExecutor;
import dev.flightdeck.session.steps.LocalShell;
import dev.flightdeck.session.steps.RunStepExecutor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Real sessions on a real journal for UI tests. */
public final class WizardTestSessions {

    public static final String OPERATOR = "Dana Operator";

    private WizardTestSessions() {}

    /** A runbook of two checklist items, for tests that need a session but no targets. */
    public static final String TWO_CHECKS = """
            runbook: Two checks
            phases:
              - id: p
                steps:
                  - id: one
                    confirm: First item
                  - id: two
                    confirm: Second item
            rollback:
              - confirm: Rolled back
            """;

    public static Session confirmOnly(Path journal) {
        return start(journal, TWO_CHECKS, Map.of());
    }

    public static Session start(Path journal, String runbookYaml, Map<StepKind, StepExecutor> executors) {
        return start(journal, runbookYaml, executors, JournalFixture.newOperatorKey());
    }

    /** With the operator's signing key given, so that the session can be resumed with it. */
    public static Session start(
            Path journal, String runbookYaml, Map<StepKind, StepExecutor> executors, OperatorKey key) {
        Runbook runbook =
                RunbookLoader.load(runbookYaml, "test.runbook.yaml", "test").orElseThrow();
        SessionJournals.Setup setup = setup(executors, key);
        SessionEvent.SessionOpened opening = new SessionEvent.SessionOpened(
                UUID.randomUUID().toString(),
                runbook.id(),
                runbook.title(),
                "",
                "sha",
                OPERATOR,
                "(none)",
                "20261123_020000",
                Map.of(),
                SessionEvent.Mode.LIVE);
        return SessionJournals.start(journal, opening, runbook, setup);
    }

    /** Opens the session in the journal again, as the console does when its folder is chosen in the setup. */
    public static Session resume(
            Path journal, String runbookYaml, Map<StepKind, StepExecutor> executors, OperatorKey key) {
        Runbook runbook =
                RunbookLoader.load(runbookYaml, "test.runbook.yaml", "test").orElseThrow();
        return SessionJournals.resume(journal, runbook, "sha", OPERATOR, setup(executors, key), "resumed by the test");
    }

    private static SessionJournals.Setup setup(Map<StepKind, StepExecutor> executors, OperatorKey key) {
        return new SessionJournals.Setup(
                JournalFixture.PASSPHRASE.clone(),
                key,
                JournalFixture.fastOptions(),
                List.of(),
                Inventory.empty(),
                executors);
    }

    /** Executors that need nothing outside this computer: local commands. */
    public static Map<StepKind, StepExecutor> localOnly() {
        return Map.of(StepKind.RUN, new RunStepExecutor(null, null, new LocalShell()));
    }
}
