package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates, with {@code com.sun.management.ThreadMXBean} (HotSpot counts
 * every TLAB and outside-TLAB allocation of the thread). A measurement, not a timing: the same code gives the same
 * count on any machine once the JIT has compiled it.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

    /** Skips the calling test where the JVM cannot count allocations per thread. */
    public static void assumeSupported() {
        assumeTrue(THREADS.isThreadAllocatedMemorySupported(), "per-thread allocation counting not supported");
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
    }

    /**
     * Runs {@code work} once to warm it up, then again while counting.
     *
     * @param warmUp the warm-up run (JIT compilation, lazy initialisation)
     * @param work the measured run
     * @return the bytes the current thread allocated during {@code work}
     */
    public static long allocatedBy(Runnable warmUp, Runnable work) {
        warmUp.run();
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        work.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }
}
