package dev.flightdeck.db.sql;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a result's rows in order, with an unambiguous encoding (length-prefixed cells, a marker for
 * NULL, a row separator), so the journal can prove what a query returned without keeping the rows.
 */
final class RowDigest {

    private static final byte NULL_CELL = (byte) 0xFF;
    private static final byte TEXT_CELL = 0x01;
    private static final byte END_OF_ROW = 0x0A;

    private final MessageDigest digest;

    RowDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void cell(String value) {
        if (value == null) {
            digest.update(NULL_CELL);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update(TEXT_CELL);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    void endRow() {
        digest.update(END_OF_ROW);
    }

    String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
