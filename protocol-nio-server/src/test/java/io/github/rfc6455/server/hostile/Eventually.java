package io.github.rfc6455.server.hostile;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition the server reaches on its own threads (a count back to its baseline), up to a deadline. */
final class Eventually {
    private Eventually() {
    }

    /**
     * Polls the condition every few milliseconds until it holds.
     *
     * @throws AssertionError with the message when it does not hold by the deadline
     */
    static void await(BooleanSupplier condition, Duration timeout, Supplier<String> message)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not reached within " + timeout + ": " + message.get());
            }
            Thread.sleep(5); // polling interval, not a synchronisation: the condition decides
        }
    }
}
