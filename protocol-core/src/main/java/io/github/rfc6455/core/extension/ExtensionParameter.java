package io.github.rfc6455.core.extension;

import io.github.rfc6455.core.handshake.HttpHeaders;

/**
 * One parameter of an extension in {@code Sec-WebSocket-Extensions} (RFC 6455 section 9.1), such as
 * {@code client_max_window_bits=10} or {@code server_no_context_takeover} of RFC 7692.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the parameter name, a token
 * @param value the value, a token (quotes already removed), or null when the parameter has no value
 */
public record ExtensionParameter(String name, String value) {
    /** @throws IllegalArgumentException when the name or a non-null value is not a token (RFC 7230 section 3.2.6) */
    public ExtensionParameter {
        if (!HttpHeaders.isToken(name)) {
            throw new IllegalArgumentException("extension parameter name is not a token: " + name);
        }
        if (value != null && !HttpHeaders.isToken(value)) {
            throw new IllegalArgumentException("value of extension parameter " + name + " is not a token: " + value);
        }
    }
}
