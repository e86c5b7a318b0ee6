package io.github.rfc6455.bench;

import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The load tool's minimal opening handshake (RFC 6455 section 4.1): one GET upgrade request without extensions or
 * subprotocols, and a check of the response head: status 101 and the {@code Sec-WebSocket-Accept} that matches the
 * key (section 4.2.2). Only what a benchmark client needs; the full handshake lives in protocol-core.
 *
 * <p>Immutable and thread-safe.
 */
final class ClientHandshake {
    /** The longest response head accepted. */
    static final int MAX_HEAD = 8192;

    private final byte[] request;
    private final String expectedAccept;

    /**
     * @param host the Host header value
     * @param path the request target
     */
    ClientHandshake(String host, String path) {
        String key = SecWebSocketAccept.newKey();
        this.expectedAccept = SecWebSocketAccept.forKey(key);
        this.request = ("GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the request bytes */
    byte[] request() {
        return request.clone();
    }

    /**
     * @param in received bytes from index 0 to the position
     * @return the length of the response head including the blank line, or -1 when it is not complete yet
     */
    static int headLength(ByteBuffer in) {
        for (int i = 3; i < in.position(); i++) {
            if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * @param in received bytes; the head is in {@code [0, headLength)}
     * @param headLength from {@link #headLength}
     * @return null when the server accepted the upgrade, else what was wrong
     */
    String check(ByteBuffer in, int headLength) {
        byte[] bytes = new byte[headLength];
        in.get(0, bytes);
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].equals("101")) {
            return "server did not switch protocols: " + lines[0];
        }
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0 && lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT)
                    .equals("sec-websocket-accept")) {
                String accept = lines[i].substring(colon + 1).trim();
                return accept.equals(expectedAccept) ? null : "wrong Sec-WebSocket-Accept: " + accept;
            }
        }
        return "no Sec-WebSocket-Accept in the response";
    }
}
