package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.error.JournalException;
import dev.flightdeck.journal.format.SegmentFiles;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerLossTest {

    private static final int POWER_LOSSES = 250;

    @TempDir
    Path directory;

    @Test
    void powerLossAtAnyOperationNeverLosesAnAcknowledgedRecord() throws Exception {
        OperatorKey key = JournalFixture.newOperatorKey();
        Random random = new Random(2024);
        long acknowledged = 0;
        long lost = 0;
        int reopened = 0;
        int tears = 0;
        long maxTornRecords = 0;
        int tornHeaders = 0;
        int duringSegmentCreation = 0;
        for (int loss = 0; loss < POWER_LOSSES; loss++) {
            PowerLossStorage storage = new PowerLossStorage(random, 1 + random.nextInt(40));
            JournalOptions options = JournalFixture.fastOptions().withStorage(storage);
            try (JournalWriter writer = open(key, options)) {
                while (true) {
                    acknowledged = writer.append(
                                    "step.output",
                                    "dana",
                                    JournalJson.object().put("text", "y".repeat(random.nextInt(900))))
                            .sequence();
                }
            } catch (JournalException powerLost) {
                assertThat(storage.powerLost()).as(powerLost.getMessage()).isTrue();
                duringSegmentCreation += powerLost.getMessage().contains("segment") ? 1 : 0;
            }
            storage.materialize();
            Replay replay = Journal.read(directory, JournalFixture.PASSPHRASE);
            reopened += replay.isIntact() ? 1 : 0;
            lost += Math.max(0, acknowledged - replay.lastSequence());
            tears += replay.unrecordedTornRecords() > 0 ? 1 : 0;
            tornHeaders += replay.unrecordedTears().size() - replay.unrecordedTornRecords();
            maxTornRecords = Math.max(maxTornRecords, replay.unrecordedTornRecords());
        }
        System.out.printf(
                "power loss: %d simulated losses (%d while creating a segment); reopen succeeded %d/%d; acknowledged records %d, "
                        + "lost %d; reopenings with a torn tail record %d (at most %d torn record per reopening); torn segment headers seen %d%n",
                POWER_LOSSES,
                duringSegmentCreation,
                reopened,
                POWER_LOSSES,
                acknowledged,
                lost,
                tears,
                maxTornRecords,
                tornHeaders);
        assertThat(reopened).isEqualTo(POWER_LOSSES);
        assertThat(lost).isZero();
        assertThat(maxTornRecords).isLessThanOrEqualTo(1);
        assertThat(tears).isPositive();
    }

    private JournalWriter open(OperatorKey key, JournalOptions options) throws Exception {
        if (SegmentFiles.list(directory).isEmpty()) {
            return Journal.create(directory, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, options);
        }
        return Journal.resume(directory, JournalFixture.PASSPHRASE, key, options)
                .writer();
    }
}
