package io.github.rfc6455.server;

import java.nio.ByteBuffer;

/**
 * The application side of the WebSocket connections on one route: what a {@link WebSocketServer} tells about each
 * {@link Session}. Every method has a default that does nothing, so a handler overrides only what it needs (an echo
 * handler overrides {@link #onText} and {@link #onBinary}).
 *
 * <p>Threading: the calls for one session are made one at a time, in order, on that session's event loop thread,
 * from {@link #onOpen} to {@link #onClose}; calls for different sessions may run concurrently on different loops, so
 * state shared between sessions must be thread-safe. Methods must not block: a blocked loop stalls every connection on
 * it. An exception thrown by a method is logged, reported to {@link #onError}, and fails the connection with 1011
 * (internal error, RFC 6455 section 7.4.1).
 */
public interface WebSocketHandler {

    /**
     * The opening handshake completed (RFC 6455 section 4.2.2); the session is open and can send.
     *
     * @param session the new session
     */
    default void onOpen(Session session) {
    }

    /**
     * A complete text message arrived, validated as UTF-8 (RFC 6455 sections 5.6 and 8.1).
     *
     * @param session the session
     * @param text the message
     */
    default void onText(Session session, String text) {
    }

    /**
     * A complete binary message arrived (RFC 6455 section 5.6).
     *
     * @param session the session
     * @param data the message between position and limit; valid only during the call (copy what you keep; sending it
     *             with {@link Session#sendBinary} copies it)
     */
    default void onBinary(Session session, ByteBuffer data) {
    }

    /**
     * A ping arrived; the server has already answered it with a pong (RFC 6455 section 5.5.2).
     *
     * @param session the session
     * @param payload the application data, valid only during the call
     */
    default void onPing(Session session, ByteBuffer payload) {
    }

    /**
     * A pong arrived (RFC 6455 section 5.5.3), an answer to {@link Session#ping} or an unsolicited heartbeat.
     *
     * @param session the session
     * @param payload the application data, valid only during the call
     */
    default void onPong(Session session, ByteBuffer payload) {
    }

    /**
     * The session is closed and its connection released; called once for every session that was opened, last.
     *
     * @param session the closed session
     * @param code the peer's close code (RFC 6455 section 7.1.5): the code of its Close frame, {@code 1005} when the
     *             frame had none, {@code 1006} when the connection ended without one
     * @param reason the peer's reason, or a description of the failure; possibly empty
     */
    default void onClose(Session session, int code, String reason) {
    }

    /**
     * Something went wrong on an open session: the peer violated the protocol or a limit (the server then failed the
     * connection with the close code in {@link WebSocketException#closeCode()}, RFC 6455 section 7.1.7), the transport
     * failed or timed out, or a handler method threw. {@link #onClose} follows.
     *
     * @param session the session
     * @param error what happened
     */
    default void onError(Session session, WebSocketException error) {
    }
}
