package dev.flightdeck.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * How approval requests and signed approvals travel: a JSON file, or the same JSON as one line of text to paste into
 * a chat or an e-mail ({@code FORMAT:} followed by the unpadded Base64url of the JSON's UTF-8 bytes).
 */
final class ApprovalText {

    static final ObjectMapper JSON = new ObjectMapper();

    private ApprovalText() {}

    static String line(String format, ObjectNode json) {
        try {
            return format + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] file(ObjectNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON of a pasted line or of a file (a file name is tried when the text is not a line of that format).
     *
     * @throws IllegalArgumentException saying what it is not
     */
    static ObjectNode read(String textOrFile, String format, String what) {
        String text = textOrFile.strip();
        byte[] json;
        if (text.startsWith(format + ":")) {
            try {
                json = Base64.getUrlDecoder()
                        .decode(text.substring(format.length() + 1).strip());
            } catch (IllegalArgumentException damaged) {
                throw new IllegalArgumentException("the pasted " + what + " is damaged (" + damaged.getMessage()
                        + "); copy the whole line starting with " + format + ":");
            }
        } else {
            Path file = Path.of(text);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(
                        text + " is neither a " + what + " file nor a pasted line starting with " + format + ":");
            }
            try {
                json = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + " (" + e.getMessage() + ")");
            }
        }
        try {
            JsonNode node = JSON.readTree(new String(json, StandardCharsets.UTF_8));
            if (!(node instanceof ObjectNode object)
                    || !format.equals(object.path("format").asText())) {
                throw new IllegalArgumentException("this is not a " + what + " (" + format + ")");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("the " + what + " is not valid JSON (" + e.getMessage() + ")");
        }
    }

    static String text(JsonNode node, String field, String what) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("the " + what + " has no '" + field + "'");
        }
        return value.asText();
    }
}
