package dev.flightdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.JournalWriter;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.PublicKeys;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review of a session that crashed mid-step: unknown outcomes, what the operator decided, skips with who and why. */
class ReviewModelTest {

    private static final String RUNBOOK = """
            runbook: Night change
            variables: { release: { description: the release } }
            phases:
              - id: change
                title: Change
                steps:
                  - id: notice
                    confirm: Users were notified
                  - id: deploy
                    title: Deploy ${release}
                    run: deploy ${release}
                    on: local
                  - id: migrate
                    run: migrate
                    on: local
                  - id: cache
                    run: warm the cache
                    on: local
                  - id: never
                    run: echo never
                    on: local
            rollback:
              - run: undeploy
                on: local
            """;

    @TempDir
    Path dir;

    @Test
    void unknownOutcomesTheOperatorsDecisionAndSkipsReadAsTheyHappened() {
        Path journal = dir.resolve("journal");
        try (JournalWriter writer =
                openedBy("Dana", journal, "night", "Night change", RUNBOOK, Map.of("release", "v7"))) {
            append(
                    writer,
                    "Dana",
                    new SessionEvent.StepIntent("notice", "confirm", 1, List.of(), "Users were notified", false));
            append(writer, "Dana", new SessionEvent.Confirmation("notice", "mail sent"));
            append(
                    writer,
                    "Dana",
                    new SessionEvent.StepOutcome(
                            "notice",
                            1,
                            SessionEvent.Status.SUCCEEDED,
                            "confirmed by Dana",
                            Map.of(),
                            List.of(),
                            0,
                            false));
            append(
                    writer,
                    "Dana",
                    new SessionEvent.StepIntent("deploy", "run", 1, List.of("this computer"), "deploy v7", false));
            append(
                    writer,
                    "Dana",
                    new SessionEvent.StepIntent("migrate", "run", 1, List.of("this computer"), "migrate", false));
            append(writer, "Dana", new SessionEvent.SessionResumed("Dana", "the laptop crashed"));
            append(
                    writer,
                    "Dana",
                    new SessionEvent.StepOutcome(
                            "deploy",
                            1,
                            SessionEvent.Status.SUCCEEDED,
                            "checked by hand: v7 is running",
                            Map.of(),
                            List.of(),
                            0,
                            true));
            append(writer, "Sam", new SessionEvent.StepSkipped("cache", "warmed by the nightly job"));
        }
        ReviewModel model = ReviewModel.of(
                Journal.read(journal, JournalFixture.PASSPHRASE),
                JournalVerifier.verify(journal, Optional.empty(), Optional.empty()));

        List<StepRow> steps = model.phases().get(0).steps();
        assertThat(steps).extracting(StepRow::number).containsExactly("1.1", "1.2", "1.3", "1.4", "1.5");
        assertThat(steps)
                .extracting(StepRow::status)
                .containsExactly("succeeded", "succeeded", "unknown", "skipped", "not-run");
        assertThat(steps.get(0).who()).isEqualTo("confirmed by Dana");
        assertThat(steps.get(1).title()).as("this session's values").isEqualTo("Deploy v7");
        assertThat(steps.get(1).who()).isEqualTo("outcome marked by hand by Dana");
        assertThat(steps.get(1).result()).isEqualTo("checked by hand: v7 is running");
        assertThat(steps.get(2).result()).startsWith("outcome never recorded: the session stopped while it ran");
        assertThat(steps.get(3).who()).isEqualTo("skipped by Sam");
        assertThat(steps.get(3).result()).isEqualTo("skipped: warmed by the nightly job");
        assertThat(steps.get(4).result()).isEqualTo("not run");
        assertThat(model.summary().outcome()).isEqualTo("not closed");
        assertThat(model.verification().closed()).isFalse();
        assertThat(model.summary().runbookKept()).isEqualTo("kept in the journal");
        assertThat(model.rollback()).isEmpty();
        String text = String.join("\n", ReviewText.render(model));
        assertThat(text).contains("1.3   unknown ", "NOT closed");
    }

