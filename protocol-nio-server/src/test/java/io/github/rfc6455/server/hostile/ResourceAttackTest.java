package io.github.rfc6455.server.hostile;

import static io.github.rfc6455.server.RawClient.BINARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.server.RawClient;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.nio.TransportConfig;
import io.github.rfc6455.server.Session;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile use of server resources over loopback: clients that never read what is echoed to them, clients that
 * vanish without a closing handshake, and deflate bombs. Each asserts the exact outcome, that the server's memory
 * stays bounded, that it holds nothing of the attacker afterwards, and that a client opened before the attack keeps
 * echoing during and after it.
 */
@Timeout(120)
class ResourceAttackTest {

    /**
     * A client that sends 64 KiB messages to the echo server and never reads: the echoes queue up to the high
     * watermark (1 MiB), then the server stops reading that client, whose own sends then block; its queue never goes
     * past the watermark plus one read's worth of echoes, and the connection stays open (below the 64 MiB hard limit).
     */
    @Test
    void clientThatNeverReadsStallsOnlyItself() throws Exception {
        TransportConfig transport = TransportConfig.DEFAULT;
        long bound = transport.highWatermark() + transport.readBufferSize() + (64 << 10) + 1024;
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary();
             RawClient attacker = RawClient.connect(fixture.port(), 4096).open("/echo")) {
            Session session = FrameAttackTest.sessionOf(fixture, attacker);
            byte[] message = RawClient.frame(true, 0, BINARY, new byte[64 << 10]);
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 4096; i++) { // 256 MiB: far more than the buffers on the way can hold
                        attacker.write(message);
                    }
                } catch (IOException e) {
                    // closed when the test ends
                }
            });
            // The echoes first fill the kernel's socket buffers, then the queue; once the queue is past the high
            // watermark for good, the server reads nothing more from this client while the canary is served.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int stableRounds = 0;
            int round = 0;
            while (stableRounds < 3) {
                assertTrue(System.nanoTime() < deadline, "the stalled client was never paused for good");
                long queued = session.bufferedAmount();
                assertTrue(queued <= bound, () -> queued + " bytes queued for a client that does not read");
                int delivered = fixture.messages.get();
                canary.assertEchoes("while a client does not read " + round++);
                boolean paused = queued > transport.highWatermark() && session.bufferedAmount() == queued;
                stableRounds = paused && fixture.messages.get() == delivered + 1 ? stableRounds + 1 : 0;
            }
            assertTrue(session.bufferedAmount() <= bound);
            assertTrue(session.isOpen());
            attacker.close();
            sending.get(30, TimeUnit.SECONDS);
            fixture.awaitConnections(1, Duration.ofSeconds(10));
            canary.assertEchoes("after the stalled client left");
        }
    }

    /**
     * 200 clients open and vanish without a Close frame, half with a FIN and half with a reset: every session is
     * closed (1006, abnormal closure) and released; the counts go back to the canary alone.
     */
    @Test
    void clientsThatVanishAreReleased() throws Exception {
        try (EchoFixture fixture = EchoFixture.start(); RawClient canary = fixture.canary()) {
            List<RawClient> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                RawClient client = RawClient.connect(fixture.port()).open("/echo");
                if (i % 3 == 0) {
                    client.sendFrame(false, 0, BINARY, new byte[1000]); // vanish in the middle of a message
                }
                clients.add(client);
            }
            fixture.awaitConnections(201, Duration.ofSeconds(10));
            canary.assertEchoes("with 200 more clients");
            for (int i = 0; i < clients.size(); i++) {
                if (i % 2 == 0) {
                    clients.get(i).socket().setSoLinger(true, 0); // close with a reset
                }
                clients.get(i).close();
            }
            fixture.awaitConnections(1, Duration.ofSeconds(20));
            Eventually.await(() -> fixture.closed.get() == 200, Duration.ofSeconds(10),
                    () -> fixture.closed.get() + " sessions reported closed");
            assertEquals(1, fixture.server.sessionCount());
            assertEquals(1006, fixture.lastCloseCode.get());
            canary.assertEchoes("after 200 clients vanished");
        }
    }

    /**
     * Deflate bombs: 64 MiB of zeros compressed to about 64 KiB, as one message and as 1,000 fragments, against a
     * 1 MiB limit: 1009 after at most one more 16 KiB window; the server's event loop allocates a bounded amount
     * (a few times the limit, not the 64 MiB the data inflates to) and the heap after GC is back where it was.
     */
    @Test
    void deflateBombIs1009WithBoundedHeap() throws Exception {
        int limit = 1 << 20;
        byte[] bomb = deflate(new byte[64 << 20]);
        assertTrue(bomb.length < 128 << 10, "the bomb compresses to " + bomb.length);
        WebSocketConfig config = WebSocketConfig.builder().maxSize(limit)
                .extensions(List.of(PerMessageDeflate.defaults())).build();
        try (EchoFixture fixture = EchoFixture.start(config, TransportConfig.DEFAULT);
             RawClient canary = fixture.canary()) {
            canary.assertEchoes("warm up");
            long heapBefore = Heap.usedAfterGc();
            for (int fragments : new int[] {1, 1000}) {
                try (RawClient attacker = RawClient.connect(fixture.port())) {
                    attacker.write(RawClient.upgradeRequest("/echo",
                            "Sec-WebSocket-Extensions: permessage-deflate\r\n"));
                    RawClient.Reply reply = attacker.readReply();
                    assertEquals(101, reply.status());
                    assertTrue(reply.header("Sec-WebSocket-Extensions").startsWith("permessage-deflate"));
                    long allocatedBefore = Heap.allocatedBy(fixture.loopThread);
                    int step = (bomb.length + fragments - 1) / fragments;
                    for (int i = 0, at = 0; at < bomb.length; i++, at += step) {
                        byte[] part = Arrays.copyOfRange(bomb, at, Math.min(bomb.length, at + step));
                        boolean fin = at + step >= bomb.length;
                        attacker.buffer(RawClient.frame(fin, i == 0 ? 4 : 0, i == 0 ? BINARY : 0, part));
                    }
                    try {
                        attacker.flush();
                    } catch (IOException e) {
                        // closed after 1009 while the rest was on its way
                    }
                    assertEquals(1009, attacker.readCloseCodeWithNoDataBefore(), "the bomb was not stopped at the limit");
                    assertTrue(attacker.awaitEof());
                    long allocated = Heap.allocatedBy(fixture.loopThread) - allocatedBefore;
                    assertTrue(allocated < 8L * limit, () -> "the event loop allocated " + allocated
                            + " bytes for a bomb of " + bomb.length + " bytes against a " + limit + "-byte limit");
                }
                canary.assertEchoes("after a deflate bomb in " + fragments + " fragments");
            }
            fixture.awaitConnections(1, Duration.ofSeconds(10));
            long heapAfter = Heap.usedAfterGc();
            assertTrue(heapAfter - heapBefore < 8L << 20, () -> "heap after GC grew by " + (heapAfter - heapBefore));
            assertEquals(3, fixture.messages.get(), "only the canary's 3 messages may be delivered");
        }
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        byte[] out = new byte[data.length / 100 + 1024];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4); // without 00 00 FF FF (RFC 7692 section 7.2.1)
    }
}
