package dev.flightdeck.ssh;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The stream JSch writes one of a command's outputs into (on the connection's reader thread): splits it into
 * UTF-8 lines for the listeners, optionally keeps the raw bytes, and reports when JSch closes it, which
 * happens when the channel ends.
 */
final class CapturingLineOutput extends OutputStream {

    /** A "line" longer than this (binary output without newlines) is delivered in pieces rather than buffered forever. */
    private static final int MAX_LINE_BYTES = 64 * 1024;

    private final OutputStreamKind kind;
    private final LineSink sink;
    private final ByteArrayOutputStream captured;
    private final Runnable onClose;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private boolean closed;

    interface LineSink {
        void line(OutputStreamKind kind, String line);
    }

    CapturingLineOutput(OutputStreamKind kind, LineSink sink, boolean capture, Runnable onClose) {
        this.kind = kind;
        this.sink = sink;
        this.captured = capture ? new ByteArrayOutputStream() : null;
        this.onClose = onClose;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        if (captured != null) {
            captured.write(bytes, offset, length);
        }
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i - start);
                emitLine();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
        if (line.size() > MAX_LINE_BYTES) {
            emitLine();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (line.size() > 0) {
                emitLine();
            }
        }
        onClose.run();
    }

    synchronized byte[] capturedBytes() {
        return captured == null ? new byte[0] : captured.toByteArray();
    }

    private void emitLine() {
        byte[] raw = line.toByteArray();
        line.reset();
        int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
        try {
            CharBuffer text = decoder.reset().decode(ByteBuffer.wrap(raw, 0, length));
            sink.line(kind, text.toString());
        } catch (CharacterCodingException cannotHappenWithReplace) {
            sink.line(kind, new String(raw, 0, length, StandardCharsets.UTF_8));
        }
    }
}
