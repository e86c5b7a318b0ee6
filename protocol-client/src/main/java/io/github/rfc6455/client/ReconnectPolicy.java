package io.github.rfc6455.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When a {@link WebSocket} reconnects after a lost connection: exponential backoff with jitter and a maximum number of
 * attempts. Attempt {@code n} (from 1) waits {@code min(maxDelay, initialDelay * multiplier^(n-1))}, spread by a
 * random factor in {@code [1 - jitter, 1 + jitter]} so that many clients dropped together do not return together.
 * The count starts again after every successful open.
 *
 * <p>A socket reconnects when its connection failed or was lost (status {@link WebSocket.Status#ERROR}), including a
 * failed reconnect attempt, and when the server closed it with 1001 (going away), 1011 (internal error), 1012 (service
 * restart), 1013 (try again later) or 1014 (bad gateway). It never reconnects after the application closed it
 * ({@link WebSocket#close()}, {@link WebSocket#setActive(boolean) setActive(false)}, {@link WebSocket#abort()}) nor
 * after the server closed it with another code (1000 means the purpose was fulfilled).
 *
 * <p>Immutable and thread-safe.
 *
 * @param initialDelay the delay before the first attempt
 * @param maxDelay the longest delay before jitter
 * @param multiplier how much each delay grows over the previous one (at least 1)
 * @param jitter the random spread, from 0 (none) to 1
 * @param maxAttempts the most consecutive attempts before giving up (at least 1)
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
                              int maxAttempts) {
    /**
     * @throws IllegalArgumentException when a value is out of range
     * @throws NullPointerException when a delay is null
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(multiplier >= 1) || !(jitter >= 0 && jitter <= 1) || maxAttempts < 1) {
            throw new IllegalArgumentException("need multiplier >= 1, 0 <= jitter <= 1, maxAttempts >= 1");
        }
    }

    /** @return 0.5 s doubling up to 30 s, 20 % jitter, at most 10 attempts */
    public static ReconnectPolicy exponentialBackoff() {
        return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(30), 2.0, 0.2, 10);
    }

    /**
     * @param attempts the most consecutive attempts
     * @return this policy with another maximum
     */
    public ReconnectPolicy withMaxAttempts(int attempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, multiplier, jitter, attempts);
    }

    /**
     * @param initial the first delay
     * @param max the longest delay before jitter
     * @return this policy with other delays
     */
    public ReconnectPolicy withDelays(Duration initial, Duration max) {
        return new ReconnectPolicy(initial, max, multiplier, jitter, maxAttempts);
    }

    /**
     * The delay before an attempt.
     *
     * @param attempt the attempt number, from 1
     * @param random a uniformly distributed number in {@code [0, 1)}
     * @return the delay
     */
    public Duration delay(int attempt, double random) {
        double base = initialDelay.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
        base = Math.min(base, maxDelay.toNanos());
        double spread = 1 - jitter + 2 * jitter * random;
        return Duration.ofNanos((long) Math.max(0, base * spread));
    }
}
