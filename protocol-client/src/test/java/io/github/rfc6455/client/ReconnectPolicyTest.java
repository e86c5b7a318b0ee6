package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Exponential backoff with jitter. */
class ReconnectPolicyTest {
    private final ReconnectPolicy policy = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 2, 0.25,
            10);

    @Test
    void delaysGrowExponentiallyUpToTheMaximum() {
        assertEquals(Duration.ofMillis(100), policy.delay(1, 0.5));
        assertEquals(Duration.ofMillis(200), policy.delay(2, 0.5));
        assertEquals(Duration.ofMillis(400), policy.delay(3, 0.5));
        assertEquals(Duration.ofMillis(3200), policy.delay(6, 0.5));
        assertEquals(Duration.ofSeconds(5), policy.delay(7, 0.5));
        assertEquals(Duration.ofSeconds(5), policy.delay(1000, 0.5));
    }

    @Test
    void jitterSpreadsTheDelay() {
        assertEquals(Duration.ofMillis(75), policy.delay(1, 0.0));
        assertEquals(Duration.ofMillis(125), policy.delay(1, 1.0));
    }

    @Property
    void delaysStayWithinTheJitterBand(@ForAll @IntRange(min = 1, max = 60) int attempt,
                                       @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double random) {
        double base = Math.min(100.0 * Math.pow(2, attempt - 1), 5000.0);
        long millis = policy.delay(attempt, random).toMillis();
        assertTrue(millis >= Math.floor(base * 0.75) - 1 && millis <= Math.ceil(base * 1.25) + 1, attempt + ": " + millis);
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 0, 0));
        assertEquals(3, ReconnectPolicy.exponentialBackoff().withMaxAttempts(3).maxAttempts());
        assertEquals(Duration.ofMillis(7),
                ReconnectPolicy.exponentialBackoff().withDelays(Duration.ofMillis(7), Duration.ofMillis(9))
                        .initialDelay());
    }
}
