package io.github.rfc6455.core.extension;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A small bounded pool of reusable objects shared by all connections and threads: zlib streams ({@code Deflater},
 * {@code Inflater}, whose native memory is the real cost) and inflate output windows. A connection that does not
 * keep a compression context borrows one for a single message and gives it back, so thousands of idle connections
 * hold none while a busy server reuses a few.
 *
 * <p>The free objects sit in a fixed array of slots taken and filled with compare-and-set: no lock, no allocation per
 * use. When every slot is empty {@link #take} creates a new object; when every slot is full {@link #give} discards
 * the object (for zlib streams: {@code end()}, releasing the native memory at once).
 *
 * <p>Thread-safe.
 *
 * @param <T> the pooled type
 */
final class ZlibPool<T> {
    /** Free objects kept per pool: enough for every core to be busy twice over, never more than 64. */
    static final int DEFAULT_CAPACITY = Math.min(64, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));

    private final AtomicReferenceArray<T> slots;
    private final Supplier<T> factory;
    private final Consumer<T> recycle;
    private final Consumer<T> discard;

    /**
     * @param capacity how many free objects to keep
     * @param factory creates a new object when the pool is empty
     * @param recycle makes a returned object as good as new (for example {@code Inflater::reset})
     * @param discard releases an object the pool has no room for (for example {@code Inflater::end})
     */
    ZlibPool(int capacity, Supplier<T> factory, Consumer<T> recycle, Consumer<T> discard) {
        this.slots = new AtomicReferenceArray<>(capacity);
        this.factory = factory;
        this.recycle = recycle;
        this.discard = discard;
    }

    /** @return a free object, or a new one when none is free */
    T take() {
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            T free = slots.get(slot);
            if (free != null && slots.compareAndSet(slot, free, null)) {
                return free;
            }
        }
        return factory.get();
    }

    /**
     * Recycles an object and keeps it for the next {@link #take}, or discards it when the pool is full.
     *
     * @param object an object from {@link #take}; the caller must not use it afterwards
     */
    void give(T object) {
        recycle.accept(object);
        int n = slots.length();
        int start = start(n);
        for (int i = 0; i < n; i++) {
            int slot = (start + i) % n;
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, object)) {
                return;
            }
        }
        discard.accept(object);
    }

    /** @return how many free objects the pool holds now (for tests and monitoring) */
    int freeCount() {
        int count = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    /** Spreads threads over the slots so that they rarely contend for the same one. */
    private static int start(int n) {
        return Math.floorMod(Thread.currentThread().hashCode(), n);
    }
}
