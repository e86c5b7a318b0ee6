package io.github.rfc6455.core.handshake;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/** HTTP/1.1 details shared by the handshake classes: versions, reason phrases, writing a head, quoting in messages. */
final class Http {
    static final String HOST = "Host";
    static final String ORIGIN = "Origin";
    static final String UPGRADE = "Upgrade";
    static final String CONNECTION = "Connection";
    static final String SEC_WEBSOCKET_KEY = "Sec-WebSocket-Key";
    static final String SEC_WEBSOCKET_ACCEPT = "Sec-WebSocket-Accept";
    static final String SEC_WEBSOCKET_VERSION = "Sec-WebSocket-Version";
    static final String SEC_WEBSOCKET_PROTOCOL = "Sec-WebSocket-Protocol";
    static final String SEC_WEBSOCKET_EXTENSIONS = "Sec-WebSocket-Extensions";
    /** The Upgrade token of RFC 6455 section 4.1. */
    static final String WEBSOCKET = "websocket";
    /** The only Sec-WebSocket-Version of RFC 6455 section 4.1. */
    static final String VERSION = "13";

    /** Longest excerpt of untrusted input quoted in an error message. */
    private static final int MAX_QUOTE = 64;

    private Http() {
    }

    /** @return true for {@code HTTP/d.d} (RFC 7230 section 2.6) */
    static boolean isVersion(String v) {
        return v.length() == 8 && v.startsWith("HTTP/") && isDigit(v.charAt(5)) && v.charAt(6) == '.'
                && isDigit(v.charAt(7));
    }

    /** @return true for HTTP/1.1 and higher 1.x versions, as RFC 6455 section 4.1 requires */
    static boolean isHttp11OrHigher(String v) {
        return isVersion(v) && v.charAt(5) == '1' && v.charAt(7) >= '1';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** @return the standard reason phrase of a status (RFC 7231 section 6, RFC 6585), "Error" for others */
    static String reasonPhrase(int status) {
        return switch (status) {
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> status < 400 ? "Redirect" : "Error";
        };
    }

    /** @return the bytes of a head (start line, fields, blank line) followed by the body, ready to be read */
    static ByteBuffer write(String startLine, HttpHeaders headers, byte[] body) {
        StringBuilder sb = new StringBuilder(256).append(startLine).append("\r\n");
        for (int i = 0; i < headers.size(); i++) {
            sb.append(headers.name(i)).append(": ").append(headers.value(i)).append("\r\n");
        }
        byte[] head = sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        return ByteBuffer.allocate(head.length + body.length).put(head).put(body).flip();
    }

    /** @return what is wrong when the list header {@code name} lacks {@code token} (case-insensitive), else null */
    static String tokenError(HttpHeaders headers, String name, String token) {
        if (headers.containsToken(name, token)) {
            return null;
        }
        return headers.contains(name)
                ? name + " header " + quote(String.join(", ", headers.all(name))) + " does not list " + token
                : "missing " + name + " header";
    }

    /**
     * @param extra application headers for a handshake message, or null for none
     * @param reserved lower-case names of the headers the handshake writes itself
     * @return extra, or {@link HttpHeaders#EMPTY} for null
     * @throws IllegalArgumentException when extra sets a reserved header
     */
    static HttpHeaders checkExtra(HttpHeaders extra, Set<String> reserved) {
        if (extra == null) {
            return HttpHeaders.EMPTY;
        }
        for (int i = 0; i < extra.size(); i++) {
            if (reserved.contains(extra.name(i).toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + extra.name(i) + " is set by the handshake itself");
            }
        }
        return extra;
    }

    /** @return s in double quotes for an error message, shortened when long */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        return '"' + (s.length() <= MAX_QUOTE ? s : s.substring(0, MAX_QUOTE) + "...") + '"';
    }
}
