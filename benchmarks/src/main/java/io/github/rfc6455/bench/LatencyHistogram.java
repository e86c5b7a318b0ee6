package io.github.rfc6455.bench;

/**
 * A log-linear histogram of durations in nanoseconds: each power of two is split into {@value #SUB_BUCKETS} equal
 * buckets, so a recorded value is known to within about 3% whatever its size, in a fixed array (no allocation per
 * value). Values from 0 to 2^62 ns fit.
 *
 * <p>Not thread-safe: one per thread, {@link #add} them afterwards.
 */
final class LatencyHistogram {
    private static final int SUB_BITS = 5;
    private static final int SUB_BUCKETS = 1 << SUB_BITS;

    private final long[] counts = new long[(64 - SUB_BITS + 1) * SUB_BUCKETS];
    private long total;

    /** @param nanos a duration; negative values count as 0 */
    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    /** @return how many values were recorded */
    long count() {
        return total;
    }

    /** Forgets every value. */
    void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
    }

    /** @param other values to add to this histogram */
    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
    }

    /**
     * @param fraction between 0 and 1, e.g. 0.99
     * @return the smallest bucket midpoint at or below which that fraction of the values lies, in nanoseconds; 0
     *         when empty
     */
    double percentileNanos(double fraction) {
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(fraction * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return (lowerBound(i) + lowerBound(i + 1) - 1) / 2.0;
            }
        }
        return lowerBound(counts.length - 1);
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int sub = (int) (value >>> (exponent - SUB_BITS)) & (SUB_BUCKETS - 1);
        return (exponent - SUB_BITS + 1) * SUB_BUCKETS + sub;
    }

    static long lowerBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int exponent = index / SUB_BUCKETS + SUB_BITS - 1;
        int sub = index % SUB_BUCKETS;
        return (1L << exponent) + ((long) sub << (exponent - SUB_BITS));
    }
}
