package io.github.rfc6455.core;

import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.ServerHandshake;
import io.github.rfc6455.core.handshake.UpgradeRequest;
import java.nio.ByteBuffer;

/**
 * What a {@link WebSocketEngine} reports. Every method has a default, so a listener overrides only what it needs.
 * Buffers passed in are valid only during the call: copy what you keep.
 *
 * <p>All methods are called on the thread that calls {@link WebSocketEngine#receive} or
 * {@link WebSocketEngine#transportClosed} (an event loop); they must not block.
 */
public interface EngineListener {

    /**
     * Server: a valid WebSocket upgrade request arrived (RFC 6455 section 4.2.1). The application inspects the path,
     * headers, Origin and subprotocols and calls {@link WebSocketEngine#accept} or {@link WebSocketEngine#reject},
     * now or later on the receiving thread. The default accepts without a subprotocol.
     *
     * @param engine the engine to answer
     * @param request the validated request
     */
    default void onUpgradeRequest(WebSocketEngine engine, UpgradeRequest request) {
        engine.accept(null, null);
    }

    /**
     * Server: a complete HTTP request arrived that does not ask for a WebSocket upgrade (a browser fetching a page,
     * say). The application may answer it with {@link WebSocketEngine#respond}; the default refuses it with the
     * status {@link ServerHandshake#validate} gives.
     *
     * @param engine the engine to answer
     * @param request the request head
     */
    default void onHttpRequest(WebSocketEngine engine, HttpRequestHead request) {
        try {
            ServerHandshake.validate(request);
            engine.reject(400, "not a WebSocket upgrade request");
        } catch (HandshakeException e) {
            engine.reject(e.status(), e.getMessage());
        }
    }

    /** The opening handshake completed; the connection is {@link ConnectionState#OPEN}. */
    default void onOpen() {
    }

    /**
     * The opening handshake failed: a malformed or refused request (server), or a response that does not complete
     * the handshake, or the connection lost before it completed (client).
     *
     * @param failure what was wrong
     */
    default void onHandshakeFailure(HandshakeException failure) {
    }

    /**
     * A complete text message.
     *
     * @param text the message, validated UTF-8
     */
    default void onText(String text) {
    }

    /**
     * A complete binary message.
     *
     * @param data the message between position and limit, valid only during the call
     */
    default void onBinary(ByteBuffer data) {
    }

    /**
     * A chunk of a message, when {@link WebSocketConfig#deliverFragments()} is on (instead of {@link #onText} and
     * {@link #onBinary}). Text chunks are validated UTF-8 as far as they go, but may end inside a character.
     *
     * @param text whether the message is text
     * @param data the chunk, valid only during the call
     * @param last true for the message's last chunk
     */
    default void onFragment(boolean text, ByteBuffer data, boolean last) {
    }

    /**
     * A ping arrived; the engine has already answered it with a pong (RFC 6455 section 5.5.2).
     *
     * @param payload the application data, valid only during the call
     */
    default void onPing(ByteBuffer payload) {
    }

    /**
     * A pong arrived (RFC 6455 section 5.5.3), solicited or not.
     *
     * @param payload the application data, valid only during the call
     */
    default void onPong(ByteBuffer payload) {
    }

    /**
     * The peer's Close frame arrived (RFC 6455 section 5.5.1). If this side had not sent one, the engine has replied.
     *
     * @param code the status code, {@code 1005} when the frame had none
     * @param reason the reason, possibly empty
     */
    default void onCloseReceived(int code, String reason) {
    }

    /**
     * This side failed the connection (RFC 6455 section 7.1.7) because the peer violated the protocol or a limit; a
     * Close frame with {@code closeCode} has been sent and the transport asked to close.
     *
     * @param closeCode the status code sent (1002, 1007, 1009, ...)
     * @param message what was wrong
     */
    default void onFailure(int closeCode, String message) {
    }

    /**
     * The connection is closed (RFC 6455 section 7.1.4); called once, after the transport closed, for every connection
     * that had reached {@link ConnectionState#OPEN}.
     *
     * @param code the peer's status code; {@code 1005} when its Close frame had none, {@code 1006} when no Close frame
     *             was received (section 7.1.5)
     * @param reason the peer's reason, or a description of the failure
     * @param closedByPeer true when the peer started the closing handshake
     */
    default void onClose(int code, String reason, boolean closedByPeer) {
    }
}
