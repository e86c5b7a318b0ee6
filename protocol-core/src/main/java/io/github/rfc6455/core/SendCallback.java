package io.github.rfc6455.core;

/**
 * Learns the outcome of one send: called once, with null when the bytes were handed to the network, or with the
 * reason they never will be (the connection closed first).
 *
 * <p>Implementations must be thread-safe: the transport calls them from its own thread.
 */
@FunctionalInterface
public interface SendCallback {
    /** @param failure null on success, else why the message was not sent */
    void onComplete(Throwable failure);
}
