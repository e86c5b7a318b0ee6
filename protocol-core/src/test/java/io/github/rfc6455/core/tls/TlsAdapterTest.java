package io.github.rfc6455.core.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A client-mode and a server-mode {@link TlsAdapter} talking to each other in memory. */
@Timeout(60)
class TlsAdapterTest {
    private static final int[] SIZES = {0, 1, 125, 16383, 16384, 16385, 100_000, 1 << 20};

    static byte[] data(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void handshakeCompletesWithTheRequestedProtocol(String protocol) throws SSLException {
        TlsPair pair = TlsPair.localhost(protocol, 1, 1 << 16).handshake();
        assertEquals(protocol, pair.clientEngine.getSession().getProtocol());
        assertEquals(protocol, pair.serverEngine.getSession().getProtocol());
        assertEquals("CN=localhost", ((java.security.cert.X509Certificate)
                pair.clientEngine.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void dataOfEverySizeFlowsBothWaysThroughRandomChunks(String protocol) throws SSLException {
        for (int maxChunk : new int[] {1 << 16, 1000, 7}) {
            TlsPair pair = TlsPair.localhost(protocol, maxChunk, maxChunk).handshake();
            for (int size : maxChunk == 7 ? new int[] {0, 1, 125, 20_000} : SIZES) {
                byte[] up = data(size, size);
                byte[] down = data(size, ~size);
                pair.clientReceived.reset();
                pair.serverReceived.reset();
                pair.send(pair.client, up);
                pair.send(pair.server, down);
                assertArrayEquals(up, pair.serverReceived.toByteArray(), "client to server, " + size + " bytes");
                assertArrayEquals(down, pair.clientReceived.toByteArray(), "server to client, " + size + " bytes");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void buffersGrowOnOverflowAndFollowSizesThatChange(String protocol) throws SSLException {
        ResizingEngine clientEngine = new ResizingEngine(
                TlsPair.engine(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443), protocol), 64, 64);
        ResizingEngine serverEngine = new ResizingEngine(
                TlsPair.engine(TestPki.serverEngine(TestPki.serverContext()), protocol), 64, 64);
        TlsPair pair = new TlsPair(clientEngine, serverEngine, 18, 5000, null);
        pair.drainPool = true;
        pair.handshake();
        int[][] sizes = {{64, 64}, {0, 0}, {40_000, 50_000}};
        for (int[] reported : sizes) {
            for (ResizingEngine engine : new ResizingEngine[] {clientEngine, serverEngine}) {
                engine.packetSize = reported[0];
                engine.applicationSize = reported[1];
            }
            for (int size : new int[] {1, 20_000, 300_000}) {
                byte[] up = data(size, size + reported[0]);
                byte[] down = data(size, ~size - reported[0]);
                pair.clientReceived.reset();
                pair.serverReceived.reset();
                pair.send(pair.client, up);
                pair.send(pair.server, down);
                assertArrayEquals(up, pair.serverReceived.toByteArray(), "reported " + reported[0]);
                assertArrayEquals(down, pair.clientReceived.toByteArray(), "reported " + reported[0]);
                assertEquals(0, pair.client.heldBytes());
                assertEquals(0, pair.server.heldBytes());
            }
        }
    }

    @Test
    void gatheringWrapPacksManySmallBuffersAndKeepsTheirOrder() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 2, 1 << 16).handshake();
        ByteBuffer[] frames = new ByteBuffer[500];
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < frames.length; i++) {
            String s = "frame " + i + ";";
            expected.append(s);
            frames[i] = ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
        }
        pair.client.wrap(frames, 0, frames.length);
        int records = 0;
        for (ByteBuffer frame : frames) {
            assertFalse(frame.hasRemaining(), "a few KB fit in one output buffer");
        }
        ByteBuffer output = pair.client.output().duplicate();
        for (int p = output.position(); p < output.limit(); p += 5 + (output.getShort(p + 3) & 0xFFFF)) {
            records++;
        }
        assertEquals(1, records, "one record for all frames");
        pair.pump();
        assertEquals(expected.toString(), pair.serverReceived.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void wrapConsumesOnlyWhatFitsWhenTheOutputIsNotWritten() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 3, 1 << 16).handshake();
        byte[] big = data(1 << 20, 3);
        ByteBuffer src = ByteBuffer.wrap(big);
        pair.client.wrap(src);
        assertTrue(src.hasRemaining(), "output is bounded, the rest waits");
        int held = pair.client.heldBytes();
        assertTrue(held <= 2 * pair.clientEngine.getSession().getPacketBufferSize(), "held " + held);
        assertEquals(held, pair.client.heldBytes());
        pair.client.wrap(src); // nothing written meanwhile: nothing more consumed
        assertEquals(held, pair.client.heldBytes());
        do {
            pair.pump();
            pair.client.wrap(src);
        } while (src.hasRemaining() || pair.client.hasOutput());
        pair.pump();
        assertArrayEquals(big, pair.serverReceived.toByteArray());
    }

    @Test
    void applicationDataBeforeTheHandshakeFinishedWaits() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 4, 1 << 16);
        ByteBuffer early = ByteBuffer.wrap("GET /".getBytes(StandardCharsets.US_ASCII));
        assertEquals(TlsStatus.HANDSHAKING, pair.client.wrap(early));
        assertEquals(5, early.remaining(), "nothing consumed while handshaking");
        pair.pump();
        assertEquals(TlsStatus.OPEN, pair.client.wrap(early));
        assertFalse(early.hasRemaining());
        pair.pump();
        assertEquals("GET /", pair.serverReceived.toString(StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void closeNotifyFromTheClientReachesTheServer(String protocol) throws SSLException {
        TlsPair pair = TlsPair.localhost(protocol, 5, 100).handshake();
        pair.send(pair.client, "bye".getBytes(StandardCharsets.US_ASCII));
        TlsStatus closing = pair.client.close();
        assertTrue(closing == TlsStatus.OUTBOUND_CLOSED || closing == TlsStatus.CLOSED, closing.toString());
        assertTrue(pair.client.hasOutput(), "close_notify queued");
        ByteBuffer plain = ByteBuffer.wrap(new byte[1]);
        pair.client.wrap(plain);
        assertEquals(1, plain.remaining(), "no data after our close_notify");
        pair.pump();
        assertEquals("bye", pair.serverReceived.toString(StandardCharsets.US_ASCII));
        TlsStatus server = pair.server.status();
        assertTrue(server == TlsStatus.INBOUND_CLOSED || server == TlsStatus.CLOSED, server.toString());
        // the server answers with its own close_notify (TLS 1.2 does so by itself)
        assertEquals(TlsStatus.CLOSED, pair.server.close());
        pair.pump();
        assertEquals(TlsStatus.CLOSED, pair.client.status());
        assertTrue(pair.server.eof(), "the end of stream after close_notify is clean");
        assertTrue(pair.client.eof());
        assertEquals(0, pair.client.heldBytes());
        assertEquals(0, pair.server.heldBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void closeNotifyFromTheServerReachesTheClient(String protocol) throws SSLException {
        TlsPair pair = TlsPair.localhost(protocol, 6, 1 << 16).handshake();
        pair.server.close();
        pair.pump();
        TlsStatus client = pair.client.status();
        assertTrue(client == TlsStatus.INBOUND_CLOSED || client == TlsStatus.CLOSED, client.toString());
        pair.client.close();
        pair.pump();
        assertEquals(TlsStatus.CLOSED, pair.client.status());
        assertEquals(TlsStatus.CLOSED, pair.server.status());
    }

    @Test
    void bytesAfterThePeersCloseNotifyAreDropped() throws SSLException {
        TlsPair pair = TlsPair.localhost("TLSv1.3", 7, 1 << 16).handshake();
        pair.server.close();
        ByteBuffer closeNotify = pair.server.output();
        ByteBuffer input = ByteBuffer.allocate(closeNotify.remaining() + 300);
        input.put(closeNotify).put(data(300, 7)).flip();
        assertEquals(TlsStatus.INBOUND_CLOSED, pair.client.unwrap(input, TlsPair.sink(pair.clientReceived)));
        assertFalse(input.hasRemaining());
        assertEquals(0, pair.client.heldBytes());
        assertEquals(0, pair.clientReceived.size());
    }

    @Test
    void endOfStreamWithoutCloseNotifyIsATruncationNotAnException() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 8, 1 << 16).handshake();
        pair.send(pair.server, "last words".getBytes(StandardCharsets.US_ASCII));
        assertFalse(pair.client.eof(), "no close_notify came: truncated");
        assertEquals(TlsStatus.INBOUND_CLOSED, pair.client.status());
        assertEquals("last words", pair.clientReceived.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void endOfStreamDuringTheHandshakeIsReportedAsUnclean() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 9, 1 << 16);
        pair.client.begin();
        assertFalse(pair.client.eof());
        TlsStatus status = pair.client.status();
        assertTrue(status == TlsStatus.INBOUND_CLOSED || status == TlsStatus.CLOSED, status.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void delegatedTasksCanRunOnAnExecutor(String protocol) throws SSLException {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            for (int seed = 0; seed < 20; seed++) {
                TlsPair pair = new TlsPair(
                        TlsPair.engine(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443), protocol),
                        TlsPair.engine(TestPki.serverEngine(TestPki.serverContext()), protocol), seed,
                        seed % 2 == 0 ? 1 << 16 : 1 + seed * 50, executor);
                pair.handshake();
                assertTrue(pair.tasksRun.get() > 0, "the handshake used delegated tasks");
                byte[] up = data(100_000, seed);
                pair.send(pair.client, up);
                pair.send(pair.server, up);
                assertArrayEquals(up, pair.serverReceived.toByteArray());
                assertArrayEquals(up, pair.clientReceived.toByteArray());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void handshakeFailureInADelegatedTaskKeepsItsMessage() {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            TlsPair pair = new TlsPair(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443),
                    TestPki.serverEngine(TestPki.otherServerContext()), 19, 300, executor);
            SSLException e = assertThrows(SSLException.class, pair::handshake);
            assertTrue(String.valueOf(e.getMessage()).contains("No subject alternative DNS name matching localhost"),
                    String.valueOf(e));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRejectingExecutorFallsBackToInlineTasks() throws SSLException {
        Executor rejecting = task -> {
            throw new java.util.concurrent.RejectedExecutionException("shutting down");
        };
        TlsPair pair = new TlsPair(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443),
                TestPki.serverEngine(TestPki.serverContext()), 20, 1 << 16, rejecting).handshake();
        assertEquals(0, pair.tasksRun.get());
        pair.send(pair.server, "ok".getBytes(StandardCharsets.US_ASCII));
        assertEquals("ok", pair.clientReceived.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void buffersAreReleasedWhenIdleAndHeldOnlyForAPartialRecord() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 11, 1 << 16).handshake();
        assertEquals(0, pair.client.heldBytes(), "idle after the handshake");
        assertEquals(0, pair.server.heldBytes());
        pair.send(pair.client, data(300_000, 11));
        assertEquals(0, pair.client.heldBytes(), "idle after sending");
        assertEquals(0, pair.server.heldBytes(), "idle after receiving");

        pair.client.wrap(ByteBuffer.wrap(data(1000, 12)));
        ByteBuffer record = pair.client.output();
        int size = record.remaining();
        ByteBuffer half = record.slice(record.position(), size / 2);
        pair.server.unwrap(half, TlsPair.sink(pair.serverReceived));
        int packet = pair.serverEngine.getSession().getPacketBufferSize();
        assertTrue(pair.server.heldBytes() > 0 && pair.server.heldBytes() <= packet, "partial record kept");
        ByteBuffer rest = record.slice(record.position() + size / 2, size - size / 2);
        record.position(record.limit());
        pair.server.unwrap(rest, TlsPair.sink(pair.serverReceived));
        assertEquals(0, pair.server.heldBytes(), "released once the record completed");
        assertFalse(pair.client.hasOutput());
        assertEquals(0, pair.client.heldBytes(), "output released once written");
        assertTrue(BufferPool.freeCount() > 0, "released buffers went back to the pool");
    }

    @Test
    void oneTlsRecordCutAtEveryByteIsReassembled() throws SSLException {
        TlsPair pair = TlsPair.localhost(null, 13, 1 << 16).handshake();
        byte[] message = data(600, 13);
        for (int cut = 0; cut <= 700; cut++) {
            pair.client.wrap(ByteBuffer.wrap(message));
            ByteBuffer record = pair.client.output();
            int size = record.remaining();
            int at = Math.min(cut, size);
            pair.serverReceived.reset();
            pair.server.unwrap(record.slice(record.position(), at), TlsPair.sink(pair.serverReceived));
            pair.server.unwrap(record.slice(record.position() + at, size - at), TlsPair.sink(pair.serverReceived));
            record.position(record.limit());
            assertArrayEquals(message, pair.serverReceived.toByteArray(), "cut at " + cut);
        }
    }

    @Test
    void httpInsteadOfClientHelloFailsAtOnce() {
        TlsAdapter server = new TlsAdapter(TestPki.serverEngine(TestPki.serverContext()));
        ByteBuffer http = ByteBuffer.wrap(
                "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        SSLException e = assertThrows(SSLException.class, () -> server.unwrap(http, b -> { }));
        assertTrue(e.getMessage().contains("plaintext") || e.getMessage().contains("nrecognized"), e.getMessage());
        assertEquals(0, server.heldBytes() - (server.hasOutput() ? server.output().capacity() : 0));
    }

    @Test
    void randomGarbageInsteadOfClientHelloFailsWithinBoundedInput() {
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            TlsAdapter server = new TlsAdapter(TestPki.serverEngine(TestPki.serverContext()));
            byte[] garbage = new byte[70_000 + 2 * TlsAdapter.MAX_BUFFERED_INPUT];
            random.nextBytes(garbage);
            if (seed % 3 == 0) {
                garbage[0] = 22; // a handshake record header with garbage inside
                garbage[1] = 3;
                garbage[2] = 3;
            }
            ByteBuffer input = ByteBuffer.wrap(garbage);
            int fed = 0;
            try {
                while (input.hasRemaining()) {
                    int n = Math.min(input.remaining(), 1 + random.nextInt(2000));
                    server.unwrap(input.slice(input.position(), n), b -> { });
                    input.position(input.position() + n);
                    fed += n;
                    assertTrue(server.heldBytes() <= 65_540 + 2 * 16_709, "bounded: " + server.heldBytes());
                }
                throw new AssertionError("seed " + seed + ": garbage accepted");
            } catch (SSLException expected) {
                assertTrue(fed <= 70_000, "seed " + seed + ": failed only after " + fed + " bytes");
            }
        }
    }

    @Test
    void hostnameMismatchFailsTheHandshakeAndSaysSo() {
        SSLEngine clientEngine = TestPki.clientEngine(TestPki.clientContext(), "localhost", 443);
        TlsPair pair = new TlsPair(clientEngine, TestPki.serverEngine(TestPki.otherServerContext()), 14, 1 << 16,
                null);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, pair::handshake);
        assertTrue(e.getMessage().contains("No subject alternative DNS name matching localhost"), e.getMessage());
        assertEquals(TlsStatus.CLOSED, pair.client.status());
    }

    @Test
    void theFailingSideQueuesAnAlertForItsPeer() throws SSLException {
        TlsPair pair = new TlsPair(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443),
                TestPki.serverEngine(TestPki.otherServerContext()), 15, 1 << 16, null);
        pair.client.begin();
        SSLException clientFailure = null;
        for (int i = 0; i < 100 && clientFailure == null; i++) {
            pair.transfer(pair.client, pair.server, pair.serverReceived);
            try {
                pair.transfer(pair.server, pair.client, pair.clientReceived);
            } catch (SSLException e) {
                clientFailure = e;
            }
        }
        assertTrue(clientFailure instanceof SSLHandshakeException, String.valueOf(clientFailure));
        assertTrue(pair.client.hasOutput(), "the certificate alert is queued");
        SSLException serverSide = assertThrows(SSLException.class, () -> {
            while (pair.transfer(pair.client, pair.server, pair.serverReceived)) {
                continue; // deliver the alert
            }
        });
        assertTrue(serverSide.getMessage().contains("certificate_unknown"), serverSide.getMessage());
    }

    @Test
    void untrustedCertificateFailsTheHandshake() {
        TlsPair pair = new TlsPair(TestPki.clientEngine(TestPki.untrustingClientContext(), "localhost", 443),
                TestPki.serverEngine(TestPki.serverContext()), 16, 1 << 16, null);
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, pair::handshake);
        assertTrue(e.getMessage().contains("unable to find valid certification path"), e.getMessage());
    }

    @Test
    void ipAddressSubjectAlternativeNameIsAccepted() throws SSLException {
        TlsPair pair = new TlsPair(TestPki.clientEngine(TestPki.clientContext(), "127.0.0.1", 443),
                TestPki.serverEngine(TestPki.serverContext()), 17, 1 << 16, null);
        pair.handshake();
    }
}
