package io.github.rfc6455.core.handshake;

import java.util.Objects;

/**
 * The head of an HTTP/1.1 request (RFC 7230 section 3.1.1): request line and header fields.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the method token, for example {@code GET}
 * @param target the request target as sent, for example {@code /chat?room=1}
 * @param version the protocol version, for example {@code HTTP/1.1}
 * @param headers the header fields
 */
public record HttpRequestHead(String method, String target, String version, HttpHeaders headers) {
    /** @throws NullPointerException when a component is null */
    public HttpRequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
    }

    /**
     * The path of the target, still percent-encoded: for an origin-form target ({@code /a/b?q}) the part before
     * {@code ?}; for an absolute-form target ({@code http://host/a/b?q}, RFC 7230 section 5.3.2) the part between the
     * authority and {@code ?}, {@code /} when empty.
     *
     * @return the path, or null for an asterisk-form or authority-form target
     */
    public String path() {
        int start = pathStart();
        if (start < 0) {
            return null;
        }
        int q = target.indexOf('?', start);
        String path = target.substring(start, q < 0 ? target.length() : q);
        return path.isEmpty() ? "/" : path;
    }

    /** @return the query of the target after {@code ?}, still percent-encoded, or null when there is none */
    public String query() {
        int start = pathStart();
        int q = start < 0 ? -1 : target.indexOf('?', start);
        return q < 0 ? null : target.substring(q + 1);
    }

    private int pathStart() {
        if (target.startsWith("/")) {
            return 0;
        }
        int scheme = target.indexOf("://");
        if (scheme <= 0) {
            return -1;
        }
        int authority = scheme + 3;
        int end = authority;
        while (end < target.length() && target.charAt(end) != '/' && target.charAt(end) != '?') {
            end++;
        }
        return end;
    }
}
