package dev.flightdeck.journal.redact;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is journaled of one output stream: redacted text (head, an elision marker, tail), or for sensitive
 * output only its size and SHA-256. {@code totalBytes} and {@code sha256} describe the raw UTF-8 stream.
 */
public record CapturedOutput(String text, long totalBytes, long elidedBytes, String sha256, boolean sensitive) {

    /** Adds {@code text}, {@code bytes}, {@code elidedBytes}, {@code sha256}, {@code sensitive} to a step.output payload. */
    public ObjectNode addTo(ObjectNode payload) {
        return payload.put("text", text)
                .put("bytes", totalBytes)
                .put("elidedBytes", elidedBytes)
                .put("sha256", sha256)
                .put("sensitive", sensitive);
    }
}
