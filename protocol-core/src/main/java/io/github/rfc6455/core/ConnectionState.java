package io.github.rfc6455.core;

/**
 * The state of a WebSocket connection (RFC 6455 section 4 and 7), as the browser API and Qt name them.
 *
 * <pre>
 * CONNECTING --handshake ok--&gt; OPEN --close sent or received--&gt; CLOSING --both closes, or failure, then TCP closed--&gt; CLOSED
 * CONNECTING --handshake failed or rejected--&gt; CLOSED
 * </pre>
 *
 * <p>Immutable and thread-safe.
 */
public enum ConnectionState {
    /** The opening handshake is in progress. */
    CONNECTING,
    /** The handshake succeeded; messages flow both ways. */
    OPEN,
    /** A Close frame was sent or received, or the connection failed; waiting for the close handshake and TCP. */
    CLOSING,
    /** The connection is closed; nothing more is sent or received. */
    CLOSED
}
