package dev.flightdeck.runbook;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Inline Markdown as an operator reads it: {@code 🧪 **Testing Complete**: All tests pass} becomes
 * {@code Testing Complete: All tests pass}. The importer and the seed coverage tests share this one
 * definition of "the text of a checklist item".
 */
public final class MarkdownText {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern EMPHASIS = Pattern.compile("\\*\\*|__|`");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MarkdownText() {}

    /** Plain text of an inline Markdown fragment: no emphasis or code markers, no leading pictographs, single spaces. */
    public static String plain(String markdown) {
        String text = EMPHASIS.matcher(repairMojibake(markdown)).replaceAll("");
        return SPACES.matcher(withoutLeadingSymbols(text)).replaceAll(" ").strip();
    }

    /**
     * Undoes the commonest copy-paste damage: UTF-8 bytes read as Windows-1252 and saved again
     * ({@code â‰¥} for {@code ≥}). Text that does not round-trip exactly is left alone, so correct accents stay.
     */
    public static String repairMojibake(String text) {
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        try {
            ByteBuffer bytes = WINDOWS_1252
                    .newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(text));
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException notMojibake) {
            return text;
        }
    }

    /** Emoji and other pictographs that decorate the start of an item (with their joiners and variation selectors). */
    private static String withoutLeadingSymbols(String text) {
        int start = 0;
        while (start < text.length()) {
            int codePoint = text.codePointAt(start);
            if (!isDecoration(codePoint)) {
                break;
            }
            start += Character.charCount(codePoint);
        }
        return text.substring(start);
    }

    private static boolean isDecoration(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint)
                || type == Character.OTHER_SYMBOL
                || type == Character.NON_SPACING_MARK
                || type == Character.FORMAT
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F);
    }
}
