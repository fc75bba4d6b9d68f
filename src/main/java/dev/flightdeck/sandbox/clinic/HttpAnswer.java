package dev.flightdeck.sandbox.clinic;

import java.nio.charset.StandardCharsets;

/** One HTTP answer of the clinic app: status, content type and body, written in a single piece. */
public record HttpAnswer(int status, String contentType, String body) {

    public static HttpAnswer json(int status, String body) {
        return new HttpAnswer(status, "application/json", body);
    }

    public static HttpAnswer text(int status, String body) {
        return new HttpAnswer(status, "text/plain; version=0.0.4; charset=utf-8", body);
    }

    /** Status line, headers and body as one array, so the answer leaves in one write (no delayed-ACK stall). */
    byte[] encode() {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 " + status + " " + reason() + "\r\nContent-Type: " + contentType
                        + "\r\nContent-Length: " + content.length + "\r\nConnection: keep-alive\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] answer = new byte[head.length + content.length];
        System.arraycopy(head, 0, answer, 0, head.length);
        System.arraycopy(content, 0, answer, head.length, content.length);
        return answer;
    }

    private String reason() {
        return switch (status) {
            case 200 -> "OK";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
