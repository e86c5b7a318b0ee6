package io.github.rfc6455.nio;

import java.nio.channels.SelectionKey;

/**
 * Something registered with an {@link EventLoop}'s selector: it is told when its channel is ready.
 *
 * <p>Called only on the event loop's thread.
 */
public interface Selectable {
    /**
     * The channel is ready for the operations in {@code key.readyOps()}.
     *
     * @param key the selection key
     */
    void onSelected(SelectionKey key);

    /**
     * Called about every {@link EventLoop#tickMillis()} for the loop's connections, to check deadlines.
     *
     * @param nowNanos the current {@link System#nanoTime()}
     */
    default void onTick(long nowNanos) {
    }

    /**
     * Release the channel and end whatever depends on it: the event loop is shutting down, or one of this channel's
     * callbacks failed unexpectedly and the loop drops it.
     */
    default void onLoopClosed() {
    }
}
