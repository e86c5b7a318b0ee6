package io.github.rfc6455.server.hostile;

import static io.github.rfc6455.server.RawClient.BINARY;
import static io.github.rfc6455.server.RawClient.CONTINUATION;
import static io.github.rfc6455.server.RawClient.PING;
import static io.github.rfc6455.server.RawClient.PONG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.server.RawClient;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.nio.TransportConfig;
import io.github.rfc6455.server.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile frames against the real echo server over loopback, with the default limits (16 MiB frames and messages,
 * 2^20 fragments per message): 64-bit lengths (gorilla CVE-2020-27813, Tomcat CVE-2020-13935), messages at and one
 * byte over the limit, endless tiny continuations (Netty CVE-2014-0193, ws 8.21.0), a message chopped into 1-byte
 * frames, ping and unsolicited pong floods (Undertow CVE-2021-3690). Each asserts the exact close code or echo, and
 * that a well-behaved client opened before the attack keeps echoing during and after it.
 */
@Timeout(180)
class FrameAttackTest {
    private static final int LIMIT = (int) WebSocketConfig.DEFAULT_MAX_MESSAGE_SIZE;

    /** A length whose most significant bit is set (RFC 6455 section 5.2 forbids it): 1002, never a negative size. */
    @Test
    void lengthWithTheTopBitSetIs1002() throws Exception {
        assertLengthFails(0xFFFF_FFFF_FFFF_FFFFL, 1002);
        assertLengthFails(0x8000_0000_0000_0000L, 1002);
    }

    /** 2^63-1 (the largest legal length) and 2^31 (past a 32-bit int): above the 16 MiB frame limit, 1009. */
    @Test
    void hugeLegalLengthsAre1009() throws Exception {
        assertLengthFails(Long.MAX_VALUE, 1009);
        assertLengthFails(1L << 31, 1009);
        assertLengthFails(LIMIT + 1L, 1009);
    }

