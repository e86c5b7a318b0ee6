package io.github.rfc6455.nio;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An exchange that runs on a fresh TCP connection before TLS and the WebSocket handshake, such as an HTTP CONNECT
 * through a proxy. The connection writes {@link #request()}, then feeds received bytes to {@link #receive} until it
 * returns true; bytes left in the buffer then go on to TLS or the WebSocket engine.
 *
 * <p>Called on the connection's event loop thread.
 */
public interface TransportPreamble {
    /** @return the bytes to send first */
    ByteBuffer request();

    /**
     * @param in received bytes; consume what belongs to the preamble
     * @return true when the preamble is complete
     * @throws IOException when it failed (the message becomes the failure reason)
     */
    boolean receive(ByteBuffer in) throws IOException;
}
