package io.github.rfc6455.server;

import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.PreparedMessage;
import io.github.rfc6455.core.extension.ExtensionOffer;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One WebSocket connection accepted by a {@link WebSocketServer}: send messages, ping, close, and look at what was
 * negotiated. The counterpart of Qt's {@code QWebSocket} on the server side.
 *
 * <p>Sending. {@link #sendText}, {@link #sendBinary} and {@link #send(PreparedMessage)} encode the message at once and
 * queue it; the returned future completes when its bytes were handed to the network, or exceptionally when they never
 * will be (the session closed first, or the peer reads too slowly and was closed with 1008). Futures complete on the
 * session's event loop thread: do not block in their continuations. {@link #bufferedAmount()} tells how many bytes wait
 * in the queue, like the browser's {@code bufferedAmount}: an application that produces faster than a peer reads
 * should watch it (or the futures) and slow down; the server stops reading from a peer whose queue is above the high
 * watermark and closes one whose queue passes the hard limit (see {@link io.github.rfc6455.nio.TransportConfig}).
 *
 * <p>Thread-safe: every method may be called from any thread.
 */
public interface Session {

    /**
     * Sends a text message (RFC 6455 section 5.6), compressed when permessage-deflate was negotiated and worth it.
     *
     * @param text the message; unpaired surrogates are sent as '?'
     * @return completes when the message was written; fails when the session is not open or closes first
     */
    CompletableFuture<Void> sendText(CharSequence text);

    /**
     * Sends a binary message (RFC 6455 section 5.6).
     *
     * @param data the message between position and limit; copied, not moved, and free to reuse once this returns
     * @return completes when the message was written; fails when the session is not open or closes first
     */
    CompletableFuture<Void> sendBinary(ByteBuffer data);

    /**
     * Sends a message encoded once for many sessions (see {@link WebSocketServer#broadcast}); never compressed,
     * which RFC 7692 section 6 allows on any connection.
     *
     * @param message the message
     * @return completes when the message was written; fails when the session is not open or closes first
     */
    CompletableFuture<Void> send(PreparedMessage message);

    /**
     * Sends a ping (RFC 6455 section 5.5.2); the peer's pong arrives at {@link WebSocketHandler#onPong}.
     *
     * @param payload at most 125 bytes between position and limit (not moved)
     * @return false when the session is not open
     * @throws IllegalArgumentException when the payload is longer than 125 bytes
     */
    boolean ping(ByteBuffer payload);

    /**
     * Starts the closing handshake (RFC 6455 section 7.1.2): sends a Close frame after the queued messages, then waits
     * for the peer's Close frame and closes TCP; a peer that does not answer within the close timeout is dropped.
     * Does nothing when the session is already closing.
     *
     * @param code 1000-1003, 1007-1014 or 3000-4999 (section 7.4)
     * @param reason the reason, at most 123 bytes of UTF-8 (longer is cut), may be null
     * @throws IllegalArgumentException when the code may not be sent
     */
    void close(int code, String reason);

    /** Closes with 1000 (normal closure) and no reason; see {@link #close(int, String)}. */
    void close();

    /** Drops the TCP connection at once, without a closing handshake; {@link WebSocketHandler#onClose} reports 1006. */
    void abort();

    /** @return the state: OPEN, then CLOSING once a Close frame was sent or received, CLOSED once TCP is closed */
    ConnectionState state();

    /** @return true while the session is {@link ConnectionState#OPEN} and messages can be sent */
    boolean isOpen();

    /** @return the subprotocol the server selected (RFC 6455 section 1.9), or null for none */
    String subprotocol();

    /** @return the negotiated extensions as in the response's {@code Sec-WebSocket-Extensions}, possibly empty */
    List<ExtensionOffer> extensions();

    /** @return the client's address */
    InetSocketAddress remoteAddress();

    /**
     * @return the upgrade request that opened the session. Unless the server retains requests
     *     ({@link WebSocketServer.Builder#retainRequest}), only the path, query, remote address and TLS flag are
     *     kept: the headers are then empty, the Origin null and the subprotocol list empty
     */
    HandshakeRequest request();

    /** @return the path of the request target, still percent-encoded */
    String path();

    /** @return the query of the request target, still percent-encoded, or null when there was none */
    String query();

    /** @return the bytes queued for sending and not yet written to the network */
    long bufferedAmount();

    /**
     * @param name an attribute name
     * @return the attribute's value, or null when it is not set
     */
    Object attribute(String name);

    /**
     * Sets an application attribute of this session (a user name, a room); the attributes are dropped when the
     * session closes.
     *
     * @param name the name
     * @param value the value, or null to remove the attribute
     * @return the previous value, or null
     */
    Object attribute(String name, Object value);

    /** @return the server the session belongs to */
    WebSocketServer server();
}
