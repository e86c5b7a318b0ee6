package io.github.rfc6455.core.fuzz;

import java.lang.management.ManagementFactory;

/** Bytes of heap the current thread has allocated, from the JVM's own per-thread counter. */
final class Allocations {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /** @return the bytes the current thread has allocated so far */
    static long current() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}
