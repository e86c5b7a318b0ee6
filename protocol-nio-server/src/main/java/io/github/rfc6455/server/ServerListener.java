package io.github.rfc6455.server;

/**
 * Server-wide events, mirroring the signals of Qt's {@code QWebSocketServer}: a new connection, a server error, and
 * the server closed. Every method has a default that does nothing.
 *
 * <p>Implementations must be thread-safe: {@link #onNewConnection} and {@link #onServerError} are called on the event
 * loop threads, concurrently, and must not block; {@link #onClosed} is called once, on the thread that completes the
 * shutdown.
 */
public interface ServerListener {

    /**
     * A WebSocket connection was accepted and opened (QWebSocketServer's {@code newConnection}); called right after
     * the route's {@link WebSocketHandler#onOpen}.
     *
     * @param session the new session
     */
    default void onNewConnection(Session session) {
    }

    /**
     * Something failed outside of an open session (QWebSocketServer's {@code acceptError}, {@code serverError},
     * {@code sslErrors}): the server carries on.
     *
     * @param error what happened
     */
    default void onServerError(ServerError error) {
    }

    /** The server stopped: every connection is closed and every thread released (QWebSocketServer's {@code closed}). */
    default void onClosed() {
    }
}
