package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The secrets corpus through {@code flightdeck run}'s terminal output: secrets in step labels (the command as written),
 * in a step's output (a PEM key printed line by line included), in the dry run and in the rollback plan: zero hits.
 */
class NoSecretOnTheTerminalTest {

    @TempDir
    Path dir;

    @Test
    void noSecretFromTheCorpusReachesTheTerminal() throws Exception {
        String pem = privateKeyPem();
        List<String> secrets = new ArrayList<>(List.of(
                "Lab3lS3cret",
                "UnknownPg$ecret9",
                "JdbcOnlyS3cret1",
                "UrlOnlyS3cret",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl",
                "hunter2isnotsafe",
                "CurlS3cret",
                "OptS3cretValue",
                b64("admin:BasicS3cret")));
        pem.lines().filter(line -> !line.startsWith("-----")).forEach(secrets::add);
        List<String> outputs = List.of(
                "PGPASSWORD=UnknownPg$ecret9 psql -h db -c 'select 1'",
                "jdbc:postgresql://db.clinic:5432/ehr?user=app&password=JdbcOnlyS3cret1&ssl=true",
                "connecting to postgresql://app:UrlOnlyS3cret@db.clinic:5432/ehr",
                "> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl",
                "> Authorization: Basic " + b64("admin:BasicS3cret"),
                "config dump: password: hunter2isnotsafe",
                "cat id_ed25519\n" + pem + "done");
        StringBuilder steps = new StringBuilder();
        for (int i = 0; i < outputs.size(); i++) {
            Path file = Files.writeString(dir.resolve("out-" + i + ".txt"), outputs.get(i));
            steps.append("      - { id: show-")
                    .append(i)
                    .append(", run: \"cat ")
                    .append(file)
                    .append("\", on: local }\n");
        }
        Path runbook = Files.writeString(dir.resolve("secrets.runbook.yaml"), """
                runbook: Secrets on the terminal
                phases:
                  - id: p
                    steps:
                      - { id: label, run: "PGPASSWORD=Lab3lS3cret true", on: local }
                      - { id: curl, run: "echo would run curl -u ops:CurlS3cret https://api.local && true --password OptS3cretValue", on: local }
                %s
                rollback:
                  - { id: back, run: "PGPASSWORD=Lab3lS3cret true", on: local }
                """.formatted(steps));
        Path passphrase = Files.writeString(dir.resolve("pass"), "correct horse battery staple\n");

        CliRun dryRun = CliRun.run(dir.resolve("home"), "run", runbook.toString(), "--dry-run");
        CliRun run = CliRun.run(
                dir.resolve("home"),
                "run",
                runbook.toString(),
                "--journal",
                dir.resolve("j").toString(),
                "--operator",
                "Dana",
                "--passphrase-file",
                passphrase.toString());
        CliRun plan = CliRun.run(
                dir.resolve("home"),
                "rollback",
                "--journal",
                dir.resolve("j").toString(),
                "--operator",
                "Dana",
                "--runbook",
                runbook.toString(),
                "--passphrase-file",
                passphrase.toString(),
                "--plan");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String terminal = dryRun.out() + dryRun.err() + run.out() + run.err() + plan.out() + plan.err();
        assertThat(terminal)
                .contains("Run: PGPASSWORD=******** true", "-u ops:********", "[PEM block PRIVATE KEY removed]", "done")
                .doesNotContain("MII");
        List<String> leaked = secrets.stream().filter(terminal::contains).toList();
        System.out.printf(
                "terminal secret corpus: %d secrets through dry run, run and rollback plan: %d hits%n",
                secrets.size(), leaked.size());
        assertThat(leaked).isEmpty();
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String privateKeyPem() throws Exception {
        byte[] pkcs8 = KeyPairGenerator.getInstance("RSA")
                .generateKeyPair()
                .getPrivate()
                .getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pkcs8) + "\n-----END PRIVATE KEY-----\n";
    }
}
