package io.github.rfc6455.core.handshake;

import java.util.Objects;

/**
 * The head of an HTTP/1.1 response (RFC 7230 section 3.1.2): status line and header fields.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the protocol version, for example {@code HTTP/1.1}
 * @param status the three-digit status code, for example 101
 * @param reason the reason phrase, possibly empty
 * @param headers the header fields
 */
public record HttpResponseHead(String version, int status, String reason, HttpHeaders headers) {
    /** @throws NullPointerException when a component is null */
    public HttpResponseHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
    }
}
