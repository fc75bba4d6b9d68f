package dev.flightdeck.yaml;

import dev.flightdeck.diagnostic.Position;
import dev.flightdeck.diagnostic.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a text file people write (a runbook, an inventory, a Markdown procedure) strictly as UTF-8, within a size
 * limit, and says where it is not: the line, the column and the byte, instead of "Input length = 3". A leading byte
 * order mark is removed. Control characters are left to {@link #firstControlCharacter}.
 */
public final class TextFiles {

    /** Larger files are refused before they are read: no runbook, inventory or procedure comes near it. */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    /** The file could not be read as text; {@link #position()} says where. */
    public static final class BadEncodingException extends IOException {
        private final Position position;

        public BadEncodingException(Position position, String message) {
            super(message);
            this.position = position;
        }

        public Position position() {
            return position;
        }
    }

    private TextFiles() {}

    public static String readUtf8(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new BadEncodingException(
                    new Position(1, 1),
                    "the file is " + megabytes(size) + ", larger than the limit of " + megabytes(MAX_BYTES)
                            + " for a text file Flightdeck reads");
        }
        return decode(Files.readAllBytes(file));
    }

    public static String decode(byte[] bytes) throws BadEncodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            out.flip();
            Position at = positionAfter(out);
            StringBuilder shown = new StringBuilder();
            for (int i = 0; i < result.length() && offset + i < bytes.length; i++) {
                shown.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", bytes[offset + i] & 0xFF));
            }
            throw new BadEncodingException(
                    at,
                    "the file is not valid UTF-8: byte " + shown + " (offset " + offset
                            + ") cannot start or continue a UTF-8 character; save the file as UTF-8");
        }
        try {
            CoderResult flush = decoder.flush(out);
            if (flush.isError()) {
                flush.throwException();
            }
        } catch (CharacterCodingException e) {
            throw new BadEncodingException(new Position(1, 1), "the file is not valid UTF-8; save the file as UTF-8");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The position just after the decoded text: where decoding stopped. */
    private static Position positionAfter(CharSequence text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Position(line, column);
    }

    /**
     * The first character a person cannot see and YAML does not allow (NUL and the other C0/C1 controls except tab,
     * line feed and carriage return, and U+FFFE/U+FFFF), as a message with its position; empty when there is none.
     */
    public static Optional<Problem> firstControlCharacter(String file, String text) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            boolean control = (c < 0x20 && c != '\t' && c != '\r')
                    || c == 0x7F
                    || (c >= 0x80 && c <= 0x9F)
                    || c == 0xFFFE
                    || c == 0xFFFF;
            if (control) {
                return Optional.of(
                        new Problem(
                                file,
                                new Position(line, column),
                                Problem.Severity.ERROR,
                                "control character " + name(c)
                                        + " is not allowed in the file; remove it (it is often left by a copy from a binary file or a terminal)"));
            }
            column++;
        }
        return Optional.empty();
    }

    private static String name(char c) {
        String code = String.format(Locale.ROOT, "U+%04X", (int) c);
        return switch (c) {
            case 0 -> code + " (NUL)";
            case 7 -> code + " (BEL)";
            case 8 -> code + " (backspace)";
            case 0x1B -> code + " (ESC)";
            case 0x7F -> code + " (DEL)";
            default -> code;
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
