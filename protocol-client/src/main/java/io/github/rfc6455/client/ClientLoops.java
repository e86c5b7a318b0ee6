package io.github.rfc6455.client;

import io.github.rfc6455.nio.EventLoopGroup;
import io.github.rfc6455.nio.TransportConfig;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The event loops every client shares unless its options name others, and the executor that resolves host names
 * (which blocks, so never on a loop). Both start on first use and run daemon threads, so they never keep a JVM alive.
 * The number of loop threads is {@code 1}, or the system property {@code rfc6455.client.threads}.
 *
 * <p>Thread-safe: lazily created under class initialisation.
 */
final class ClientLoops {
    /** How often a loop checks the connect, handshake and close deadlines of its connections. */
    static final long TICK_MILLIS = 50;

    private ClientLoops() {
    }

    private static final class Shared {
        static final EventLoopGroup GROUP = new EventLoopGroup(Math.max(1, Integer.getInteger("rfc6455.client.threads", 1)),
                "rfc6455-client", TransportConfig.DEFAULT, TICK_MILLIS, true);
    }

    private static final class Resolver {
        private static final AtomicInteger COUNT = new AtomicInteger();
        static final ExecutorService EXECUTOR = create();

        /** Up to 4 threads that end after 30 s idle; lookups beyond that wait in line (never on a loop thread). */
        private static ExecutorService create() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    task -> {
                        Thread t = new Thread(task, "rfc6455-client-resolver-" + COUNT.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }

    /** @return the shared client event loop group */
    static EventLoopGroup shared() {
        return Shared.GROUP;
    }

    /** @return where host names are resolved */
    static Executor resolver() {
        return Resolver.EXECUTOR;
    }
}
