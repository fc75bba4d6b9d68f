package dev.flightdeck.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * People with their own keys, a roster, and approvals signed on the approver's side: {@code key create}, {@code run
 * --roster --operator-key}, {@code approve} in a separate process, {@code run --resume --approval}, and {@code journal
 * verify} listing each approval; every way a signed approval can be wrong is refused with a message saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedApprovalCommandLineTest {

    private static final String RUNBOOK = """
            runbook: Night upgrade
            phases:
              - id: prepare
                steps:
                  - id: notice
                    confirm: Users were notified
              - id: approve
                steps:
                  - id: gate
                    approve: { role: COMPLIANCE, reason: touches PHI }
                  - id: gate2
                    approve: { role: COMPLIANCE, reason: the second look }
                  - id: check
                    run: echo checked
                    on: local
            """;

    @TempDir
    Path dir;

    private Path home;
    private Path runbook;
    private Path passphrase;
    private Path roster;
    private final List<String> people = new ArrayList<>();

    @BeforeAll
    void peopleAndRoster(@TempDir Path shared) throws Exception {
        home = shared.resolve("home");
        passphrase = Files.writeString(shared.resolve("journal.pass"), "correct horse battery staple\n");
        runbook = Files.writeString(shared.resolve("night.runbook.yaml"), RUNBOOK);
        StringBuilder yaml = new StringBuilder("team: Clinic North maintenance\npeople:\n");
        for (String[] person : new String[][] {
            {"lee", "Lee Compliance", "COMPLIANCE"},
            {"kim", "Kim Compliance", "COMPLIANCE"},
            {"sam", "Sam Security", "SECURITY"},
            {"dana", "Dana Operator", "OPERATIONS, COMPLIANCE"},
            {"eve", "Eve Outsider", null}
        }) {
            Files.writeString(shared.resolve(person[0] + ".pass"), person[0] + " keeps a long own passphrase\n");
            Files.setPosixFilePermissions(
                    shared.resolve(person[0] + ".pass"), PosixFilePermissions.fromString("rw-------"));
            CliRun created = CliRun.run(
                    home,
                    "key",
                    "create",
                    "--name",
                    person[1],
                    "--out",
                    shared.resolve(person[0] + ".key").toString(),
                    "--key-passphrase-file",
                    shared.resolve(person[0] + ".pass").toString());
            assertThat(created.exitCode()).as(created.err()).isZero();
            String line = created.out().lines().reduce((a, b) -> b).orElseThrow();
            assertThat(line)
                    .matches(person[1] + " · fingerprint [0-9a-f]{4}(-[0-9a-f]{4}){3} · key MCowBQYDK2VwAyEA.{44}");
            if (person[2] != null) {
                yaml.append("  - name: ")
                        .append(person[1])
                        .append("\n    roles: [")
                        .append(person[2])
                        .append("]\n    key: ")
                        .append(line.substring(line.indexOf(" · key ") + 7))
                        .append('\n');
            }
            people.add(person[0]);
        }
        roster = Files.writeString(shared.resolve("roster.yaml"), yaml.toString());
        sharedDir = shared;
    }

    private Path sharedDir;

    private Path key(String who) {
        return sharedDir.resolve(who + ".key");
    }

    private Path pass(String who) {
        return sharedDir.resolve(who + ".pass");
    }

    private CliRun run(Path journal, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                runbook.toString(),
                "--journal",
                journal.toString(),
                "--operator",
                "Dana Operator",
                "--passphrase-file",
                passphrase.toString(),
                "--operator-key",
                key("dana").toString(),
                "--key-passphrase-file",
                pass("dana").toString(),
                "--yes"));
        args.addAll(List.of(more));
        return CliRun.run(home, args.toArray(String[]::new));
    }

    /** {@code flightdeck approve} as the approver runs it on their own machine: a separate process. */
    private ChildOutput approveInAnotherProcess(Path request, String who, Path out, String note) throws Exception {
        Process child = ChildRun.command(
                home,
                "approve",
                request.toString(),
                "--key",
                key(who).toString(),
                "--key-passphrase-file",
                pass(who).toString(),
                "--note",
                note,
                "--out",
                out.toString());
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ChildOutput(child.exitValue(), output);
    }

    private record ChildOutput(int exitCode, String output) {}

    /** The same signing in this JVM (for the refusals, which need many). */
    private Path approveHere(Path request, String who, String name) {
        Path out = dir.resolve(name);
        CliRun signed = CliRun.run(
                home,
                "approve",
                request.toString(),
                "--key",
                key(who).toString(),
                "--key-passphrase-file",
                pass(who).toString(),
                "--note",
                "checked CHG-1042",
                "--out",
                out.toString());
        assertThat(signed.exitCode()).as(signed.out() + signed.err()).isZero();
        return out;
    }

    @Test
    void anApprovalSignedInASeparateProcessOpensTheGateAndVerifyListsIt() throws Exception {
        Path journal = dir.resolve("journal");
        CliRun first = run(journal, "--roster", roster.toString());
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(3);
        Path request = journal.resolve("approval-request-gate.json");
        assertThat(first.out())
                .contains(
                        "waiting for a signed approval by COMPLIANCE (touches PHI)",
                        "Approval request gate gate · session ",
                        request.toString(),
                        "flightdeck-approval-request-v1:",
                        "flightdeck approve REQUEST --key");
        assertThat(request).exists();

        ChildOutput approver =
                approveInAnotherProcess(request, "lee", dir.resolve("lee-gate.json"), "checked CHG-1042");
        assertThat(approver.exitCode()).as(approver.output()).isZero();
        assertThat(approver.output())
                .contains(
                        "runbook:  Night upgrade (night, SHA-256 ",
                        "gate:     2.1 Approval by COMPLIANCE — touches PHI",
                        "next:     2.2 Approval by COMPLIANCE",
                        "2.3 Run: echo checked",
                        "You approve as Lee Compliance (COMPLIANCE), key ",
                        "Signed approval written to " + dir.resolve("lee-gate.json"),
                        "flightdeck-signed-approval-v1:");

        CliRun second = run(
                journal, "--resume", "--approval", dir.resolve("lee-gate.json").toString());
        assertThat(second.exitCode()).as(second.out() + second.err()).isEqualTo(3);
        assertThat(second.out())
                .contains(
                        "✓ 2.1 Approval: Approval by COMPLIANCE: approved by Lee Compliance (COMPLIANCE), signed with key ");

        // the second gate, answered by the pasted line instead of the file
        Path request2 = journal.resolve("approval-request-gate2.json");
        String pasted =
                new String(Files.readAllBytes(approveHere(request2, "kim", "kim-gate2.json")), StandardCharsets.UTF_8);
        String line = signedLine(pasted);
        CliRun third = run(journal, "--resume", "--approval", line);
        assertThat(third.exitCode()).as(third.out() + third.err()).isZero();
        assertThat(third.out())
                .contains("approved by Kim Compliance (COMPLIANCE), signed with key ", "All steps done.");

        CliRun verified = CliRun.runWith(
                home,
                java.util.Map.of("FLIGHTDECK_PASSPHRASE", "correct horse battery staple"),
                "journal",
                "verify",
                journal.toString(),
                "--decrypt");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out())
                .contains(
                        "approvals: 2, checked against the roster 'Clinic North maintenance'",
                        "recorded in the journal",
                        "  ✓ gate: Lee Compliance (COMPLIANCE), key ",
                        "  ✓ gate2: Kim Compliance (COMPLIANCE), key ",
                        "signed by Lee Compliance, who holds COMPLIANCE in the roster");

        CliRun sealed = CliRun.run(home, "journal", "verify", journal.toString());
        assertThat(sealed.out()).contains("  ? gate: Lee Compliance (COMPLIANCE), key ", "checked with --decrypt");

        // the evidence pack, signed with the key the session was run with, carries the approvals in the clear
        CliRun export = CliRun.runWith(
                home,
                java.util.Map.of("FLIGHTDECK_PASSPHRASE", "correct horse battery staple"),
                "journal",
                "export",
                journal.toString(),
                "--format",
                "jsonl",
                "--out",
                dir.resolve("pack").toString(),
                "--operator-key",
                key("dana").toString(),
                "--key-passphrase-file",
                pass("dana").toString());
        assertThat(export.exitCode()).as(export.out() + export.err()).isZero();
        CliRun pack = CliRun.run(home, "journal", "verify", dir.resolve("pack").toString());
        assertThat(pack.exitCode()).as(pack.out() + pack.err()).isZero();
        assertThat(pack.out()).contains("  ✓ gate: Lee Compliance (COMPLIANCE), key ", "  ✓ gate2: Kim Compliance");
        CliRun packJson =
                CliRun.run(home, "journal", "verify", dir.resolve("pack").toString(), "--json");
        assertThat(packJson.exitCode()).as(packJson.out() + packJson.err()).isZero();
        JsonNode approvals = new ObjectMapper().readTree(packJson.out()).get("approvals");
        assertThat(approvals.get("checkedAgainst").asText())
                .contains("the roster 'Clinic North maintenance'", "recorded in the journal");
        assertThat(approvals.get("list")).hasSize(2);
        JsonNode lee = approvals.get("list").get(0);
        assertThat(lee.get("stepId").asText()).isEqualTo("gate");
        assertThat(lee.get("approver").asText()).isEqualTo("Lee Compliance");
        assertThat(lee.get("role").asText()).isEqualTo("COMPLIANCE");
        assertThat(lee.get("keyFingerprint").asText()).isEqualTo(fingerprint("lee"));
        assertThat(lee.get("verdict").asText()).isEqualTo("VERIFIED");
        assertThat(lee.get("mark").asText()).isEqualTo("✓");
        assertThat(lee.get("reason").asText())
                .isEqualTo("signed by Lee Compliance, who holds COMPLIANCE in the roster");
        // a reviewer's own copy of the roster: the same digest, so it says it is the recorded one
        CliRun againstGiven =
                CliRun.run(home, "journal", "verify", dir.resolve("pack").toString(), "--roster", roster.toString());
        assertThat(againstGiven.out()).contains("given with --roster (the one the journal recorded)", "  ✓ gate:");
    }

    @Test
    void aRosterIsSignedByAnAdministratorAndAChangeAfterwardsOrABadRoleIsRefusedWithItsPlace() throws Exception {
        Path team = Files.writeString(dir.resolve("team.yaml"), Files.readString(roster));
        CliRun signed = CliRun.run(
                home,
                "roster",
                "sign",
                team.toString(),
                "--key",
                key("sam").toString(),
                "--key-passphrase-file",
                pass("sam").toString());
        assertThat(signed.exitCode()).as(signed.err()).isZero();
        CliRun shown = CliRun.run(home, "roster", "show", team.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out())
                .contains(
                        "Roster 'Clinic North maintenance', signed by Sam Security (" + fingerprint("sam")
                                + "): 4 people",
                        "  Lee Compliance · COMPLIANCE · key " + fingerprint("lee"));

        Files.writeString(team, Files.readString(team).replace("roles: [SECURITY]", "roles: [SECURITY, COMPLIANCE]"));
        CliRun changed = CliRun.run(home, "roster", "show", team.toString());
        assertThat(changed.exitCode()).isEqualTo(1);
        assertThat(changed.err()).contains(team + ":1:1: the roster was changed after Sam Security (");

        Path misspelt = Files.writeString(
                dir.resolve("misspelt.yaml"), Files.readString(roster).replaceFirst("COMPLIANCE", "COMPLIANT"));
        CliRun bad = CliRun.run(home, "roster", "show", misspelt.toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains(misspelt + ":4:13: unknown role 'COMPLIANT' for Lee Compliance", "COMPLIANCE");
    }

    /** Resumes the session at its gate with the approval file, expects the refusal (exit 1) and returns what it said. */
    private String refusedAtResume(Path journal, Path approval) {
        CliRun refused = run(journal, "--resume", "--approval", approval.toString());
        assertThat(refused.exitCode()).as(refused.out()).isEqualTo(1);
        return refused.out();
    }

    /** The signed approval's one-line form, as the approver would paste it into a chat. */
    private static String signedLine(String json) throws IOException {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json);
        return "flightdeck-signed-approval-v1:"
                + java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(new ObjectMapper().writeValueAsBytes(node));
    }

    @Test
    void everyWrongApprovalIsRefusedWithTheReason() throws Exception {
        Path journal = dir.resolve("refusals");
        assertThat(run(journal, "--roster", roster.toString()).exitCode()).isEqualTo(3);
        Path request = journal.resolve("approval-request-gate.json");
        String rosterRoles = "the roster's roles: COMPLIANCE: Lee Compliance (";

        assertThat(refusedAtResume(journal, approveHere(request, "dana", "dana.json")))
                .contains("approval refused: key " + fingerprint("dana") + " is the operator's own key");

        assertThat(refusedAtResume(journal, approveHere(request, "eve", "eve.json")))
                .contains(
                        "approval refused: key " + fingerprint("eve")
                                + " (Eve Outsider) is not in the roster 'Clinic North maintenance'",
                        rosterRoles);

        assertThat(refusedAtResume(journal, approveHere(request, "sam", "sam.json")))
                .contains(
                        "approval refused: key " + fingerprint("sam")
                                + " (Sam Security) does not hold the COMPLIANCE role",
                        "SECURITY: Sam Security (" + fingerprint("sam") + ")");

        Path tampered = approveHere(request, "lee", "lee-tampered.json");
        Files.writeString(tampered, Files.readString(tampered).replace("checked CHG-1042", "checked CHG-1043"));
        assertThat(refusedAtResume(journal, tampered))
                .contains("does not match the approval's content: its note, time, role or gate was changed");

        Path otherHead = dir.resolve("other-head.json");
        Files.writeString(
                otherHead,
                Files.readString(request).replaceFirst("\"chainHead\" : \"[0-9a-f]{4}", "\"chainHead\" : \"0000"));
        assertThat(refusedAtResume(journal, approveHere(otherHead, "lee", "lee-other-head.json")))
                .contains(
                        "this approval answers a request made at chain head 0000-",
                        "not the open request at gate 'gate'");

        Path otherJournal = dir.resolve("other-session");
        assertThat(run(otherJournal, "--roster", roster.toString()).exitCode()).isEqualTo(3);
        Path fromOtherSession =
                approveHere(otherJournal.resolve("approval-request-gate.json"), "lee", "lee-other.json");
        assertThat(refusedAtResume(journal, fromOtherSession)).contains("this approval was signed for another session");

        // a second COMPLIANCE person also answered gate's request; after Lee opened it, Kim's answer is replayed at
        // gate2
        Path kimForGate = approveHere(request, "kim", "kim-gate.json");
        CliRun lee = run(
                journal,
                "--resume",
                "--approval",
                approveHere(request, "lee", "lee.json").toString());
        assertThat(lee.exitCode()).as(lee.out()).isEqualTo(3);
        assertThat(refusedAtResume(journal, kimForGate))
                .contains("this approval was signed for gate 'gate', not for gate 'gate2'");

        Path edited = Files.writeString(dir.resolve("edited-team.yaml"), Files.readString(roster) + "# edited\n");
        CliRun otherRoster = run(journal, "--resume", "--roster", edited.toString());
        assertThat(otherRoster.exitCode()).isEqualTo(2);
        assertThat(otherRoster.err())
                .contains(
                        "the session was opened with the roster 'Clinic North maintenance' (SHA-256 ",
                        "a session keeps the roster it opened with");

        CliRun typed = run(journal, "--resume", "--approve", "COMPLIANCE=Kim Compliance");
        assertThat(typed.exitCode()).isEqualTo(1);
        assertThat(typed.out())
                .contains("--approve ROLE=NAME is a typed name; this session checks approvals against the roster");
    }

    @Test
    void typedApprovalsWithoutARosterAreUnverifiedInTheRunTheReportAndVerify() throws Exception {
        Path journal = dir.resolve("typed");
        CliRun typed = run(journal, "--approve", "COMPLIANCE=Lee Compliance,Kim Compliance");
        // two typed names of one role: the first opens gate, the second gate2
        assertThat(typed.exitCode()).as(typed.out() + typed.err()).isZero();
        assertThat(typed.out())
                .contains(
                        "approved by Lee Compliance (COMPLIANCE), checkpoint ",
                        "— unverified approval (no roster: a typed name, nothing the approver signed)");

        Map<String, String> passphraseVariable = Map.of("FLIGHTDECK_PASSPHRASE", "correct horse battery staple");
        CliRun decrypted =
                CliRun.runWith(home, passphraseVariable, "journal", "verify", journal.toString(), "--decrypt");
        assertThat(decrypted.exitCode()).as(decrypted.out() + decrypted.err()).isZero();
        assertThat(decrypted.out())
                .contains(
                        "approvals: 2, checked against no roster (none was recorded at the session's start)",
                        "  unverified gate: Lee Compliance (COMPLIANCE) — unverified approval: a typed name");
        CliRun sealed = CliRun.run(home, "journal", "verify", journal.toString());
        assertThat(sealed.out()).contains("  unverified gate: Lee Compliance (COMPLIANCE) — unverified approval");

        CliRun show = CliRun.runWith(home, passphraseVariable, "journal", "show", journal.toString());
        assertThat(show.out()).contains("  unverified gate: approved by Lee Compliance (COMPLIANCE) at ");
        CliRun export = CliRun.runWith(
                home,
                passphraseVariable,
                "journal",
                "export",
                journal.toString(),
                "--format",
                "html",
                "--out",
                dir.resolve("report").toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        String html = Files.readString(dir.resolve("report").resolve("journal-report.html"));
        assertThat(html)
                .contains(
                        "<tr class=\"unverified\"><td class=\"mono\">gate</td>",
                        "<strong>unverified</strong> unverified approval: a typed name",
                        "approved by Lee Compliance (COMPLIANCE) — unverified approval (no roster)");
        Document report = Jsoup.parse(html);
        assertThat(report.select("table.steps tr.step.unverified"))
                .as("both gates passed on a typed name (the first listed approves each): amber, never the green of"
                        + " a proven success")
                .extracting(row -> row.selectFirst("td.status").text() + " | "
                        + row.selectFirst("td.result div.caution").text())
                .containsExactly(
                        "approved, unverified | ⚠ Approval not verified: Lee Compliance (COMPLIANCE) — unverified"
                                + " approval: a typed name, nothing the approver signed (no roster)",
                        "approved, unverified | ⚠ Approval not verified: Lee Compliance (COMPLIANCE) — unverified"
                                + " approval: a typed name, nothing the approver signed (no roster)");
    }

    private String fingerprint(String who) {
        CliRun shown = CliRun.run(home, "key", "show", key(who).toString());
        String line = shown.out().strip();
        return line.substring(line.indexOf("fingerprint ") + 12, line.indexOf(" · key"));
    }
}
