package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Masking keys are fresh for every frame (RFC 6455 section 5.3 and 10.3). With 32-bit random keys a few collisions
 * among thousands are possible, so the tests bound their number instead of forbidding them.
 */
class MaskKeysTest {
    @Test
    void keysAreFreshAcrossSeveralBatches() {
        int n = 5000; // more than four 1024-key batches
        Set<Integer> seen = new HashSet<>();
        int previous = MaskKeys.next();
        int sameAsPrevious = 0;
        for (int i = 0; i < n; i++) {
            int key = MaskKeys.next();
            seen.add(key);
            if (key == previous) {
                sameAsPrevious++;
            }
            previous = key;
        }
        assertTrue(seen.size() >= n - 5, "distinct keys: " + seen.size() + " of " + n);
        assertTrue(sameAsPrevious <= 1, "consecutive equal keys: " + sameAsPrevious);
    }

    @Test
    void keysUseAllBitsOfTheKey() {
        int or = 0;
        int and = -1;
        for (int i = 0; i < 2000; i++) {
            int key = MaskKeys.next();
            or |= key;
            and &= key;
        }
        assertEquals(-1, or, "every bit is set in some key");
        assertEquals(0, and, "every bit is clear in some key");
    }

    @Test
    void threadsDrawDifferentKeys() throws Exception {
        int[] a = CompletableFuture.supplyAsync(MaskKeysTest::draw).get(10, TimeUnit.SECONDS);
        int[] b = CompletableFuture.supplyAsync(MaskKeysTest::draw, r -> new Thread(r).start()).get(10, TimeUnit.SECONDS);
        int[] c = draw();
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
        assertNotEquals(java.util.Arrays.toString(b), java.util.Arrays.toString(c));
    }

    private static int[] draw() {
        int[] keys = new int[8];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = MaskKeys.next();
        }
        return keys;
    }
}
