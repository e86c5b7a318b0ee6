package io.github.rfc6455.client;

/**
 * A listener registration on a {@link WebSocket}; {@link #remove()} unregisters it.
 *
 * <p>Implementations are thread-safe.
 */
@FunctionalInterface
public interface Registration {
    /** Stops the listener from receiving further events; does nothing when already removed. */
    void remove();
}
