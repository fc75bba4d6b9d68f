package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.testing.ssh.MinaSshServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An injection corpus through {@code --var}, the inventory's {@code vars:} and a remote host's output, into commands
 * run locally ({@code bash -c}) and over SSH (MINA, {@code /bin/sh -c}): every command receives exactly the value as one
 * argument (outside quotes, inside double and inside single quotes), and none of the payloads runs.
 */
class ValuesNeverBecomeCodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private List<String> corpus(Path sentinel) {
        String s = sentinel.toString();
        return List.of(
                "v1.2; touch " + s,
                "x && touch " + s,
                "x | touch " + s,
                "x || touch " + s + " &",
                "`touch " + s + "`",
                "$(touch " + s + ")",
                "'; touch " + s + "; echo '",
                "\"; touch " + s + "; echo \"",
                "line1\ntouch " + s,
                "\\$(touch " + s + ")\\",
                ") ; touch " + s + " ; (",
                "*",
                "/*/*",
                "-rf",
                "--help",
                "${HOME} $PATH",
                "a  b\tc",
                "it's",
                "$'\\x41'",
                "~root",
                "# not a comment",
                "$((1+1))",
                "> " + s);
    }

    @Test
    void hostileValuesReachLocalAndRemoteCommandsAsExactlyOneArgument() throws Exception {
        Path sentinel = dir.resolve("pwned");
        List<String> values = corpus(sentinel);
        Path out = Files.createDirectories(dir.resolve("out"));
        try (MinaSshServer server = MinaSshServer.start(dir.resolve("server"))) {
            Path userHome = Files.createDirectories(dir.resolve("user/.ssh")).getParent();
            Files.writeString(userHome.resolve(".ssh/known_hosts"), server.knownHostsLine() + "\n");
            Path runbook = Files.writeString(dir.resolve("corpus.runbook.yaml"), runbook(values.size(), out));
            Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");
            Map<String, String> environment =
                    Map.of("HOME", userHome.toString(), "USER", System.getProperty("user.name"));
            String host = "hosts:\n  app1: { address: 127.0.0.1, port: %d, user: %s, identity: %s, groups: [app] }\n"
                    .formatted(
                            server.port(),
                            System.getProperty("user.name"),
                            JSON.writeValueAsString(server.userKey().toString()));

            // through --var
            Path plainInventory = Files.writeString(dir.resolve("plain.inventory.yaml"), host);
            List<String> viaVar = new ArrayList<>(List.of(
                    "run",
                    runbook.toString(),
                    "--inventory",
                    plainInventory.toString(),
                    "--journal",
                    dir.resolve("j-var").toString(),
                    "--operator",
                    "Dana",
                    "--passphrase-file",
                    passphrase.toString()));
            for (int i = 0; i < values.size(); i++) {
                viaVar.addAll(List.of("--var", "v" + i + "=" + values.get(i)));
            }
            CliRun byVar = CliRun.runWith(dir.resolve("home"), environment, viaVar.toArray(String[]::new));
            assertThat(byVar.exitCode()).as(byVar.out() + byVar.err()).isZero();
            assertReceivedExactly(values, out);
            assertThat(sentinel).as("no payload ran (--var)").doesNotExist();

            // through the inventory's vars:
            deleteAll(out);
            StringBuilder vars = new StringBuilder(host).append("vars:\n");
            for (int i = 0; i < values.size(); i++) {
                vars.append("  v")
                        .append(i)
                        .append(": ")
                        .append(JSON.writeValueAsString(values.get(i)))
                        .append('\n');
            }
            Path inventory = Files.writeString(dir.resolve("vars.inventory.yaml"), vars.toString());
            CliRun byInventory = CliRun.runWith(
                    dir.resolve("home"),
                    environment,
                    "run",
                    runbook.toString(),
                    "--inventory",
                    inventory.toString(),
                    "--journal",
                    dir.resolve("j-inv").toString(),
                    "--operator",
                    "Dana",
                    "--passphrase-file",
                    passphrase.toString());
            assertThat(byInventory.exitCode())
                    .as(byInventory.out() + byInventory.err())
                    .isZero();
            assertReceivedExactly(values, out);
            assertThat(sentinel).as("no payload ran (inventory)").doesNotExist();
            assertThat(JournalVerifier.verify(dir.resolve("j-inv"), Optional.empty(), Optional.empty())
                            .isIntact())
                    .isTrue();
        }
    }

    @Test
    void aRawSpliceIsWarnedAboutByTheValidatorAndMarkedInTheDryRun() throws Exception {
        Path runbook = Files.writeString(dir.resolve("raw.runbook.yaml"), """
                runbook: Raw
                variables: { rollout: { description: the site's rollout command }, release: { description: a release } }
                phases:
                  - id: p
                    steps:
                      - id: canary
                        run: ${raw:rollout} 10 && echo ${release}
                        on: local
                rollback:
                  - run: echo back
                    on: local
                """);

        CliRun validate = CliRun.run(dir.resolve("home"), "runbook", "validate", runbook.toString());
        CliRun dryRun = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook.toString(),
                "--dry-run",
                "--var",
                "rollout=lb-ctl --weight",
                "--var",
                "release=2.0; reboot");

        assertThat(validate.out() + validate.err())
                .contains("step 'canary' splices ${raw:rollout} into its command as shell text, unquoted");
        assertThat(dryRun.exitCode()).as(dryRun.out() + dryRun.err()).isZero();
        assertThat(dryRun.out())
                .contains(
                        "| lb-ctl --weight 10 && echo '2.0; reboot'",
                        "! ${raw:rollout} is spliced as shell text, unquoted");
    }

    /** Per value: a local step (bare, in double quotes, in single quotes), a remote one, and a local one fed the remote's output. */
    private static String runbook(int count, Path out) {
        StringBuilder text = new StringBuilder("runbook: Injection corpus\nvariables:\n");
        for (int i = 0; i < count; i++) {
            text.append("  v").append(i).append(": { description: a hostile value }\n");
        }
        text.append("phases:\n  - id: p\n    steps:\n");
        for (int i = 0; i < count; i++) {
            String v = "${v" + i + "}";
            step(
                    text,
                    "local-" + i,
                    "local",
                    "printf '[%s]' " + v + " > " + out + "/local-" + i
                            + " && printf '[%s]' \"double " + v + "\" > " + out + "/double-" + i
                            + " && printf '[%s]' 'single " + v + "' > " + out + "/single-" + i);
            step(
                    text,
                    "remote-" + i,
                    "app",
                    "printf '[%s]' " + v + " > " + out + "/remote-" + i + " && printf '%s' " + v);
            step(
                    text,
                    "reuse-" + i,
                    "local",
                    "printf '[%s]' ${steps.remote-" + i + ".output} > " + out + "/reuse-" + i);
        }
        text.append("rollback:\n  - run: echo rollback\n    on: local\n");
        return text.toString();
    }

    private static void step(StringBuilder text, String id, String on, String command) {
        text.append("      - id: ")
                .append(id)
                .append('\n')
                .append("        run: ")
                .append(quoted(command))
                .append('\n')
                .append("        on: ")
                .append(on)
                .append('\n');
    }

    private static String quoted(String yaml) {
        try {
            return JSON.writeValueAsString(yaml);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertReceivedExactly(List<String> values, Path out) throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            softly.assertThat(Files.readString(out.resolve("local-" + i)))
                    .as("local, bare: %s", value)
                    .isEqualTo("[" + value + "]");
            softly.assertThat(Files.readString(out.resolve("double-" + i)))
                    .as("local, double quotes: %s", value)
                    .isEqualTo("[double " + value + "]");
            softly.assertThat(Files.readString(out.resolve("single-" + i)))
                    .as("local, single quotes: %s", value)
                    .isEqualTo("[single " + value + "]");
            softly.assertThat(Files.readString(out.resolve("remote-" + i)))
                    .as("over SSH: %s", value)
                    .isEqualTo("[" + value + "]");
            // a step's output is kept stripped of surrounding blanks
            softly.assertThat(Files.readString(out.resolve("reuse-" + i)))
                    .as("remote output reused locally: %s", value)
                    .isEqualTo("[" + value.strip() + "]");
        }
        softly.assertAll();
    }

    private static void deleteAll(Path out) throws Exception {
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }
}
