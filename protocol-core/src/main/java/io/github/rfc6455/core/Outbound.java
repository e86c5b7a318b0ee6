package io.github.rfc6455.core;

import java.nio.ByteBuffer;

/**
 * Where an engine puts the bytes it wants sent, and how it asks for the TCP connection to end. The transport (a
 * socket adapter, or a test) implements it.
 *
 * <p>Implementations must be thread-safe: an engine calls them from any thread that sends (under its send lock, so
 * calls never overlap and arrive in wire order).
 */
public interface Outbound {
    /**
     * Queues bytes for the network, in order. Ownership of the buffer passes to the transport; the engine never
     * touches it again, and a shared read-only buffer may be passed to several transports (broadcast).
     *
     * @param bytes the bytes between position and limit
     * @param callback told when the bytes were written or failed; may be null
     */
    void write(ByteBuffer bytes, SendCallback callback);

    /**
     * Queues one frame given as its header and its payload (a gathering write instead of a copy). The two are one
     * unit: a transport that refuses or drops queued bytes must refuse or drop both, or send both, never the header
     * alone, or the peer would read what follows as payload. This default suits transports that never drop.
     *
     * @param header the frame header, between position and limit
     * @param payload the payload, between position and limit
     * @param callback told when both were written or failed; may be null
     */
    default void write(ByteBuffer header, ByteBuffer payload, SendCallback callback) {
        write(header, null);
        write(payload, callback);
    }

    /**
     * The engine is done with the connection: close TCP once the queued bytes are written. A client that completed a
     * clean close handshake asks to wait for the server to close first (RFC 6455 section 7.1.1); the transport then
     * closes it itself after a timeout.
     *
     * @param awaitPeerFirst true to give the peer the chance to close TCP first
     */
    void closeTransport(boolean awaitPeerFirst);
}
