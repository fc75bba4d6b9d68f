package dev.flightdeck.journal.format;

import dev.flightdeck.journal.crypto.KdfParameters;
import dev.flightdeck.journal.crypto.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The authenticated start of every segment file. Everything before the wrapped data key is the associated data
 * of the key wrap, so changing any field (KDF parameters included) makes the data key impossible to unwrap; the
 * SHA-256 of the whole header starts the segment's hash chain, so changes also show without the passphrase.
 *
 * <pre>
 * magic "FDJOURNL" | version u16 (1, or 2 = content committed) | body length u32 | body | CRC32C u32 (of everything before it)
 * body: session id 16 | segment index u32 | created (epoch ms) i64 | first sequence i64 | previous chain head 32
 *       | previous segment valid length i64 | Argon2id memory KiB u32, iterations u32, parallelism u32, salt 16
 *       | signing public key length u16 + X.509 bytes | wrap nonce 12 | wrapped key length u16 + bytes
 * </pre>
 */
public record SegmentHeader(
        int formatVersion,
        UUID sessionId,
        int segmentIndex,
        long createdAtMillis,
        long firstSequence,
        byte[] previousChainHead,
        long previousValidLength,
        KdfParameters kdf,
        byte[] signingPublicKey,
        byte[] wrapNonce,
        byte[] wrappedDataKey) {

    public static final byte[] MAGIC = "FDJOURNL".getBytes(StandardCharsets.US_ASCII);
    /** Format 2 commits every entry's plaintext in the chain ({@link EntryBody}); new segments are written in it. */
    public static final int VERSION = 2;
    /** Format 1: the chain covers only the ciphertext; still read and verified, labelled "content not committed". */
    public static final int VERSION_UNCOMMITTED = 1;
    /** magic + version + body length: enough to know how long the header is. */
    static final int PREAMBLE_BYTES = 14;

    static final int MAX_BODY_BYTES = 4096;
    /** Written into the first segment's "previous" fields: there is nothing before it. */
    public static final long NO_PREVIOUS_SEGMENT = -1;

    public byte[] encode() {
        byte[] prefix = authenticatedPrefix();
        ByteBuffer buffer = ByteBuffer.allocate(prefix.length + 12 + 2 + wrappedDataKey.length + 4);
        buffer.put(prefix)
                .put(wrapNonce)
                .putShort((short) wrappedDataKey.length)
                .put(wrappedDataKey);
        int bodyLength = buffer.position() - PREAMBLE_BYTES;
        buffer.putInt(MAGIC.length + 2, bodyLength);
        CRC32C crc = new CRC32C();
        crc.update(buffer.array(), 0, buffer.position());
        buffer.putInt((int) crc.getValue());
        return buffer.array();
    }

    /** The bytes the data-key wrap authenticates: everything up to the wrap nonce (body length left as zero). */
    public byte[] authenticatedPrefix() {
        ByteBuffer buffer =
                ByteBuffer.allocate(PREAMBLE_BYTES + 16 + 4 + 8 + 8 + 32 + 8 + 12 + 16 + 2 + signingPublicKey.length);
        buffer.put(MAGIC).putShort((short) formatVersion).putInt(0);
        buffer.putLong(sessionId.getMostSignificantBits()).putLong(sessionId.getLeastSignificantBits());
        buffer.putInt(segmentIndex)
                .putLong(createdAtMillis)
                .putLong(firstSequence)
                .put(previousChainHead)
                .putLong(previousValidLength);
        buffer.putInt(kdf.memoryKiB())
                .putInt(kdf.iterations())
                .putInt(kdf.parallelism())
                .put(kdf.salt());
        buffer.putShort((short) signingPublicKey.length).put(signingPublicKey);
        return buffer.array();
    }

    /** True when this segment's entries carry a salted commitment to their plaintext inside the chain. */
    public boolean commitsContent() {
        return formatVersion >= VERSION;
    }

    public byte[] hash() {
        return Sha256.of(encode());
    }

    /** Reads a header from the start of a segment file, or says why it cannot. */
    public static HeaderRead read(byte[] file) {
        if (file.length < PREAMBLE_BYTES) {
            return HeaderRead.failed(true, "the header is incomplete (" + file.length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.wrap(file);
        byte[] magic = new byte[MAGIC.length];
        buffer.get(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            return HeaderRead.failed(false, "this is not a Flightdeck journal segment (wrong magic bytes)");
        }
        int version = Short.toUnsignedInt(buffer.getShort());
        int bodyLength = buffer.getInt();
        if (bodyLength < 0 || bodyLength > MAX_BODY_BYTES) {
            return HeaderRead.failed(false, "the header length field is invalid (" + bodyLength + ")");
        }
        int total = PREAMBLE_BYTES + bodyLength + 4;
        if (file.length < total) {
            return HeaderRead.failed(true, "the header is incomplete (" + file.length + " of " + total + " bytes)");
        }
        CRC32C crc = new CRC32C();
        crc.update(file, 0, total - 4);
        if ((int) crc.getValue() != buffer.getInt(total - 4)) {
            return HeaderRead.failed(false, "the header checksum does not match (altered or damaged)");
        }
        if (version != VERSION && version != VERSION_UNCOMMITTED) {
            return HeaderRead.failed(
                    false,
                    "unsupported journal format version " + version + " (this Flightdeck reads versions "
                            + VERSION_UNCOMMITTED + " and " + VERSION + ")");
        }
        try {
            return HeaderRead.ok(decodeBody(version, buffer), total);
        } catch (RuntimeException malformed) {
            return HeaderRead.failed(false, "the header fields are malformed");
        }
    }

    private static SegmentHeader decodeBody(int version, ByteBuffer buffer) {
        UUID session = new UUID(buffer.getLong(), buffer.getLong());
        int index = buffer.getInt();
        long created = buffer.getLong();
        long firstSequence = buffer.getLong();
        byte[] previousHead = bytes(buffer, 32);
        long previousValid = buffer.getLong();
        int memory = buffer.getInt();
        int iterations = buffer.getInt();
        int parallelism = buffer.getInt();
        KdfParameters kdf = new KdfParameters(memory, iterations, parallelism, bytes(buffer, KdfParameters.SALT_BYTES));
        byte[] publicKey = bytes(buffer, Short.toUnsignedInt(buffer.getShort()));
        byte[] nonce = bytes(buffer, 12);
        byte[] wrapped = bytes(buffer, Short.toUnsignedInt(buffer.getShort()));
        return new SegmentHeader(
                version,
                session,
                index,
                created,
                firstSequence,
                previousHead,
                previousValid,
                kdf,
                publicKey,
                nonce,
                wrapped);
    }

    private static byte[] bytes(ByteBuffer buffer, int count) {
        byte[] bytes = new byte[count];
        buffer.get(bytes);
        return bytes;
    }

    /** Result of reading a header: the header and its length, or why not and whether it looks cut short. */
    public record HeaderRead(SegmentHeader header, int length, boolean incomplete, String failure) {
        static HeaderRead ok(SegmentHeader header, int length) {
            return new HeaderRead(header, length, false, null);
        }

        static HeaderRead failed(boolean incomplete, String failure) {
            return new HeaderRead(null, 0, incomplete, failure);
        }

        public boolean isValid() {
            return header != null;
        }
    }
}
