package io.github.rfc6455.client;

import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The events of a {@link WebSocket}, named after Qt's signals; every method has a default, so a listener overrides
 * only what it needs. Register with {@link WebSocket#addListener}, or use the one-event shortcuts such as
 * {@link WebSocket#onTextMessageReceived}.
 *
 * <p>Every method is called on the socket's event loop thread, one event at a time and in order. They must not block
 * (no {@code Future.get()}, no blocking I/O): the loop serves many sockets. Buffers are valid only during the call:
 * copy what you keep. A listener that throws is logged and does not disturb the socket.
 */
public interface WebSocketListener {

    /**
     * QML's {@code statusChanged}.
     *
     * @param status the new status
     */
    default void onStatusChanged(WebSocket.Status status) {
    }

    /**
     * QML's {@code textMessageReceived}: a whole text message.
     *
     * @param message the message, validated UTF-8 (RFC 6455 section 8.1)
     */
    default void onTextMessageReceived(String message) {
    }

    /**
     * QML's {@code binaryMessageReceived}: a whole binary message.
     *
     * @param message the message between position and limit, valid only during the call
     */
    default void onBinaryMessageReceived(ByteBuffer message) {
    }

    /**
     * Qt's {@code textFrameReceived}, when {@link WebSocketOptions.Builder#frameEvents(boolean)} is on: the next
     * piece of a text message as it arrives (a frame, or the part of one that a read delivered; RFC 6455 section
     * 5.4). Pieces always end on a character boundary.
     *
     * @param frame the piece
     * @param isLastFrame true for the message's last piece
     */
    default void onTextFrameReceived(String frame, boolean isLastFrame) {
    }

    /**
     * Qt's {@code binaryFrameReceived}, when {@link WebSocketOptions.Builder#frameEvents(boolean)} is on: the next
     * piece of a binary message as it arrives.
     *
     * @param frame the piece between position and limit, valid only during the call
     * @param isLastFrame true for the message's last piece
     */
    default void onBinaryFrameReceived(ByteBuffer frame, boolean isLastFrame) {
    }

    /**
     * Qt's {@code pong}: a Pong frame arrived (RFC 6455 section 5.5.3).
     *
     * @param elapsedTime the time since the {@link WebSocket#ping(byte[])} with the same payload was sent (the round
     *                    trip time), or since the latest ping when no ping had that payload (an unsolicited pong),
     *                    or {@link Duration#ZERO} when no ping was sent
     * @param payload the pong's application data, valid only during the call
     */
    default void onPong(Duration elapsedTime, ByteBuffer payload) {
    }

    /**
     * The connection was lost and the socket will reconnect (see {@link ReconnectPolicy}): after {@code delay} the
     * status changes to {@link WebSocket.Status#CONNECTING}.
     *
     * @param attempt the attempt number, from 1
     * @param maxAttempts the most attempts the policy allows
     * @param delay the time until the attempt
     */
    default void onReconnecting(int attempt, int maxAttempts, Duration delay) {
    }
}
