package dev.flightdeck.journal.redact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputCaptureTest {

    private static final char[] SECRET = "s3cret-Value-77".toCharArray();

    @Test
    void aRunawayOutputKeepsHeadAndTailWithTheElidedByteCount() {
        try (Redactor redactor = Redactor.forSecrets(List.of(SECRET))) {
            OutputCapture capture = redactor.capture(new OutputLimits(1000, 1000), false);
            StringBuilder raw = new StringBuilder();
            for (int line = 0; line < 20_000; line++) {
                String text = "line " + line + " of a runaway log\n";
                raw.append(text);
                capture.append(text);
            }
            CapturedOutput output = capture.finish();

            long total = raw.toString().getBytes(StandardCharsets.UTF_8).length;
            System.out.printf(
                    "output bounding: %d bytes in, %d chars kept, %d bytes elided%n",
                    total, output.text().length(), output.elidedBytes());
            assertThat(output.totalBytes()).isEqualTo(total);
            assertThat(output.text())
                    .startsWith("line 0 of a runaway log")
                    .endsWith("line 19999 of a runaway log\n")
                    .contains("[… " + output.elidedBytes() + " bytes of output not kept …]");
            assertThat(output.elidedBytes()).isEqualTo(total - 2000);
            assertThat(output.sha256())
                    .isEqualTo(Sha256.hex(Sha256.of(raw.toString().getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void aSecretCutInHalfByTheBoundIsStillMasked() {
        try (Redactor redactor = Redactor.forSecrets(List.of(SECRET))) {
            for (int shift = 0; shift < SECRET.length + 2; shift++) {
                OutputCapture capture = redactor.capture(new OutputLimits(100, 100), false);
                capture.append("a".repeat(100 - shift)
                        + new String(SECRET)
                        + "b".repeat(5000)
                        + new String(SECRET)
                        + "c".repeat(shift));
                String kept = capture.finish().text();
                for (int length = 4; length <= SECRET.length; length++) {
                    assertThat(kept)
                            .doesNotContain(new String(SECRET, 0, length))
                            .doesNotContain(new String(SECRET, SECRET.length - length, length));
                }
            }
        }
    }

    @Test
    void sensitiveOutputKeepsOnlySizeAndHash() {
        try (Redactor redactor = Redactor.patternsOnly()) {
            OutputCapture capture = redactor.capture(OutputLimits.defaults(), true);
            capture.append("patient: Jane Roe, DOB 1970-01-01\n");
            CapturedOutput output = capture.finish();
            assertThat(output.text()).isEmpty();
            assertThat(output.sensitive()).isTrue();
            assertThat(output.totalBytes()).isEqualTo(34);
            assertThat(output.sha256()).hasSize(64);
        }
    }

    @Test
    void commonSecretShapesAreMaskedWithoutKnowingTheirValues() {
        try (Redactor redactor = Redactor.patternsOnly()) {
            assertThat(redactor.redact("PGPASSWORD=abc123 pg_dump ehr")).isEqualTo("PGPASSWORD=******** pg_dump ehr");
            assertThat(redactor.redact("jdbc:postgresql://db/ehr?user=app&password=x9y8z7&ssl=true"))
                    .isEqualTo("jdbc:postgresql://db/ehr?user=app&password=********&ssl=true");
            assertThat(redactor.redact("postgresql://app:pw123456@db:5432/ehr"))
                    .isEqualTo("postgresql://app:********@db:5432/ehr");
            assertThat(redactor.redact("Authorization: Basic YWRtaW46c2VjcmV0")).isEqualTo("Authorization: ********");
            assertThat(redactor.redact("migration 0042 applied in 12 ms")).isEqualTo("migration 0042 applied in 12 ms");
        }
    }
}
