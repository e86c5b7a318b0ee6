package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The bounded pool that lends zlib streams and output windows to connections for one message at a time. */
class ZlibPoolTest {

    /** A pooled object that knows whether it is out on loan, was recycled, or was discarded. */
    static final class Item {
        final AtomicInteger recycled = new AtomicInteger();
        volatile boolean discarded;
    }

    private final AtomicInteger created = new AtomicInteger();

    private ZlibPool<Item> pool(int capacity) {
        return new ZlibPool<>(capacity, () -> {
            created.incrementAndGet();
            return new Item();
        }, item -> item.recycled.incrementAndGet(), item -> item.discarded = true);
    }

    @Test
    void reusesWhatWasGivenBack() {
        ZlibPool<Item> pool = pool(2);
        Item first = pool.take();
        assertEquals(1, created.get());
        pool.give(first);
        assertEquals(1, first.recycled.get(), "recycled on return");
        assertEquals(1, pool.freeCount());
        assertSame(first, pool.take());
        assertEquals(1, created.get());
        assertEquals(0, pool.freeCount());
    }

    @Test
    void createsWhenEmptyAndDiscardsWhenFull() {
        ZlibPool<Item> pool = pool(2);
        List<Item> items = List.of(pool.take(), pool.take(), pool.take());
        assertEquals(3, created.get());
        items.forEach(pool::give);
        assertEquals(2, pool.freeCount());
        assertEquals(1, items.stream().filter(item -> item.discarded).count(), "no room for the third");
        Item a = pool.take();
        Item b = pool.take();
        assertNotSame(a, b);
        assertFalse(a.discarded || b.discarded);
    }

    @Test
    void neverLendsOneObjectToTwoBorrowers() throws Exception {
        ZlibPool<Item> pool = pool(4);
        Set<Item> onLoan = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleLoans = new AtomicInteger();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(executor.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        Item item = pool.take();
                        if (!onLoan.add(item) || item.discarded) {
                            doubleLoans.incrementAndGet();
                        }
                        onLoan.remove(item);
                        pool.give(item);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            executor.shutdownNow();
        }
        assertEquals(0, doubleLoans.get());
        assertTrue(pool.freeCount() <= 4);
    }

    @Test
    void defaultCapacityIsSmallAndBounded() {
        assertTrue(ZlibPool.DEFAULT_CAPACITY >= 4 && ZlibPool.DEFAULT_CAPACITY <= 64);
    }
}
