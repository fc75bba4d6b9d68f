package dev.flightdeck.journal.verify;

/**
 * How far a verification proves the records' content, not just their order: {@code committed} records carry a
 * salted commitment to their plaintext inside the chain (format 2), {@code uncommitted} ones were written in format
 * 1 (the chain covers their ciphertext only); {@code opened} commitments were recomputed from the text (with the
 * passphrase, or from a pack's revealed text); {@code withheld} records are in a pack by their commitment only.
 */
public record ContentBinding(long committed, long uncommitted, long opened, WithheldSummary withheld) {

    public static final ContentBinding UNKNOWN = new ContentBinding(0, 0, 0, WithheldSummary.NONE);

    public boolean isFullyCommitted() {
        return uncommitted == 0;
    }

    /** The {@code content:} line of the verify output. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (committed > 0) {
            text.append(committed).append(" record(s) committed in the chain (salted SHA-256 of the plaintext)");
            text.append(
                    opened > 0 ? ", " + opened + " checked against their text" : ", text not checked (no passphrase)");
        }
        if (uncommitted > 0) {
            text.append(text.length() > 0 ? "; " : "")
                    .append(uncommitted)
                    .append(" record(s) in format 1: content NOT committed (the chain covers only their ciphertext)");
        }
        return text.length() == 0 ? "no records" : text.toString();
    }
}
