package dev.flightdeck.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightdeck.journal.crypto.KeyRing;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.crypto.Sha256;
import dev.flightdeck.journal.format.FrameType;
import dev.flightdeck.journal.format.JournalScanner;
import dev.flightdeck.journal.format.ScannedJournal;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import dev.flightdeck.journal.format.ScannedJournal.ScannedSegment;
import dev.flightdeck.journal.format.SegmentHeader;
import dev.flightdeck.journal.storage.DurableFile;
import dev.flightdeck.journal.storage.Storage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No (key, nonce) pair may ever repeat: audited over a million records written across 1,500 opens. */
class NonceAuditTest {

    private static final int JOURNALS = 500;
    private static final int OPENS_PER_JOURNAL = 3;
    private static final int RECORDS_PER_OPEN = 667;

    @TempDir
    Path directory;

    @Test
    void noNonceOrDataKeyRepeatsOverAMillionRecordsAndAThousandReopenings() throws IOException {
        OperatorKey key = JournalFixture.newOperatorKey();
        // durability is not under test here, and a million fsyncs would take minutes: syncing is skipped
        JournalOptions options = JournalFixture.fastOptions().withStorage(new UnsyncedStorage());
        Set<Nonce> nonces = new HashSet<>(2 * JOURNALS * OPENS_PER_JOURNAL * RECORDS_PER_OPEN);
        Set<String> dataKeys = new HashSet<>();
        long records = 0;
        long repeats = 0;
        long started = System.nanoTime();
        try (KeyRing keys = new KeyRing(JournalFixture.PASSPHRASE)) {
            for (int number = 0; number < JOURNALS; number++) {
                Path journal = directory.resolve("journal-" + number);
                writeJournal(journal, key, options);
                ScannedJournal scan = JournalScanner.scan(JournalFixture.segments(journal));
                for (ScannedFrame frame : scan.frames()) {
                    if (frame.type() == FrameType.ENTRY) {
                        records++;
                        repeats += nonces.add(Nonce.of(frame.body())) ? 0 : 1;
                    }
                }
                for (ScannedSegment segment : scan.segments()) {
                    dataKeys.add(dataKey(keys, segment.header()));
                }
                deleteRecursively(journal);
            }
        }
        int opens = JOURNALS * OPENS_PER_JOURNAL;
        System.out.printf(
                "nonce audit: %d records, %d opens (%d new journals + %d reopenings), %d distinct nonces, %d repeated; "
                        + "%d distinct data keys for %d segments; %.1f s%n",
                records,
                opens,
                JOURNALS,
                opens - JOURNALS,
                nonces.size(),
                repeats,
                dataKeys.size(),
                opens,
                (System.nanoTime() - started) / 1e9);
        assertThat(records).isGreaterThanOrEqualTo(1_000_000);
        assertThat(opens - JOURNALS).isGreaterThanOrEqualTo(1_000);
        assertThat(repeats).isZero();
        assertThat(dataKeys).hasSize(opens);
    }

    private static void writeJournal(Path journal, OperatorKey key, JournalOptions options) {
        for (int open = 0; open < OPENS_PER_JOURNAL; open++) {
            try (JournalWriter writer = open == 0
                    ? Journal.create(journal, UUID.randomUUID(), JournalFixture.PASSPHRASE, key, options)
                    : Journal.resume(journal, JournalFixture.PASSPHRASE, key, options)
                            .writer()) {
                for (int i = 0; i < RECORDS_PER_OPEN; i++) {
                    writer.append("n", "a", JournalJson.object().put("n", i));
                }
            }
        }
    }

    private static String dataKey(KeyRing keys, SegmentHeader header) {
        SecretKey key = keys.unwrapOrNull(
                header.kdf(), header.wrapNonce(), header.wrappedDataKey(), header.authenticatedPrefix());
        return Sha256.hex(Sha256.of(key.getEncoded()));
    }

    private static void deleteRecursively(Path journal) throws IOException {
        try (Stream<Path> files = Files.walk(journal)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** The 96-bit nonce at the start of an entry's body. */
    private record Nonce(long high, int low) {
        static Nonce of(byte[] body) {
            ByteBuffer buffer = ByteBuffer.wrap(body);
            return new Nonce(buffer.getLong(), buffer.getInt());
        }
    }

    /** Real files without fsync. */
    private static final class UnsyncedStorage implements Storage {
        @Override
        public DurableFile createNew(Path file) throws IOException {
            DurableFile real = Storage.files().createNew(file);
            return new DurableFile() {
                @Override
                public void append(ByteBuffer bytes) throws IOException {
                    real.append(bytes);
                }

                @Override
                public void force() {
                    // skipped: see the test
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        }

        @Override
        public void syncDirectory(Path directory) {
            // skipped: see the test
        }
    }
}
