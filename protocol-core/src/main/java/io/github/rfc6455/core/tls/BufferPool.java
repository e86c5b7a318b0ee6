package io.github.rfc6455.core.tls;

import java.nio.ByteBuffer;

/**
 * A small per-thread stack of free heap buffers, so that thousands of idle TLS connections on one event loop hold no
 * buffer while a busy one reuses the same few. Heap buffers suit the JDK's {@code SSLEngine}, whose ciphers work on
 * arrays.
 *
 * <p>Each thread keeps at most {@link #MAX_FREE} free buffers; a buffer given back to a full pool is left to the
 * garbage collector. Buffers never cross threads through the pool.
 *
 * <p>Thread-safe (thread-confined state).
 */
final class BufferPool {
    /** Free buffers kept per thread. */
    static final int MAX_FREE = 8;

    private static final ThreadLocal<BufferPool> LOCAL = ThreadLocal.withInitial(BufferPool::new);

    private final ByteBuffer[] free = new ByteBuffer[MAX_FREE];
    private int count;

    private BufferPool() {
    }

    /**
     * @param minCapacity the least capacity wanted
     * @return a cleared buffer (write mode) of at least that capacity: the smallest free one that fits, or a new one
     */
    static ByteBuffer take(int minCapacity) {
        return LOCAL.get().get(minCapacity);
    }

    /**
     * Gives a buffer back for reuse; the caller must not touch it afterwards.
     *
     * @param buffer the buffer, or null
     * @return null, to clear the caller's field in one statement
     */
    static ByteBuffer give(ByteBuffer buffer) {
        if (buffer != null) {
            LOCAL.get().put(buffer);
        }
        return null;
    }

    /** @return how many free buffers this thread's pool holds (for tests) */
    static int freeCount() {
        return LOCAL.get().count;
    }

    /** Empties this thread's pool (for tests that need fresh allocations). */
    static void drain() {
        BufferPool pool = LOCAL.get();
        java.util.Arrays.fill(pool.free, null);
        pool.count = 0;
    }

    private ByteBuffer get(int minCapacity) {
        int best = -1;
        for (int i = 0; i < count; i++) {
            int capacity = free[i].capacity();
            if (capacity >= minCapacity && (best < 0 || capacity < free[best].capacity())) {
                best = i;
            }
        }
        if (best < 0) {
            return ByteBuffer.allocate(minCapacity);
        }
        ByteBuffer buffer = free[best];
        free[best] = free[--count];
        free[count] = null;
        return buffer;
    }

    private void put(ByteBuffer buffer) {
        buffer.clear();
        if (count < MAX_FREE) {
            free[count++] = buffer;
        }
    }
}
