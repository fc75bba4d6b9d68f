package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.KdfParameters;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.OperatorKeyStore;
import dev.flightdeck.journal.error.JournalErrorCode;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.verify.JournalVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseAndKdfTest {

    @TempDir
    Path directory;

    @Test
    void productionKeyDerivationUsesAtLeast64MebibytesOfArgon2id() {
        assertThat(KdfCost.production().memoryKiB()).isGreaterThanOrEqualTo(64 * 1024);
        assertThat(KdfCost.production().withSalt(new byte[16]).isProductionStrength())
                .isTrue();
        assertThat(KdfCost.insecureForTestsOnly(64).withSalt(new byte[16]).isProductionStrength())
                .isFalse();
    }

    @Test
    void aWrongPassphraseIsRejectedWithoutProducingPlaintext() {
        Path journal = directory.resolve("journal");
        JournalFixture.writeSession(journal, JournalFixture.newOperatorKey(), 20);

        assertThatThrownBy(() -> Journal.read(journal, "correct horse battery stapler".toCharArray()))
                .isInstanceOfSatisfying(
                        JournalException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.WRONG_PASSPHRASE));
        System.out.println(
                "wrong passphrase: rejected with " + JournalErrorCode.WRONG_PASSPHRASE.code() + ", no entry returned");
    }

    @Test
    void tamperedKdfParametersAreRejectedWithAndWithoutThePassphrase() throws Exception {
        Path journal = directory.resolve("journal");
        JournalFixture.writeSession(journal, JournalFixture.newOperatorKey(), 20);
        Path segment = journal.resolve("segment-000001.fdj");
        byte[] bytes = Files.readAllBytes(segment);
        // a forger lowers the Argon2 memory cost and recomputes the header checksum so the header still parses
        SegmentHeader header = SegmentHeader.read(bytes).header();
        KdfParameters weaker = new KdfParameters(
                8,
                header.kdf().iterations(),
                header.kdf().parallelism(),
                header.kdf().salt());
        byte[] forgedHeader = new SegmentHeader(
                        header.formatVersion(),
                        header.sessionId(),
                        header.segmentIndex(),
                        header.createdAtMillis(),
                        header.firstSequence(),
                        header.previousChainHead(),
                        header.previousValidLength(),
                        weaker,
                        header.signingPublicKey(),
                        header.wrapNonce(),
                        header.wrappedDataKey())
                .encode();
        System.arraycopy(forgedHeader, 0, bytes, 0, forgedHeader.length);
        Files.write(segment, bytes);

        assertThatThrownBy(() -> Journal.read(journal, JournalFixture.PASSPHRASE))
                .isInstanceOfSatisfying(
                        JournalException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.WRONG_PASSPHRASE));
        var withoutPassphrase = JournalVerifier.verify(journal, Optional.empty(), Optional.empty());
        System.out.println("tampered KDF parameters: reading rejected; verify without passphrase: "
                + withoutPassphrase.problem().orElseThrow().describe());
        assertThat(withoutPassphrase.isIntact()).isFalse();
    }

    @Test
    void theSigningKeyOpensOnlyWithItsPassphraseAndResistsParameterTampering() throws Exception {
        OperatorKeyStore store = new OperatorKeyStore(directory.resolve("keys"));
        OperatorKey created = store.loadOrCreate(JournalFixture.PASSPHRASE, KdfCost.insecureForTestsOnly(64));
        assertThat(store.load(JournalFixture.PASSPHRASE).publicKey()).isEqualTo(created.publicKey());
        assertThat(Files.readString(store.privateKeyFile())).doesNotContain("PRIVATE");

        assertThatThrownBy(() -> store.load("wrong".toCharArray()))
                .isInstanceOfSatisfying(
                        JournalException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.WRONG_PASSPHRASE));
        ObjectNode stored =
                (ObjectNode) JournalJson.MAPPER.readTree(store.privateKeyFile().toFile());
        stored.put("memoryKiB", 16);
        Files.writeString(store.privateKeyFile(), stored.toString());
        assertThatThrownBy(() -> store.load(JournalFixture.PASSPHRASE))
                .isInstanceOfSatisfying(
                        JournalException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(JournalErrorCode.WRONG_PASSPHRASE));
    }

    @Test
    void aHeaderAlteredWithoutFixingItsChecksumIsReportedAsDamage() throws Exception {
        Path journal = directory.resolve("journal");
        JournalFixture.writeSession(journal, JournalFixture.newOperatorKey(), 10);
        byte[] bytes = Files.readAllBytes(journal.resolve("segment-000001.fdj"));
        bytes[60] ^= 1;
        var report = JournalVerifier.verify(
                "altered", List.of(new SegmentBytes("segment-000001.fdj", bytes)), Optional.empty(), Optional.empty());
        assertThat(report.problem())
                .get()
                .extracting(problem -> problem.what())
                .asString()
                .contains("checksum");
    }
}