    private static void assertLengthFails(long length, int code) throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            attacker.write(RawClient.header(0x80 | BINARY, length));
            assertEquals(code, attacker.readCloseCodeWithNoDataBefore(), () -> "close code for length " + Long.toUnsignedString(length));
            assertTrue(attacker.awaitEof(), "the connection stayed open");
            canary.assertEchoes("after a frame of " + Long.toUnsignedString(length) + " bytes");
            assertEquals(1, fixture.messages.get(), "only the canary's message may be delivered");
        }
    }

    /** A message of exactly 16 MiB is accepted and echoed whole, while the canary keeps echoing. */
    @Test
    void messageExactlyAtTheLimitIsEchoedWhole() throws Exception {
        byte[] message = random(LIMIT, 1);
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient big = RawClient.connect(fixture.port()).open("/echo")) {
            CompletableFuture<RawClient.Frame> echo = CompletableFuture.supplyAsync(() -> {
                try {
                    return big.readFrame();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            big.sendFrame(true, 0, BINARY, message);
            canary.assertEchoes("while 16 MiB are echoed");
            RawClient.Frame frame = echo.get(60, TimeUnit.SECONDS);
            assertEquals(BINARY, frame.opcode());
            assertTrue(frame.fin());
            assertArrayEquals(message, frame.payload(), "the 16 MiB echo differs");
            assertEquals(LIMIT, fixture.longestMessage.get());
            canary.assertEchoes("after 16 MiB");
        }
    }

    /** One byte over the limit, in two fragments (16 MiB, then 1 byte): 1009, and nothing is delivered or echoed. */
    @Test
    void oneByteOverTheLimitIs1009AndNeverDelivered() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            attacker.sendFrame(false, 0, BINARY, random(LIMIT, 2));
            attacker.sendFrame(true, 0, CONTINUATION, new byte[] {42});
            assertEquals(1009, attacker.readCloseCodeWithNoDataBefore(), "a data frame came back instead of the close");
            assertTrue(attacker.awaitEof());
            canary.assertEchoes("after one byte too many");
            assertEquals(1, fixture.messages.get(), "the oversized message was delivered");
        }
        try (EchoFixture fixture = EchoFixture.start(); RawClient attacker = fixture.canary()) {
            attacker.sendFrame(true, 0, BINARY, new byte[LIMIT + 1]); // in one frame: fails at its header
            assertEquals(1009, attacker.readCloseCodeWithNoDataBefore());
            assertEquals(0, fixture.messages.get());
        }
    }

    /**
     * Two million 0-byte, and two million 1-byte, continuation frames: the fragment cap (2^20 frames per message) fails
     * the message with 1009 where a byte limit would never trigger; the server allocates next to nothing per fragment.
     */
    @Test
    void endlessTinyContinuationsHitTheFragmentCap() throws Exception {
        for (int size : new int[] {0, 1}) {
            try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
                 RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
                long allocatedBefore = Heap.allocatedBy(fixture.loopThread);
                int frames = 2 * WebSocketConfig.DEFAULT_MAX_FRAGMENTS; // 2,097,152 frames
                CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                    try {
                        attacker.buffer(RawClient.frame(false, 0, BINARY, new byte[size]));
                        byte[] continuation = RawClient.frame(false, 0, CONTINUATION, new byte[size]);
                        for (int i = 1; i < frames; i++) {
                            attacker.buffer(continuation);
                        }
                        attacker.flush();
                    } catch (IOException e) {
                        // the server failed the connection and closed it: expected
                    }
                });
                canary.assertEchoes("during " + size + "-byte continuations");
                assertEquals(1009, attacker.readCloseCodeWithNoDataBefore(), "fragment cap not applied to " + size + "-byte frames");
                assertTrue(attacker.awaitEof());
                flood.get(60, TimeUnit.SECONDS);
                long allocated = Heap.allocatedBy(fixture.loopThread) - allocatedBefore;
                assertTrue(allocated < 64L << 20, () -> "the server allocated " + allocated + " bytes for "
                        + frames + " fragments of " + size + " bytes");
                canary.assertEchoes("after " + size + "-byte continuations");
                assertEquals(2, fixture.messages.get());
            }
        }
    }

    /**
     * A 16 MiB message chopped into 1-byte frames is 2^24 fragments: with the default cap it fails with 1009 once
     * 2^20 have arrived; with the cap raised to 2^24 it is echoed whole.
     */
    @Test
    void sixteenMebibytesInOneByteFrames() throws Exception {
        byte[] message = random(LIMIT, 3);
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            CompletableFuture<Void> sending = sendInOneByteFrames(attacker, message);
            assertEquals(1009, attacker.readCloseCodeWithNoDataBefore());
            sending.get(120, TimeUnit.SECONDS);
            canary.assertEchoes("after the fragment cap");
        }
        WebSocketConfig raised = WebSocketConfig.builder().maxFragmentsPerMessage(LIMIT).build();
        try (EchoFixture fixture = EchoFixture.start(raised, TransportConfig.DEFAULT);
             RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            CompletableFuture<Void> sending = sendInOneByteFrames(attacker, message);
            canary.assertEchoes("during 2^24 fragments");
            RawClient.Frame frame = attacker.readFrame();
            sending.get(120, TimeUnit.SECONDS);
            assertArrayEquals(message, frame.payload(), "the message of 1-byte frames came back different");
            canary.assertEchoes("after 2^24 fragments");
        }
    }

    private static CompletableFuture<Void> sendInOneByteFrames(RawClient client, byte[] message) {
        return CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < message.length; i++) {
                    client.buffer(RawClient.frame(i == message.length - 1, 0, i == 0 ? BINARY : CONTINUATION,
                            new byte[] {message[i]}));
                }
                client.flush();
            } catch (IOException e) {
                // closed by the server after 1009
            }
        });
    }

    /** A 1 MiB message written to TCP one byte per write (and so read in tiny pieces) is echoed whole. */
    @Test
    void messageInOneByteTcpWritesIsEchoed() throws Exception {
        byte[] message = random(1 << 20, 4);
        byte[] frame = RawClient.frame(true, 0, BINARY, message);
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            java.io.OutputStream raw = attacker.socket().getOutputStream();
            for (int i = 0; i < frame.length; i++) {
                raw.write(frame[i]);
                if (i == frame.length / 2) {
                    canary.assertEchoes("during 1-byte writes");
                }
            }
            RawClient.Frame echo = attacker.readFrame();
            assertArrayEquals(message, echo.payload());
            canary.assertEchoes("after 1-byte writes");
        }
    }

    /** A flood of 100,000 pings from a client that reads: every one is answered, in order, with its payload. */
    @Test
    void pingFloodIsAnsweredInOrder() throws Exception {
        int pings = 100_000;
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < pings; i++) {
                        attacker.buffer(RawClient.frame(true, 0, PING, ByteBuffer.allocate(4).putInt(i).array()));
                    }
                    attacker.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            for (int i = 0; i < pings; i++) {
                RawClient.Frame pong = attacker.readFrame();
                assertEquals(PONG, pong.opcode());
                assertEquals(i, ByteBuffer.wrap(pong.payload()).getInt(), "pong out of order");
                if (i == pings / 2) {
                    canary.assertEchoes("during the ping flood");
                }
            }
            flood.get(30, TimeUnit.SECONDS);
            canary.assertEchoes("after the ping flood");
        }
    }

    /**
     * A ping flood from a client that never reads: the pongs pile up only to the high watermark (1 MiB), then the
     * server stops reading that connection, so the flood backs up into the attacker's own TCP buffers.
     */
    @Test
    void pingFloodFromANonReaderIsBoundedByTheHighWatermark() throws Exception {
        TransportConfig transport = TransportConfig.DEFAULT;
        long bound = transport.highWatermark() + transport.readBufferSize() + 4096;
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port(), 4096).open("/echo")) {
            Session session = sessionOf(fixture, attacker);
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                byte[] ping = RawClient.frame(true, 0, PING, new byte[125]);
                try {
                    for (int i = 0; i < 2_000_000; i++) {
                        attacker.buffer(ping);
                    }
                    attacker.flush();
                } catch (IOException e) {
                    // closed when the test ends
                }
            });
            Eventually.await(() -> {
                long queued = session.bufferedAmount();
                assertTrue(queued <= bound, () -> queued + " bytes of pongs queued, bound " + bound);
                return queued > transport.highWatermark();
            }, Duration.ofSeconds(30), () -> "pongs never reached the high watermark");
            canary.assertEchoes("while a non-reader floods pings");
            assertTrue(session.bufferedAmount() <= bound);
            assertTrue(session.isOpen(), "below the hard limit the connection stays open");
            attacker.close();
            flood.get(30, TimeUnit.SECONDS);
            fixture.awaitConnections(1, Duration.ofSeconds(10));
            canary.assertEchoes("after the non-reader left");
        }
    }

    /** A million unsolicited pongs (Undertow CVE-2021-3690 leaked a buffer per pong): the heap after GC is unchanged. */
    @Test
    void unsolicitedPongFloodLeaksNothing() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port()).open("/echo")) {
            attacker.assertEchoes("warm up");
            long before = Heap.usedAfterGc();
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                byte[] pong = RawClient.frame(true, 0, PONG, new byte[125]);
                try {
                    for (int i = 0; i < 1_000_000; i++) {
                        attacker.buffer(pong);
                    }
                    attacker.flush();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            canary.assertEchoes("during the pong flood");
            flood.get(60, TimeUnit.SECONDS);
            attacker.assertEchoes("after 1,000,000 pongs"); // every pong before it has been processed
            long after = Heap.usedAfterGc();
            assertTrue(after - before < 16L << 20, () -> "heap grew by " + (after - before)
                    + " bytes over 1,000,000 pongs (131 MB of frames)");
            canary.assertEchoes("after the pong flood");
        }
    }

    static Session sessionOf(EchoFixture fixture, RawClient client) throws InterruptedException {
        int port = client.socket().getLocalPort();
        Session[] found = {null};
        Eventually.await(() -> {
            for (Session s : fixture.server.sessions()) {
                if (s.remoteAddress().getPort() == port) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(10), () -> "no session for local port " + port);
        return found[0];
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
