package dev.flightdeck.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.JournalWriter;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.runbook.RunbookDigest;
import dev.flightdeck.session.SessionEvent;
import dev.flightdeck.session.SessionEventCodec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
        UUID session = UUID.randomUUID();
        try (JournalWriter writer = Journal.create(
                journal,
                session,
                JournalFixture.PASSPHRASE,
                JournalFixture.newOperatorKey(),
                JournalFixture.fastOptions())) {
            append(
                    writer,
                    "Dana",
                    new SessionEvent.SessionOpened(
                            session.toString(),
                            "night",
                            "Night change",
                            "",
                            RunbookDigest.sha256(RUNBOOK),
                            "Dana",
                            "(none)",
                            "20261202_010000",
                            Map.of("release", "v7"),
                            SessionEvent.Mode.LIVE,
                            RUNBOOK,
                            null,
                            null));
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

    private static void append(JournalWriter writer, String actor, SessionEvent event) {
        writer.append(event.type(), actor, SessionEventCodec.encode(event));
    }
}
