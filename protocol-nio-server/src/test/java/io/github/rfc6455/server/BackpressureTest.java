package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.PreparedMessage;
import io.github.rfc6455.nio.TransportConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Backpressure, both ways. A broadcast of 100 MiB to 200 clients that stopped reading and 4 that read: the slow ones
 * are closed with 1008 once their queue passes the hard limit, the readers get every message, and the heap stays
 * bounded. And a client that sends without reading its echoes: the server stops reading from it instead of queueing
 * without limit, and resumes once the client reads.
 */
class BackpressureTest {
    private static final int SLOW = 200;
    private static final int READERS = 4;
    private static final int MESSAGE = 64 * 1024;
    private static final int MESSAGES = 1600; // 100 MiB in total
    private static final int WINDOW = 16; // messages in flight per reader
    private static final long HARD_LIMIT = 4L * 1024 * 1024;
    /** The generous heap bound asserted: far below the 100 MiB broadcast, let alone 200 copies of it. */
    private static final long HEAP_BOUND = 64L * 1024 * 1024;

    private static long usedHeapAfterGc() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    @Timeout(150)
    void broadcastClosesSlowConsumersWith1008AndKeepsHeapBounded() throws Exception {
        CountDownLatch slowFailed = new CountDownLatch(SLOW);
        BlockingQueue<Session> readerSessions = new LinkedBlockingQueue<>();
        List<Integer> otherErrors = new ArrayList<>();
        WebSocketServer server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(2)
                .daemonThreads(true)
                .transportConfig(TransportConfig.builder()
                        .watermarks(256 * 1024, 1024 * 1024)
                        .maxQueuedBytes(HARD_LIMIT)
                        .closeTimeout(Duration.ofSeconds(60))
                        .build())
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(Session session) {
                        if (session.path().equals("/reader")) {
                            readerSessions.add(session);
                        }
                    }

                    @Override
                    public void onError(Session session, WebSocketException error) {
                        if (session.path().equals("/slow") && error.closeCode() == 1008) {
                            slowFailed.countDown();
                        } else {
                            synchronized (otherErrors) {
                                otherErrors.add(error.closeCode());
                            }
                        }
                    }
                })
                .build()
                .start();
        ExecutorService threads = Executors.newFixedThreadPool(READERS + 8);
        List<RawClient> slow = new ArrayList<>();
        List<RawClient> readers = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW; i++) {
                slow.add(RawClient.connect(server.port(), 16 * 1024).open("/slow"));
            }
            List<Future<Long>> received = new ArrayList<>();
            List<Session> readerList = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                RawClient reader = RawClient.connect(server.port()).open("/reader");
                readers.add(reader);
                received.add(threads.submit(() -> readAll(reader)));
                Session session = readerSessions.poll(10, TimeUnit.SECONDS);
                assertNotNull(session);
                readerList.add(session);
            }
            assertEquals(SLOW + READERS, server.sessionCount());

            long baseline = usedHeapAfterGc();
            long peak = 0;
            @SuppressWarnings("unchecked")
            CompletableFuture<Void>[][] inFlight = new CompletableFuture[READERS][WINDOW];
            for (int m = 0; m < MESSAGES; m++) {
                for (int r = 0; r < READERS; r++) { // the application's flow control: a window per reader
                    CompletableFuture<Void> oldest = inFlight[r][m % WINDOW];
                    if (oldest != null) {
                        oldest.get(30, TimeUnit.SECONDS);
                    }
                }
                ByteBuffer payload = ByteBuffer.allocate(MESSAGE);
                payload.putInt(0, m);
                PreparedMessage message = server.prepareBinary(payload);
                for (int r = 0; r < READERS; r++) {
                    inFlight[r][m % WINDOW] = readerList.get(r).send(message);
                }
                server.broadcast(message, session -> session.path().equals("/slow"));
                if (m % 50 == 49) {
                    peak = Math.max(peak, usedHeapAfterGc() - baseline);
                }
            }
            for (int r = 0; r < READERS; r++) {
                readerList.get(r).close(1000, "broadcast over");
            }
            assertTrue(slowFailed.await(30, TimeUnit.SECONDS),
                    () -> slowFailed.getCount() + " slow consumers were not failed with 1008");
            peak = Math.max(peak, usedHeapAfterGc() - baseline);
            System.out.printf("broadcast of %d MiB to %d slow and %d reading clients: peak heap above baseline "
                    + "after GC %.1f MiB (bound %d MiB)%n", (long) MESSAGES * MESSAGE >> 20, SLOW, READERS,
                    peak / 1048576.0, HEAP_BOUND >> 20);
            assertTrue(peak < HEAP_BOUND, "heap grew by " + peak + " bytes");

            for (Future<Long> count : received) {
                assertEquals((long) MESSAGES, count.get(60, TimeUnit.SECONDS), "messages a reader received");
            }
            List<Future<Integer>> closeCodes = new ArrayList<>();
            for (RawClient client : slow) {
                closeCodes.add(threads.submit(() -> {
                    client.setTimeout(30_000);
                    return client.readCloseCode();
                }));
            }
            for (Future<Integer> code : closeCodes) {
                assertEquals(1008, code.get(60, TimeUnit.SECONDS));
            }
            synchronized (otherErrors) {
                assertTrue(otherErrors.isEmpty(), "unexpected errors: " + otherErrors);
            }
        } finally {
            for (RawClient client : slow) {
                client.close();
            }
            for (RawClient client : readers) {
                client.close();
            }
            threads.shutdownNow();
            server.shutdown(Duration.ofSeconds(2)).get(20, TimeUnit.SECONDS);
        }
    }

    /** Reads binary messages in order until the Close frame; @return how many arrived */
    private static long readAll(RawClient reader) throws IOException {
        reader.setTimeout(60_000);
        long count = 0;
        while (true) {
            RawClient.Frame frame = reader.readFrame();
            if (frame.opcode() == RawClient.CLOSE) {
                return count;
            }
            assertEquals(RawClient.BINARY, frame.opcode());
            assertEquals(MESSAGE, frame.payload().length);
            assertEquals(count, ByteBuffer.wrap(frame.payload()).getInt(0), "message order");
            count++;
        }
    }

    @Test
    @Timeout(60)
    void clientThatDoesNotReadItsEchoesIsNotReadEither() throws Exception {
        long high = 256 * 1024;
        int payloadSize = 16 * 1024;
        long readBuffer = TransportConfig.DEFAULT.readBufferSize();
        BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
        WebSocketServer server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(1)
                .daemonThreads(true)
                .transportConfig(TransportConfig.builder().watermarks(64 * 1024, high).build())
                .defaultRoute(new WebSocketHandler() {
                    @Override
                    public void onOpen(Session session) {
                        sessions.add(session);
                    }

                    @Override
                    public void onBinary(Session session, ByteBuffer data) {
                        session.sendBinary(data);
                    }
                })
                .build()
                .start();
        try (SocketChannel channel = SocketChannel.open(new java.net.InetSocketAddress("127.0.0.1", server.port()));
             Selector selector = Selector.open()) {
            channel.write(ByteBuffer.wrap(RawClient.upgradeRequest("/", "").getBytes(
                    java.nio.charset.StandardCharsets.ISO_8859_1)));
            ByteBuffer in = ByteBuffer.allocate(256 * 1024);
            int headEnd = -1;
            while (headEnd < 0) {
                assertTrue(channel.read(in) > 0, "no handshake response");
                String head = new String(in.array(), 0, in.position(), java.nio.charset.StandardCharsets.ISO_8859_1);
                headEnd = head.indexOf("\r\n\r\n");
            }
            assertTrue(new String(in.array(), 0, 12, java.nio.charset.StandardCharsets.ISO_8859_1).contains("101"));
            long echoedBytes = in.position() - (headEnd + 4);
            Session session = sessions.poll(10, TimeUnit.SECONDS);
            assertNotNull(session);

            // Flood without reading until the socket stays unwritable for a second (the server stopped reading),
            // or 64 MiB went out (it did not: fail).
            channel.configureBlocking(false);
            SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
            byte[] payload = new byte[payloadSize];
            ByteBuffer frame = ByteBuffer.wrap(RawClient.encode(true, 0, RawClient.BINARY, payload, true));
            long frames = 1;
            long written = 0;
            while (written < 64L * 1024 * 1024) {
                written += channel.write(frame);
                if (!frame.hasRemaining()) {
                    frame = ByteBuffer.wrap(RawClient.encode(true, 0, RawClient.BINARY, payload, true));
                    frames++;
                } else if (selector.select(1000) == 0) {
                    break; // stalled
                } else {
                    selector.selectedKeys().clear();
                }
            }
            assertTrue(written < 64L * 1024 * 1024, "the server kept reading from a client that does not read");
            long queued = session.bufferedAmount();
            // One read beyond the high watermark, plus a message completed by it, plus frame headers.
            long bound = high + readBuffer + payloadSize + 1024;
            System.out.printf("non-reading echo client: %d KiB sent before the server stopped reading; %d KiB queued"
                    + " on the server (bound %d KiB)%n", written >> 10, queued >> 10, bound >> 10);
            assertTrue(queued <= bound, "queued " + queued + " bytes, more than " + bound);
            assertTrue(session.isOpen(), "a paused client is not a slow consumer yet");

            // Now read: the server resumes below the low watermark and every frame comes back.
            long expected = frames * (4 + payloadSize);
            key.interestOps(SelectionKey.OP_READ | (frame.hasRemaining() ? SelectionKey.OP_WRITE : 0));
            in.clear();
            while (echoedBytes < expected) {
                assertTrue(selector.select(10_000) > 0, "the server did not resume: " + echoedBytes + " of "
                        + expected + " bytes echoed");
                selector.selectedKeys().clear();
                if (frame.hasRemaining()) {
                    channel.write(frame);
                    if (!frame.hasRemaining()) {
                        key.interestOps(SelectionKey.OP_READ);
                    }
                }
                int n = channel.read(in);
                assertTrue(n >= 0, "the server closed the connection");
                echoedBytes += n;
                in.clear();
            }
            assertEquals(expected, echoedBytes);
        } finally {
            server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
        }
    }

    /**
     * One text larger than the hard limit, sent as header plus payload (a gathering write): it is refused whole, so
     * the peer reads a proper 1008 Close as the next frame, never a header that promises bytes that do not follow.
     */
    @Test
    @Timeout(30)
    void aMessageOverTheHardLimitIsRefusedWholeAndThePeerReadsA1008Close() throws Exception {
        CompletableFuture<Throwable> sendOutcome = new CompletableFuture<>();
        WebSocketServer server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .daemonThreads(true)
                .transportConfig(TransportConfig.builder().watermarks(1024, 4096).maxQueuedBytes(8192).build())
                .route("/big", new WebSocketHandler() {
                    @Override
                    public void onOpen(Session session) {
                        session.sendText("x".repeat(100_000)).whenComplete((ok, failure) -> sendOutcome.complete(failure));
                    }
                })
                .build()
                .start();
        try (RawClient client = RawClient.connect(server.port()).open("/big")) {
            RawClient.Frame first = client.readFrame();
            assertEquals(RawClient.CLOSE, first.opcode(), () -> "first frame: opcode " + first.opcode() + ", "
                    + first.payload().length + " bytes");
            assertEquals(1008, first.closeCode());
            assertNotNull(sendOutcome.get(10, TimeUnit.SECONDS), "the refused send completed normally");
        } finally {
            server.shutdown(Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
        }
    }
}
