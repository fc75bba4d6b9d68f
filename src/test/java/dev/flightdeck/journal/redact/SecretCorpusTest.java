package dev.flightdeck.journal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.Journal;
import dev.flightdeck.journal.JournalFixture;
import dev.flightdeck.journal.JournalJson;
import dev.flightdeck.journal.JournalWriter;
import dev.flightdeck.journal.Replay;
import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.export.EvidencePack;
import dev.flightdeck.journal.verify.JournalVerifier;
import dev.flightdeck.review.HtmlReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets fed through output capture must not appear in the journal file or in either export. */
class SecretCorpusTest {

    private static final String DB_PASSWORD = "Tr0ub4dor&3xyz";
    private static final String SSH_PASSPHRASE = "purple-monkey-dishwasher-42";
    private static final String API_TOKEN = "ghp_A1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv";

    @TempDir
    Path directory;

    @Test
    void noSecretFromTheCorpusReachesTheJournalOrTheExports() throws Exception {
        String pem = privateKeyPem();
        List<String> secrets = new ArrayList<>(List.of(
                DB_PASSWORD,
                SSH_PASSPHRASE,
                API_TOKEN,
                "UnknownPg$ecret9",
                "JdbcOnlyS3cret1",
                "UrlOnlyS3cret",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl",
                "hunter2isnotsafe",
                b64(DB_PASSWORD),
                b64(SSH_PASSPHRASE),
                b64(API_TOKEN),
                b64("admin:" + DB_PASSWORD)));
        pem.lines().filter(line -> !line.startsWith("-----")).limit(6).forEach(secrets::add);
        List<String> outputs = List.of(
                "export PGPASSWORD=" + DB_PASSWORD + "\npg_dump: dumping ehr\nmigration 0042 applied",
                "PGPASSWORD=UnknownPg$ecret9 psql -h db -c 'select 1'",
                "jdbc:postgresql://db.clinic:5432/ehr?user=app&password=JdbcOnlyS3cret1&ssl=true",
                "connecting to postgresql://app:UrlOnlyS3cret@db.clinic:5432/ehr",
                "> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcHMifQ.c2lnbmF0dXJl",
                "> Authorization: Basic " + b64("admin:" + DB_PASSWORD),
                "config dump: password: hunter2isnotsafe\nkey=" + b64(SSH_PASSPHRASE) + "\ntoken " + b64(API_TOKEN),
                "echo " + API_TOKEN + " | gh auth login --with-token",
                "cat id_ed25519\n" + pem + "done",
                "x".repeat(70_000) + SSH_PASSPHRASE + "y".repeat(70_000));
        Path journal = directory.resolve("journal");
        OperatorKey key = JournalFixture.newOperatorKey();
        int chunks = writeJournal(journal, key, outputs);

        Replay replay = Journal.read(journal, JournalFixture.PASSPHRASE);
        String html;
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            // searched as a browser shows it: the template escapes &, = and quotes, which would hide a leak from
            // indexOf
            html = unescapeHtml(
                    HtmlReport.render(replay, JournalVerifier.verify(journal, Optional.empty(), Optional.of(keys))));
        }
        Path pack = directory.resolve("pack");
        EvidencePack.write(replay, key, pack);
        String jsonl = Files.readString(pack.resolve(EvidencePack.EVENTS));
        String journalBytes = allBytes(journal);

        long found = 0;
        for (String secret : secrets) {
            found += occurrences(journalBytes, secret) + occurrences(html, secret) + occurrences(jsonl, secret);
        }
        System.out.printf(
                "secret corpus: %d secrets (known values, pattern-only values, Base64 of known values, PEM key lines) in %d outputs "
                        + "captured as %d chunks; plaintext occurrences in journal file %d, HTML export %d, JSONL export %d (total %d)%n",
                secrets.size(),
                outputs.size(),
                chunks,
                secrets.stream().mapToLong(s -> occurrences(journalBytes, s)).sum(),
                secrets.stream().mapToLong(s -> occurrences(html, s)).sum(),
                secrets.stream().mapToLong(s -> occurrences(jsonl, s)).sum(),
                found);
        assertThat(found).isZero();
        assertThat(html).contains("migration 0042 applied").contains("pg_dump: dumping ehr");
        assertThat(jsonl).contains("migration 0042 applied");
    }

    private static int writeJournal(Path journal, OperatorKey key, List<String> outputs) {
        Random random = new Random(5);
        int chunks = 0;
        List<char[]> known = List.of(DB_PASSWORD.toCharArray(), SSH_PASSPHRASE.toCharArray(), API_TOKEN.toCharArray());
        try (Redactor redactor = Redactor.forSecrets(known);
                JournalWriter writer = Journal.create(
                        journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, JournalFixture.fastOptions())) {
            writer.append(
                    "step.intent",
                    "dana",
                    JournalJson.object()
                            .put("step", "dump")
                            .put("kind", "run")
                            .put("command", redactor.redact("PGPASSWORD=" + DB_PASSWORD + " pg_dump ehr")));
            for (int i = 0; i < outputs.size(); i++) {
                OutputCapture capture = redactor.capture(new OutputLimits(32 * 1024, 32 * 1024), false);
                String output = outputs.get(i);
                for (int start = 0; start < output.length(); chunks++) {
                    int end = Math.min(output.length(), start + 1 + random.nextInt(40));
                    capture.append(output.substring(start, end));
                    start = end;
                }
                writer.append(
                        "step.output",
                        "dana",
                        capture.finish()
                                .addTo(JournalJson.object()
                                        .put("step", "step-" + i)
                                        .put("host", "app-1")
                                        .put("stream", "stdout")));
            }
            writer.closeSession("session close");
        }
        return chunks;
    }

    private static String allBytes(Path journal) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(journal)) {
            for (Path file : files.toList()) {
                all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static String unescapeHtml(String html) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(html);
        String decoded = numeric.replaceAll(match -> Matcher.quoteReplacement(String.valueOf(
                (char) Integer.parseInt(match.group(2), match.group(1).isEmpty() ? 10 : 16))));
        return decoded.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static long occurrences(String text, String secret) {
        long count = 0;
        for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
            count++;
        }
        return count;
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
