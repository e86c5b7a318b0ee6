package io.github.rfc6455.core.handshake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Byte and head helpers shared by the handshake tests. */
final class Heads {
    /** The client handshake of RFC 6455 section 1.2. */
    static final String RFC_REQUEST = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "\r\n";

    /** The header lines of a minimal valid upgrade request. */
    static final List<String> VALID_LINES = List.of(
            "Host: server.example.com",
            "Upgrade: websocket",
            "Connection: Upgrade",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Version: 13");

    private Heads() {
    }

    static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    static String text(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    static HttpRequestHead request(String head) throws HandshakeException {
        HttpHeadParser parser = HttpHeadParser.forRequest(HeadLimits.DEFAULT);
        assertTrue(parser.parse(bytes(head)), "incomplete head");
        return parser.request();
    }

    static HttpResponseHead response(String head) throws HandshakeException {
        HttpHeadParser parser = HttpHeadParser.forResponse(HeadLimits.DEFAULT);
        assertTrue(parser.parse(bytes(head)), "incomplete head");
        return parser.response();
    }

    static HttpResponseHead response(ByteBuffer head) throws HandshakeException {
        return response(text(head));
    }

    /** @return a request with that request line and those header lines */
    static HttpRequestHead request(String requestLine, List<String> lines) throws HandshakeException {
        return request(requestLine + "\r\n" + String.join("\r\n", lines) + (lines.isEmpty() ? "" : "\r\n") + "\r\n");
    }

    /** @return the valid lines without those of header {@code name}, followed by {@code replacements} */
    static List<String> replacing(List<String> base, String name, String... replacements) {
        List<String> lines = new ArrayList<>();
        for (String line : base) {
            if (!line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                lines.add(line);
            }
        }
        lines.addAll(List.of(replacements));
        return lines;
    }

    /** @return a GET / HTTP/1.1 upgrade request with the valid lines, header {@code name} replaced */
    static HttpRequestHead upgrade(String name, String... replacements) throws HandshakeException {
        return request("GET /chat HTTP/1.1", replacing(VALID_LINES, name, replacements));
    }
}
