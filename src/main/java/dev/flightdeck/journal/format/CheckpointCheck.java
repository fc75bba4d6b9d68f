package dev.flightdeck.journal.format;

import dev.flightdeck.journal.crypto.OperatorKey;
import dev.flightdeck.journal.format.ScannedJournal.ScannedFrame;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.UUID;

/** Checks one checkpoint frame against the chain it claims to cover and the operator's public key. */
public final class CheckpointCheck {

    private CheckpointCheck() {}

    /** Why the checkpoint is not valid, or null when it is. */
    public static String problemOrNull(ScannedFrame frame, UUID sessionId, PublicKey key) {
        CheckpointBody body = CheckpointBody.decodeOrNull(frame.body());
        if (body == null) {
            return "checkpoint " + frame.sequence() + " is malformed";
        }
        if (!body.sessionId().equals(sessionId)) {
            return "checkpoint " + frame.sequence() + " belongs to session " + body.sessionId();
        }
        if (body.coveredSequence() != frame.sequence() - 1 || !Arrays.equals(body.chainHash(), frame.chainBefore())) {
            return "checkpoint " + frame.sequence()
                    + " does not match the records before it (they were changed, removed or reordered)";
        }
        if (!OperatorKey.verify(key, body.signedMessage(), body.signature())) {
            return "the signature of checkpoint " + frame.sequence() + " is not valid for the operator's key";
        }
        return null;
    }
}
