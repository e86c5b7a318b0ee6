package io.github.rfc6455.client;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Remembers when recent pings were sent, to report the round trip time with the matching pong (RFC 6455 section
 * 5.5.3: a pong carries the ping's application data). At most {@link #MAX_OUTSTANDING} pings are remembered.
 *
 * <p>Thread-safe: pings are sent from any thread, pongs arrive on the event loop.
 */
final class PingTimes {
    static final int MAX_OUTSTANDING = 16;

    private record Sent(byte[] payload, long nanos) {
    }

    private final ArrayDeque<Sent> outstanding = new ArrayDeque<>();
    private long lastPing;
    private boolean anyPing;

    synchronized void sent(byte[] payload, long nanos) {
        if (outstanding.size() == MAX_OUTSTANDING) {
            outstanding.removeFirst();
        }
        outstanding.addLast(new Sent(payload.clone(), nanos));
        lastPing = nanos;
        anyPing = true;
    }

    /**
     * @param payload the pong's payload (not moved)
     * @param now the current {@link System#nanoTime()}
     * @return the time since the matching ping, else since the latest ping, else zero
     */
    synchronized Duration pong(ByteBuffer payload, long now) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(payload.position(), bytes);
        for (Iterator<Sent> it = outstanding.iterator(); it.hasNext(); ) {
            Sent sent = it.next();
            if (Arrays.equals(sent.payload, bytes)) {
                // this pong answers this ping and, implicitly, every older one (RFC 6455 section 5.5.3)
                while (outstanding.peekFirst() != sent) {
                    outstanding.removeFirst();
                }
                outstanding.removeFirst();
                return Duration.ofNanos(now - sent.nanos);
            }
        }
        return anyPing ? Duration.ofNanos(now - lastPing) : Duration.ZERO;
    }

    synchronized void clear() {
        outstanding.clear();
    }
}
