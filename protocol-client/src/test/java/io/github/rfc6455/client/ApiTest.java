package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.client.WebSocket.Status;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Qt-shaped API: properties, events, futures and threading, against our server. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiTest {
    private Peer peer;

    @BeforeEach
    void start() throws Exception {
        peer = Peer.Kind.OURS.start(null);
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
    }

    @Test
    void aUrlWithoutSchemeMeansWs() {
        WebSocket socket = new WebSocket();
        assertNull(socket.url());
        socket.setUrl("127.0.0.1:1234/chat?room=1");
        assertEquals(URI.create("ws://127.0.0.1:1234/chat?room=1"), socket.url());
        socket.setUrl(URI.create("wss://example.com/"));
        assertEquals(URI.create("wss://example.com/"), socket.url());
        assertThrows(IllegalArgumentException.class, () -> socket.setUrl("ftp://example.com/"));
        assertThrows(IllegalArgumentException.class, () -> socket.setUrl("ws://example.com/#fragment"));
        assertEquals(Status.CLOSED, socket.status());
        assertEquals("", socket.errorString());
        assertFalse(socket.isActive());
    }

    @Test
    void activeConnectsAndDisconnectsAsInQml() throws Exception {
        WebSocket socket = new WebSocket();
        Recorder r = Recorder.on(socket);
        assertThrows(IllegalStateException.class, () -> socket.setActive(true), "no URL yet");
        socket.setUrl(peer.uri("/qml").toString());
        socket.setActive(true);
        assertTrue(socket.isActive());
        r.awaitStatus(Status.OPEN);
        assertEquals(Status.OPEN, socket.status());
        socket.setActive(false);
        assertFalse(socket.isActive());
        assertEquals(Status.CLOSED, r.awaitEnd());
        assertEquals(List.of(Status.CONNECTING, Status.OPEN, Status.CLOSING, Status.CLOSED), r.history());
        assertEquals("1000 ", peer.closes.poll(5, TimeUnit.SECONDS));
        assertEquals("", socket.errorString());
        assertTrue(r.loopThread.startsWith("rfc6455-client-"), "events run on the client loop: " + r.loopThread);
    }

    @Test
    void changingTheUrlOfAnActiveSocketReconnects() throws Exception {
        try (Peer other = Peer.Kind.OURS.start(null)) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            socket.open(peer.uri("/first")).get(10, TimeUnit.SECONDS);
            r.statuses.clear();
            socket.setUrl(other.uri("/second").toString());
            r.awaitStatus(Status.OPEN);
            assertEquals(other.uri("/second"), socket.url());
            assertTrue(other.requests.poll(5, TimeUnit.SECONDS) != null, "the new server got the connection");
            assertEquals("1000 ", peer.closes.poll(5, TimeUnit.SECONDS), "the old connection was closed cleanly");
            socket.close();
            r.awaitEnd();
        }
    }

    @Test
    void futuresForOpenAndSend() throws Exception {
        Recorder r = new Recorder();
        WebSocket socket = WebSocket.connect(WebSocketRequest.of(peer.uri("/f").toString()), WebSocketOptions.DEFAULT, r)
                .get(10, TimeUnit.SECONDS);
        assertEquals(Status.OPEN, socket.status());
        assertNull(socket.sendTextMessage("one").get(10, TimeUnit.SECONDS));
        assertNull(socket.sendBinaryMessage(new byte[] {1, 2, 3}).get(10, TimeUnit.SECONDS));
        assertNull(socket.sendBinaryMessage(ByteBuffer.wrap(new byte[] {4})).get(10, TimeUnit.SECONDS));
        assertEquals("one", r.text());
        assertEquals(3, r.binary().length);
        assertEquals(1, r.binary().length);
        assertEquals(0, socket.bytesToWrite());
        socket.close();
        r.awaitEnd();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> socket.sendTextMessage("too late").get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("not open"), e.getCause().getMessage());
        assertEquals(0, socket.bytesToWrite());
    }

    @Test
    void openFuturesOfOneAttemptAreShared() throws Exception {
        CountDownLatch firstRequest = new CountDownLatch(1);
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest(); // never answers: the first attempt cannot complete before the second open()
            firstRequest.countDown();
            return c.clientClosed();
        }, c -> {
            c.handshake();
            return c.clientClosed();
        })) {
            WebSocket socket = new WebSocket();
            socket.setUrl(server.uri());
            CompletableFuture<WebSocket> first = socket.open();
            assertTrue(firstRequest.await(10, TimeUnit.SECONDS));
            CompletableFuture<WebSocket> second = socket.open();
            assertSame(first, second);
            assertSame(socket, second.get(10, TimeUnit.SECONDS));
            assertEquals(true, server.result(), "the replaced attempt was dropped");
            socket.abort();
        }
    }

    @Test
    void closingBeforeTheHandshakeFailsTheOpenFuture() throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.readRequest();
            return c.clientClosed();
        })) {
            WebSocket socket = new WebSocket();
            Recorder r = Recorder.on(socket);
            CompletableFuture<WebSocket> opened = socket.open(server.uri());
            socket.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> opened.get(10, TimeUnit.SECONDS));
            assertInstanceOf(WebSocketException.class, e.getCause());
            assertEquals(Status.CLOSED, r.awaitEnd(), "closed by the application: not an error");
        }
    }

    @Test
    void sendsAreThreadSafe() throws Exception {
        WebSocket socket = new WebSocket();
        Recorder r = Recorder.on(socket);
        socket.open(peer.uri("/threads")).get(10, TimeUnit.SECONDS);
        int threads = 8;
        int perThread = 500;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        List<CompletableFuture<Void>> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    sent.add(socket.sendTextMessage(id + ":" + i + ":" + "x".repeat(i % 300)));
                }
            });
            thread.start();
            senders.add(thread);
        }
        go.countDown();
        for (Thread thread : senders) {
            thread.join(TimeUnit.SECONDS.toMillis(20));
        }
        CompletableFuture.allOf(sent.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
        Set<String> received = new HashSet<>();
        int[] next = new int[threads];
        for (int i = 0; i < threads * perThread; i++) {
            String m = r.text();
            assertTrue(received.add(m), "duplicate " + m);
            String[] parts = m.split(":", -1);
            int id = Integer.parseInt(parts[0]);
            assertEquals(next[id]++, Integer.parseInt(parts[1]), "each thread's messages stay in order");
            assertEquals(Integer.parseInt(parts[1]) % 300, parts[2].length(), "message intact");
        }
        socket.close();
        r.awaitEnd();
    }

    @Test
    void manySocketsShareOneEventLoopThread() throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<CompletableFuture<WebSocket>> opened = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            WebSocket socket = new WebSocket();
            socket.onStatusChanged(s -> threads.add(Thread.currentThread().getName()));
            sockets.add(socket);
            opened.add(socket.open(peer.uri("/" + i)));
        }
        CompletableFuture.allOf(opened.toArray(new CompletableFuture<?>[0])).get(20, TimeUnit.SECONDS);
        assertEquals(1, threads.size(), "one thread serves every client by default: " + threads);
        sockets.forEach(WebSocket::abort);
    }

    @Test
    void removedListenersHearNothingAndThrowingListenersDoNotHurt() throws Exception {
        WebSocket socket = new WebSocket();
        Recorder r = Recorder.on(socket);
        List<String> removed = java.util.Collections.synchronizedList(new ArrayList<>());
        Registration registration = socket.onTextMessageReceived(removed::add);
        socket.onTextMessageReceived(m -> {
            throw new IllegalStateException("a listener bug");
        });
        socket.open(peer.uri("/")).get(10, TimeUnit.SECONDS);
        socket.sendTextMessage("first");
        assertEquals("first", r.text());
        registration.remove();
        registration.remove();
        socket.sendTextMessage("second");
        assertEquals("second", r.text());
        assertEquals(List.of("first"), removed);
        assertEquals(Status.OPEN, socket.status());
        socket.close();
        r.awaitEnd();
    }

    @Test
    void binaryListenersEachSeeTheWholeMessage() throws Exception {
        WebSocket socket = new WebSocket();
        List<Integer> sizes = java.util.Collections.synchronizedList(new ArrayList<>());
        socket.onBinaryMessageReceived(b -> {
            sizes.add(b.remaining());
            b.position(b.limit()); // consumes it
        });
        Recorder r = Recorder.on(socket);
        socket.open(peer.uri("/")).get(10, TimeUnit.SECONDS);
        socket.sendBinaryMessage(new byte[1234]);
        assertEquals(1234, r.binary().length, "the second listener still sees all the bytes");
        assertEquals(List.of(1234), sizes);
        socket.abort();
    }

    @Test
    void invalidArgumentsAreRejected() {
        WebSocket socket = new WebSocket();
        assertThrows(IllegalArgumentException.class, () -> socket.close(1005, ""));
        assertThrows(IllegalArgumentException.class, () -> socket.close(999, ""));
        assertThrows(IllegalArgumentException.class, () -> socket.ping(new byte[126]));
        assertThrows(IllegalArgumentException.class, () -> socket.setRequestedSubprotocols(List.of("a b")));
        assertThrows(IllegalArgumentException.class, () -> socket.setRequestedSubprotocols(List.of("a", "a")));
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketRequest.builder("ws://h/").header("Sec-WebSocket-Key", "x").build());
        assertThrows(IllegalArgumentException.class,
                () -> WebSocketRequest.builder("ws://h/").header("Bad Name", "x").build());
        assertThrows(IllegalStateException.class, socket::open, "no URL");
        assertFalse(socket.ping(), "not open");
    }

    @Test
    void optionsKeepTheirValues() {
        WebSocketOptions options = WebSocketOptions.builder()
                .maxAllowedIncomingFrameSize(4096)
                .maxAllowedIncomingMessageSize(1 << 20)
                .outgoingFrameSize(512)
                .frameEvents(true)
                .perMessageDeflate(false)
                .connectTimeout(java.time.Duration.ofSeconds(1))
                .handshakeTimeout(java.time.Duration.ofSeconds(2))
                .closeTimeout(java.time.Duration.ofSeconds(3))
                .reconnect(ReconnectPolicy.exponentialBackoff())
                .build();
        WebSocketOptions copy = options.toBuilder().build();
        for (WebSocketOptions o : List.of(options, copy)) {
            assertEquals(4096, o.maxAllowedIncomingFrameSize());
            assertEquals(1 << 20, o.maxAllowedIncomingMessageSize());
            assertEquals(512, o.outgoingFrameSize());
            assertTrue(o.frameEvents());
            assertTrue(o.extensions().isEmpty());
            assertEquals(1, o.connectTimeout().toSeconds());
            assertEquals(2, o.handshakeTimeout().toSeconds());
            assertEquals(3, o.closeTimeout().toSeconds());
            assertTrue(o.verifyHostname());
            assertEquals(ReconnectPolicy.exponentialBackoff(), o.reconnectPolicy());
        }
        WebSocket socket = new WebSocket(options);
        assertEquals(4096, socket.maxAllowedIncomingFrameSize());
        assertEquals(1 << 20, socket.maxAllowedIncomingMessageSize());
        assertEquals(512, socket.outgoingFrameSize());
        assertEquals(1, WebSocketOptions.DEFAULT.extensions().size(), "permessage-deflate by default");
        assertThrows(IllegalArgumentException.class, () -> WebSocketOptions.builder().outgoingFrameSize(0).build());
    }
}
