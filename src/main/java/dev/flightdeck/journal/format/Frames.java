package dev.flightdeck.journal.format;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * One record on disk: {@code length u32 | CRC32C u32 | type u8 | sequence i64 | body}. The CRC covers length,
 * type, sequence and body, so a torn or damaged frame is recognised before anything else is tried.
 */
public final class Frames {

    public static final int OVERHEAD = 17;
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private Frames() {}

    public static ByteBuffer encode(FrameType type, long sequence, byte[] body) {
        ByteBuffer frame = ByteBuffer.allocate(OVERHEAD + body.length);
        frame.putInt(body.length)
                .putInt(0)
                .put((byte) type.code())
                .putLong(sequence)
                .put(body);
        frame.putInt(4, checksum(frame.array(), 0, frame.capacity()));
        return frame.flip();
    }

    /**
     * Reads the frame at {@code offset}; null when there is no complete frame with a matching checksum there.
     * {@code plausibleSequence} rejects candidates cheaply before the checksum is computed.
     */
    public static RawFrame readOrNull(byte[] file, int offset, long minSequence, long maxSequence) {
        if (file.length - offset < OVERHEAD) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        int length = buffer.getInt(offset);
        FrameType type = FrameType.ofCode(file[offset + 8]);
        long sequence = buffer.getLong(offset + 9);
        if (length < 0
                || length > MAX_BODY_BYTES
                || length > file.length - offset - OVERHEAD
                || type == null
                || sequence < minSequence
                || sequence > maxSequence) {
            return null;
        }
        if (checksum(file, offset, OVERHEAD + length) != buffer.getInt(offset + 4)) {
            return null;
        }
        byte[] body = new byte[length];
        System.arraycopy(file, offset + OVERHEAD, body, 0, length);
        return new RawFrame(type, sequence, offset, body);
    }

    /** CRC32C over the frame with its own checksum field taken as zero. */
    private static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, 4);
        crc.update(bytes, offset + 8, length - 8);
        return (int) crc.getValue();
    }

    public record RawFrame(FrameType type, long sequence, int offset, byte[] body) {
        public int length() {
            return OVERHEAD + body.length;
        }
    }
}
