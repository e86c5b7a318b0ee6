package io.github.rfc6455.core.handshake;

/**
 * Bounds on one HTTP/1.1 head read by {@link HttpHeadParser}; exceeding either fails the handshake with status 431
 * (RFC 6585 section 5).
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxHeadBytes the most bytes of the head, start line and final blank line included (at least 1)
 * @param maxHeaders the most header fields (at least 0)
 */
public record HeadLimits(int maxHeadBytes, int maxHeaders) {
    /** 8 KiB and 100 header fields, as most HTTP servers allow. */
    public static final HeadLimits DEFAULT = new HeadLimits(8192, 100);

    /**
     * @param maxHeadBytes the most bytes of the head (at least 1)
     * @param maxHeaders the most header fields (at least 0)
     * @throws IllegalArgumentException when a bound is out of range
     */
    public HeadLimits {
        if (maxHeadBytes < 1 || maxHeaders < 0) {
            throw new IllegalArgumentException("invalid head limits: " + maxHeadBytes + " bytes, " + maxHeaders + " headers");
        }
    }
}
