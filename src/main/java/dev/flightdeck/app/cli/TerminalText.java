package dev.flightdeck.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Map;

/**
 * What the terminal can show. Under {@code LC_ALL=C} the charset is ASCII and ✓ and ✗ would both print as {@code ?};
 * there every marker is written as ASCII words instead ({@code ok}, {@code FAIL}, {@code ...}, {@code ->}).
 */
public final class TerminalText {

    /** The markers the command line prints, and what stands for each when the terminal cannot show it. */
    public static final Map<Character, String> ASCII = Map.of(
            '✓', "ok",
            '✗', "FAIL",
            '▶', ">",
            '…', "...",
            '→', "->",
            '—', "-",
            '–', "-",
            '×', "x");

    private TerminalText() {}

    /** The charset the JVM writes standard output in (Java 17: the locale's, e.g. US-ASCII under LC_ALL=C). */
    public static Charset standardOutputCharset() {
        String name = System.getProperty(
                "sun.stdout.encoding",
                System.getProperty("native.encoding", System.getProperty("file.encoding", "UTF-8")));
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Charset.defaultCharset();
        }
    }

    /** A writer on the stream in that charset, with the markers spelt in ASCII when the charset cannot encode them. */
    public static PrintWriter printWriter(OutputStream stream, Charset charset) {
        Writer encoded = new OutputStreamWriter(stream, charset);
        return new PrintWriter(canShowMarkers(charset) ? encoded : new AsciiMarkers(encoded), true);
    }

    static boolean canShowMarkers(Charset charset) {
        CharsetEncoder encoder = charset.newEncoder();
        return ASCII.keySet().stream().allMatch(encoder::canEncode);
    }

    /** Replaces each marker as it is written; everything else passes through. */
    static final class AsciiMarkers extends FilterWriter {

        AsciiMarkers(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            String replacement = ASCII.get((char) c);
            if (replacement == null) {
                out.write(c);
            } else {
                out.write(replacement);
            }
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(buffer[i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = offset; i < offset + length; i++) {
                write(text.charAt(i));
            }
        }
    }
}
