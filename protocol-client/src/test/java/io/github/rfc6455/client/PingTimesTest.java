package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Round trip times of pings, matched by payload. */
class PingTimesTest {
    @Test
    void matchesPongsToPingsByPayload() {
        PingTimes pings = new PingTimes();
        assertEquals(Duration.ZERO, pings.pong(ByteBuffer.wrap(new byte[] {1}), 50), "no ping yet");
        pings.sent(new byte[] {1}, 100);
        pings.sent(new byte[] {2}, 200);
        pings.sent(new byte[] {3}, 300);
        assertEquals(Duration.ofNanos(250), pings.pong(ByteBuffer.wrap(new byte[] {2}), 450));
        assertEquals(Duration.ofNanos(200), pings.pong(ByteBuffer.wrap(new byte[] {3}), 500));
        // ping 1 was dropped when the pong of a later ping came (RFC 6455 section 5.5.3): unsolicited now
        assertEquals(Duration.ofNanos(300), pings.pong(ByteBuffer.wrap(new byte[] {1}), 600), "since the latest ping");
    }

    @Test
    void remembersABoundedNumberOfPings() {
        PingTimes pings = new PingTimes();
        for (int i = 0; i < PingTimes.MAX_OUTSTANDING + 5; i++) {
            pings.sent(new byte[] {(byte) i}, i);
        }
        assertEquals(Duration.ofNanos(1000 - (PingTimes.MAX_OUTSTANDING + 4)),
                pings.pong(ByteBuffer.wrap(new byte[] {0}), 1000), "ping 0 was forgotten: time since the latest");
        assertEquals(Duration.ofNanos(1000 - 5), pings.pong(ByteBuffer.wrap(new byte[] {5}), 1000));
    }
}
