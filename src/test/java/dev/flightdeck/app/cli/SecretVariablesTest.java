package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret given with {@code --var} (a variable whose name says secret) reaches the command, but never the journal,
 * {@code journal show} or either export; to resume, the operator gives it again and is told so when they do not.
 */
class SecretVariablesTest {

    private static final String TOKEN = "Tok3n-Value-x9";

    @TempDir
    Path dir;

    @Test
    void aSecretVariableRunsButIsNeverJournaledAndIsAskedForAgainToResume() throws IOException {
        Path marker = dir.resolve("ready");
        // the expected value is read from a file: written into the runbook, it would be journaled with the runbook
        Path expected = Files.writeString(dir.resolve("expected-token"), TOKEN);
        Path runbook = Files.writeString(dir.resolve("secret.runbook.yaml"), """
                runbook: Secret variables
                variables:
                  api_token: { description: the vendor API token }
                  release: "2.4"
                phases:
                  - id: p
                    steps:
                      - { id: use, run: "test ${api_token} = $(cat %s) && echo token-ok ${release}", on: local }
                      - { id: wait, run: "test -f %s", on: local }
                      - { id: again, run: "test ${api_token} = $(cat %s) && echo token-ok again", on: local }
                """.formatted(expected, marker, expected));
        Path journal = dir.resolve("j");

        CliRun first = flightdeck(
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--var",
                "api_token=" + TOKEN);
        assertThat(first.out()).as(first.out() + first.err()).contains("token-ok 2.4");
        assertThat(first.exitCode())
                .as("the wait step fails: the session stays open")
                .isNotZero();

        Files.writeString(marker, "");
        CliRun withoutTheSecret =
                flightdeck("run", "--resume", "--journal", journal.toString(), "--operator", "Dana", "--rerun", "wait");
        assertThat(withoutTheSecret.exitCode()).isNotZero();
        assertThat(withoutTheSecret.err()).contains("api_token");

        CliRun resumed = flightdeck(
                "run",
                "--resume",
                "--journal",
                journal.toString(),
                "--operator",
                "Dana",
                "--rerun",
                "wait",
                "--var",
                "api_token=" + TOKEN);
        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("token-ok again");

        CliRun show = flightdeck("journal", "show", journal.toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        List<String> texts =
                new ArrayList<>(List.of(first.out(), first.err(), resumed.out(), resumed.err(), show.out()));
        Path export = dir.resolve("export");
        for (String format : List.of("html", "jsonl")) {
            CliRun exported = flightdeck(
                    "journal",
                    "export",
                    journal.toString(),
                    "--format",
                    format,
                    "--out",
                    export.resolve(format).toString());
            assertThat(exported.exitCode()).as(exported.out() + exported.err()).isZero();
        }
        try (Stream<Path> files = Files.walk(export)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.add(Files.readString(file));
            }
        }
        assertThat(String.join("\n", texts)).doesNotContain(TOKEN);
        assertThat(Files.readString(export.resolve("jsonl").resolve("events.jsonl")))
                .contains("<secret: not journaled>")
                .contains("release", "2.4");
        CliRun pack = flightdeck("journal", "verify", export.resolve("jsonl").toString());
        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
    }

    private CliRun flightdeck(String... args) {
        Map<String, String> environment = new HashMap<>();
        environment.put("FLIGHTDECK_PASSPHRASE", "correct horse battery staple");
        return CliRun.runWith(dir.resolve("home"), environment, args);
    }
}
