package io.github.rfc6455.nio;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed set of {@link EventLoop}s handed out round-robin; connections are spread over them and stay on the one they
 * got. Servers default to one loop per available processor; many clients share one loop.
 *
 * <p>Thread-safe.
 */
public final class EventLoopGroup {
    private final EventLoop[] loops;
    private final AtomicInteger next = new AtomicInteger();

    /**
     * Starts the loops.
     *
     * @param threads how many loops (threads)
     * @param namePrefix thread name prefix; threads are named prefix-0, prefix-1...
     * @param config supplies the read buffer size
     * @param tickMillis how often connections check their deadlines
     * @param daemon whether the threads are daemon threads
     */
    public EventLoopGroup(int threads, String namePrefix, TransportConfig config, long tickMillis, boolean daemon) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive: " + threads);
        }
        loops = new EventLoop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new EventLoop(namePrefix + "-" + i, config.readBufferSize(), tickMillis, daemon);
        }
    }

    /** @return the next loop, round-robin */
    public EventLoop next() {
        return loops[Math.floorMod(next.getAndIncrement(), loops.length)];
    }

    /** @return the number of loops */
    public int size() {
        return loops.length;
    }

    /**
     * @param i an index below {@link #size()}
     * @return that loop
     */
    public EventLoop get(int i) {
        return loops[i];
    }

    /**
     * Stops every loop.
     *
     * @return completes when every loop thread has ended
     */
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<?>[] all = new CompletableFuture<?>[loops.length];
        for (int i = 0; i < loops.length; i++) {
            all[i] = loops[i].shutdown();
        }
        return CompletableFuture.allOf(all);
    }
}
