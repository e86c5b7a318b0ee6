package io.github.rfc6455.bench;

/**
 * A running echo server of another WebSocket implementation, the peer rfc6455's server is compared with.
 *
 * <p>Implementations are thread-safe.
 */
interface EchoServer extends AutoCloseable {
    /** @return the host the server listens on */
    String host();

    /** @return the port the server listens on (the real one when started with port 0) */
    int port();

    /** Stops accepting, closes every connection and releases the threads; waits a few seconds at most. */
    @Override
    void close();
}