    @Test
    void aGateWhoseApprovalCannotBeVerifiedReadsAsAWarningThatSaysWhyNeverAsASuccess() {
        String runbook = """
                runbook: Gated change
                phases:
                  - id: gates
                    title: Gates
                    steps:
                      - id: typed
                        approve: { role: COMPLIANCE }
                      - id: signed
                        approve: { role: SECURITY }
                      - id: deploy
                        run: deploy
                        on: local
                rollback:
                  - run: undeploy
                    on: local
                """;
        Path journal = dir.resolve("gated");
        try (JournalWriter writer = openedBy("Dana", journal, "gated", "Gated change", runbook, Map.of())) {
            passGate(writer, "typed", new SessionEvent.Approval("typed", "Lee", "COMPLIANCE", "", "c1"));
            // signed with a key of its own, but the session recorded no roster that could say whose key it is
            OperatorKey approverKey = JournalFixture.newOperatorKey();
            passGate(
                    writer,
                    "signed",
                    new SessionEvent.Approval(
                            "signed",
                            "Sam",
                            "SECURITY",
                            "",
                            "c2",
                            PublicKeys.groupedFingerprint(approverKey.publicKey()),
                            PublicKeys.toBase64(approverKey.publicKey()),
                            Base64.getEncoder().encodeToString(new byte[64]),
                            "0".repeat(64),
                            "2026-12-02T01:05:00Z"));
        }
        ReviewModel model = ReviewModel.of(
                Journal.read(journal, JournalFixture.PASSPHRASE),
                JournalVerifier.verify(journal, Optional.empty(), Optional.empty()));

        Document html = Jsoup.parse(HtmlReport.render(model));
        Element typed = html.selectFirst("tr.step[data-step=\"1.1\"]");
        assertThat(typed.className()).isEqualTo("step unverified");
        assertThat(typed.selectFirst("td.status").text()).isEqualTo("approved, unverified");
        assertThat(typed.selectFirst("td.result div.caution").text())
                .isEqualTo("⚠ Approval not verified: Lee (COMPLIANCE) — unverified approval: a typed name, nothing the"
                        + " approver signed (no roster)");
        Element signed = html.selectFirst("tr.step[data-step=\"1.2\"]");
        assertThat(signed.className()).isEqualTo("step unverified");
        assertThat(signed.selectFirst("td.result div.caution").text())
                .isEqualTo("⚠ Approval not verified: Sam (SECURITY) — signed, but there is no roster to check the key"
                        + " against (pass --roster FILE)");
        assertThat(html.select("tr.step.succeeded"))
                .as("no gate reads as a proven success")
                .isEmpty();
        assertThat(model.phases().get(0).steps())
                .extracting(StepRow::status)
                .as("the outcome itself stands: both gates passed")
                .containsExactly("succeeded", "succeeded", "not-run");
        assertThat(String.join("\n", ReviewText.render(model)))
                .contains(
                        "1.1   approved, unverified ",
                        "approval not verified: Lee (COMPLIANCE) — unverified approval: a typed name");
    }

    /** A gate as the session journals it: the intent, the approval, then the outcome. */
    private static void passGate(JournalWriter writer, String stepId, SessionEvent.Approval approval) {
        append(writer, "Dana", new SessionEvent.StepIntent(stepId, "approve", 1, List.of(), "approval", false));
        append(writer, approval.approver(), approval);
        append(
                writer,
                "Dana",
                new SessionEvent.StepOutcome(
                        stepId,
                        1,
                        SessionEvent.Status.SUCCEEDED,
                        "approved by " + approval.approver(),
                        Map.of(),
                        List.of(),
                        0,
                        false));
    }

    /** A new journal whose first record is {@code operator} opening a live session of {@code runbook}. */
    private static JournalWriter openedBy(
            String operator, Path journal, String id, String title, String runbook, Map<String, String> values) {
        UUID session = UUID.randomUUID();
        JournalWriter writer = Journal.create(
                journal,
                session,
                JournalFixture.PASSPHRASE,
                JournalFixture.newOperatorKey(),
                JournalFixture.fastOptions());
        append(
                writer,
                operator,
                new SessionEvent.SessionOpened(
                        session.toString(),
                        id,
                        title,
                        "",
                        RunbookDigest.sha256(runbook),
                        operator,
                        "(none)",
                        "20261202_010000",
                        values,
                        SessionEvent.Mode.LIVE,
                        runbook,
                        null,
                        null));
        return writer;
    }

    private static void append(JournalWriter writer, String actor, SessionEvent event) {
        writer.append(event.type(), actor, SessionEventCodec.encode(event));
    }
}
