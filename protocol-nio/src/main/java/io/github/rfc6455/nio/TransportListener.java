package io.github.rfc6455.nio;

/**
 * What the owner of a {@link Connection} (the server or the client) learns about the transport beyond what the
 * WebSocket engine reports: why it failed, and when it is gone.
 *
 * <p>Called on the connection's event loop thread.
 */
public interface TransportListener {
    /**
     * The transport failed or timed out before or while the WebSocket connection was in use (a TCP error, a TLS
     * failure such as a hostname mismatch, a connect or handshake timeout, an unanswered keepalive). Called before the
     * engine learns that the transport closed.
     *
     * @param reason a readable description
     * @param cause the exception, or null for a timeout
     */
    default void onTransportFailure(String reason, Throwable cause) {
    }

    /** The channel is closed and everything the connection held is released. Called once. */
    default void onTransportClosed() {
    }
}
