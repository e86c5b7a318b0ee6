package io.github.rfc6455.server.hostile;

import java.lang.reflect.Method;

/**
 * Heap figures of this JVM (the server under test runs in it): the heap in use after a full GC, and the bytes a
 * thread has allocated (HotSpot's per-thread counter, reached by reflection so that the tests need no extra module).
 */
final class Heap {
    private static final Object THREADS;
    private static final Method ALLOCATED;

    static {
        try {
            Class<?> factory = Class.forName("java.lang.management.ManagementFactory");
            THREADS = factory.getMethod("getThreadMXBean").invoke(null);
            ALLOCATED = Class.forName("com.sun.management.ThreadMXBean")
                    .getMethod("getThreadAllocatedBytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Heap() {
    }

    /** @return bytes of heap in use after asking for full GCs until the figure settles */
    static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long now = runtime.totalMemory() - runtime.freeMemory();
            if (Math.abs(now - used) < 64 * 1024) {
                return now;
            }
            used = now;
        }
        return used;
    }

    /** @return the bytes the live thread of that name has allocated so far */
    static long allocatedBy(String threadName) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(threadName)) {
                try {
                    return (Long) ALLOCATED.invoke(THREADS, thread.getId());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("no thread named " + threadName);
    }
}
