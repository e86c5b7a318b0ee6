package io.github.rfc6455.core;

/**
 * Which end of a WebSocket connection an engine plays (RFC 6455 section 5.1): a client masks every frame it sends
 * and rejects masked frames; a server rejects unmasked frames and never masks.
 *
 * <p>Immutable and thread-safe.
 */
public enum Role {
    /** The endpoint that opened the connection; it masks its frames. */
    CLIENT,
    /** The endpoint that accepted the connection; it never masks its frames. */
    SERVER;

    /** @return true when frames sent by this role must be masked */
    public boolean masksOutgoing() {
        return this == CLIENT;
    }

    /** @return true when frames received by this role must be masked */
    public boolean expectsMaskedIncoming() {
        return this == SERVER;
    }
}
