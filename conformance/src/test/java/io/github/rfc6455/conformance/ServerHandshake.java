package io.github.rfc6455.conformance;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kit's server opening handshake (RFC 6455 section 4.2): checks a client's request as the official fuzzing
 * server does and writes the response.
 *
 * <p>Stateless; thread-safe.
 */
final class ServerHandshake {

    /**
     * A valid upgrade request.
     *
     * @param path the request path
     * @param query the decoded query parameters
     * @param key the client's {@code Sec-WebSocket-Key}
     * @param offers the client's permessage-deflate offers in order
     * @param head the raw request head
     */
    record Request(String path, Map<String, List<String>> query, String key, List<DeflateOffer> offers, HttpHead head) {

        /** The first value of a query parameter, or {@code null}. */
        String param(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    /**
     * A request that must be refused.
     *
     * @param status the HTTP status
     * @param reason why
     */
    record Rejection(int status, String reason) {
    }

    private ServerHandshake() {
    }

    /** Returns a {@link Request} or a {@link Rejection}. */
    static Object check(HttpHead head) {
        String[] line = head.startLine().split(" ");
        if (line.length != 3) {
            return new Rejection(400, "bad request line: " + head.startLine());
        }
        if (!line[0].equals("GET")) {
            return new Rejection(405, "method " + line[0] + " not allowed");
        }
        if (!line[2].equals("HTTP/1.1")) {
            return new Rejection(505, "unsupported HTTP version " + line[2]);
        }
        if (head.count("host") != 1) {
            return new Rejection(400, "exactly one Host header is required (RFC 6455 section 4.1, item 4)");
        }
        if (!head.hasToken("upgrade", "websocket")) {
            return new Rejection(400, "Upgrade: websocket missing (RFC 6455 section 4.2.1, item 3)");
        }
        if (!head.hasToken("connection", "upgrade")) {
            return new Rejection(400, "Connection: Upgrade missing (RFC 6455 section 4.2.1, item 4)");
        }
        if (!"13".equals(head.header("sec-websocket-version"))) {
            return new Rejection(426, "Sec-WebSocket-Version must be 13 (RFC 6455 section 4.2.2)");
        }
        String key = head.header("sec-websocket-key");
        if (head.count("sec-websocket-key") != 1 || !WebSocketKey.isValidKey(key)) {
            return new Rejection(400, "invalid Sec-WebSocket-Key (RFC 6455 section 4.2.1, item 5)");
        }
        List<DeflateOffer> offers = new ArrayList<>();
        for (ExtensionHeader.Extension e : ExtensionHeader.parse(head.header("sec-websocket-extensions"))) {
            if (e.name().equals("permessage-deflate")) {
                try {
                    offers.add(DeflateOffer.parse(e.params()));
                } catch (IllegalArgumentException ex) {
                    return new Rejection(400, "malformed permessage-deflate offer: " + ex.getMessage());
                }
            }
        }
        String target = line[1];
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        return new Request(path, query(q < 0 ? "" : target.substring(q + 1)), key.trim(), offers, head);
    }

    static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    /** The 101 response; {@code extensions} may be {@code null}. */
    static String accept(String key, String extensions) {
        StringBuilder sb = new StringBuilder()
                .append("HTTP/1.1 101 Switching Protocols\r\n")
                .append("Server: rfc6455-conformance-kit\r\n")
                .append("Upgrade: WebSocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Accept: ").append(WebSocketKey.accept(key)).append("\r\n");
        if (extensions != null) {
            sb.append("Sec-WebSocket-Extensions: ").append(extensions).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    /** A refusal with a short text body; 426 carries the supported version (RFC 6455 section 4.4). */
    static String reject(Rejection r) {
        byte[] body = (r.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        String phrase = switch (r.status()) {
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 505 -> "HTTP Version Not Supported";
            default -> "Bad Request";
        };
        return "HTTP/1.1 " + r.status() + " " + phrase + "\r\n"
                + (r.status() == 426 ? "Sec-WebSocket-Version: 13\r\n" : "")
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Connection: close\r\n\r\n" + r.reason() + "\n";
    }
}
