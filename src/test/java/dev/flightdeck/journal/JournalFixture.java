package dev.flightdeck.journal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightdeck.journal.crypto.KdfCost;
import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.format.SegmentFiles;
import dev.flightdeck.journal.format.SegmentFiles.SegmentBytes;
import dev.flightdeck.journal.storage.Storage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Shared set-up for journal tests: a cheap KDF (test-only), a fresh operator key, typical events. */
public final class JournalFixture {

    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    private JournalFixture() {}

    public static JournalOptions fastOptions() {
        return new JournalOptions(KdfCost.insecureForTestsOnly(64), Storage.files(), Clock.systemUTC());
    }

    public static OperatorKey newOperatorKey() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return new OperatorKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A journal of {@code records} records: events with a checkpoint every 10, ending in a closing checkpoint. */
    public static void writeSession(Path directory, OperatorKey key, int records) {
        writeSession(directory, key, records, 10);
    }

    public static void writeSession(Path directory, OperatorKey key, int records, int checkpointEvery) {
        try (JournalWriter writer = Journal.create(directory, UUID.randomUUID(), PASSPHRASE, key, fastOptions())) {
            while (writer.lastSequence() < records - 1) {
                long next = writer.lastSequence() + 1;
                if (next % checkpointEvery == 0) {
                    writer.checkpoint("approval gate " + next);
                } else {
                    writer.append("step.outcome", "dana", outcome(next));
                }
            }
            writer.closeSession("session close");
        }
    }

    public static ObjectNode outcome(long number) {
        return JournalJson.object()
                .put("step", "step-" + number)
                .put("host", "app-1")
                .put("status", "succeeded")
                .put("exitCode", 0)
                .put("durationMs", 120 + number)
                .put("message", "done " + number);
    }

    public static List<SegmentBytes> segments(Path directory) {
        try {
            return SegmentFiles.readAll(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
