package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Property
    void everyValueLandsInABucketThatContainsIt(@ForAll @LongRange(min = 0, max = 1L << 61) long value) {
        int index = LatencyHistogram.index(value);
        assertTrue(LatencyHistogram.lowerBound(index) <= value);
        assertTrue(value < LatencyHistogram.lowerBound(index + 1));
    }

    @Property
    void bucketsAreNarrowerThanFourPercent(@ForAll @LongRange(min = 32, max = 1L << 61) long value) {
        int index = LatencyHistogram.index(value);
        long width = LatencyHistogram.lowerBound(index + 1) - LatencyHistogram.lowerBound(index);
        assertTrue(width <= value / 31.0, "bucket width " + width + " for " + value);
    }

    @Test
    void percentilesOfAUniformSpread() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int micros = 1; micros <= 1000; micros++) {
            histogram.record(micros * 1000L);
        }
        assertEquals(1000, histogram.count());
        assertEquals(500_000, histogram.percentileNanos(0.50), 500_000 * 0.04);
        assertEquals(990_000, histogram.percentileNanos(0.99), 990_000 * 0.04);
        assertEquals(1_000_000, histogram.percentileNanos(1.0), 1_000_000 * 0.04);
    }

    @Test
    void addAndResetCombineAndForgetCounts() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(100);
        b.record(10_000_000);
        b.record(-5);
        a.add(b);
        assertEquals(3, a.count());
        assertEquals(0, a.percentileNanos(0.1), 0.5);
        assertEquals(10_000_000, a.percentileNanos(1.0), 10_000_000 * 0.04);
        a.reset();
        assertEquals(0, a.count());
        assertEquals(0, a.percentileNanos(0.99));
    }
}
