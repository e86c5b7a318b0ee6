package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import io.github.rfc6455.nio.TransportConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's life and timers: events, graceful shutdown with 1001, the connection limit, idle, keepalive and close
 * timeouts, TLS from a PKCS12 file and TLS failures.
 */
@Timeout(60)
class ServerLifecycleTest {

    /** Collects server events. */
    private static final class Events implements ServerListener {
        final BlockingQueue<Session> connections = new LinkedBlockingQueue<>();
        final BlockingQueue<ServerError> errors = new LinkedBlockingQueue<>();
        final AtomicInteger closed = new AtomicInteger();

        @Override
        public void onNewConnection(Session session) {
            connections.add(session);
        }

        @Override
        public void onServerError(ServerError error) {
            errors.add(error);
        }

        @Override
        public void onClosed() {
            closed.incrementAndGet();
        }

        ServerError nextError() throws InterruptedException {
            ServerError error = errors.poll(10, TimeUnit.SECONDS);
            assertNotNull(error, "no server error reported");
            return error;
        }

        /** @return the next error about the client at that local port, skipping errors about others */
        ServerError nextErrorFrom(RawClient client) throws InterruptedException {
            int port = client.socket().getLocalPort();
            while (true) {
                ServerError error = nextError();
                if (error.remoteAddress() != null && error.remoteAddress().getPort() == port) {
                    return error;
                }
            }
        }

        /** @return the next error of that kind, skipping others */
        ServerError nextError(ServerError.Kind kind) throws InterruptedException {
            while (true) {
                ServerError error = nextError();
                if (error.kind() == kind) {
                    return error;
                }
            }
        }
    }

    private static WebSocketServer.Builder loopback(WebSocketHandler handler) {
        return WebSocketServer.builder().listen("127.0.0.1", 0).threads(2).daemonThreads(true)
                .defaultRoute(handler);
    }

    @Test
    void shutdownClosesEverySessionWith1001AndReleasesEverything() throws Exception {
        Events events = new Events();
        RecordingHandler handler = new RecordingHandler(true);
        WebSocketServer server = loopback(handler).threadName("lifecycle-test").listener(events).build().start();
        List<Thread> loops = ServerThreads.named("lifecycle-test");
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
        TestClient a = JdkTestClient.connect(null, uri, List.of());
        TestClient b = JavaWebSocketTestClient.connect(null, uri, List.of());
        Session first = events.connections.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertSame(server, first.server());
        assertNotNull(events.connections.poll(10, TimeUnit.SECONDS));
        try (RawClient handshaking = RawClient.connect(server.port());
             RawClient silent = RawClient.connect(server.port()).open("/")) {
            handshaking.write("GET / HTTP/1.1\r\n"); // never finishes its request
            assertEquals(3, server.sessionCount());
            assertEquals(4, server.connectionCount());

            server.shutdown(Duration.ofMillis(1500)).get(10, TimeUnit.SECONDS);

            assertEquals(1001, a.awaitClose().code());
            assertEquals(1001, b.awaitClose().code());
            assertEquals(1001, silent.readCloseCode()); // it never answers: dropped after the timeout
            assertTrue(silent.awaitEof());
            assertTrue(handshaking.awaitEof());
        }
        assertFalse(server.isRunning());
        assertEquals(0, server.sessionCount());
        assertEquals(0, server.connectionCount());
        assertEquals(1, events.closed.get());
        ServerThreads.assertEnded(loops);
        assertThrows(IllegalStateException.class, server::start);
        assertSame(server.terminationFuture(), server.shutdown(Duration.ZERO));
        assertThrows(IOException.class, () -> RawClient.connect(server.port()));
        a.close();
        b.close();
    }

    @Test
    void connectionLimitRefusesWith503UntilASessionCloses() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        Events events = new Events();
        try (WebSocketServer server = loopback(handler).maxConnections(2).listener(events).build().start()) {
            RawClient one = RawClient.connect(server.port()).open("/");
            RawClient two = RawClient.connect(server.port()).open("/");
            try (RawClient three = RawClient.connect(server.port())) {
                three.write(RawClient.upgradeRequest("/", ""));
                assertEquals(503, three.readReply().status());
                assertTrue(three.awaitEof());
            }
            ServerError refused = events.nextError();
            assertEquals(ServerError.Kind.REJECTED, refused.kind());
            assertEquals(503, refused.status());
            one.sendClose(1000, "");
            assertEquals(1000, one.readCloseCode());
            one.close();
            assertTrue(handler.next("close:").startsWith("close:1000"));
            try (RawClient four = RawClient.connect(server.port()).open("/")) {
                assertEquals(2, server.sessionCount());
            }
            two.close();
        }
    }

    @Test
    void idleConnectionIsClosedWith1001() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        TransportConfig transport = TransportConfig.builder().idleTimeout(Duration.ofMillis(300)).build();
        try (WebSocketServer server = loopback(handler).transportConfig(transport).build().start();
             RawClient client = RawClient.connect(server.port()).open("/")) {
            RawClient.Frame close = client.readFrame();
            assertEquals(RawClient.CLOSE, close.opcode());
            assertEquals(1001, close.closeCode());
            assertTrue(close.text().endsWith("idle timeout"), close.text());
            client.sendClose(1001, "");
            assertTrue(client.awaitEof());
        }
    }

    @Test
    void keepalivePingsAndDropsAHalfOpenConnection() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        TransportConfig transport = TransportConfig.builder().pingInterval(Duration.ofMillis(200))
                .pongTimeout(Duration.ofMillis(300)).build();
        try (WebSocketServer server = loopback(handler).transportConfig(transport).build().start()) {
            try (RawClient answering = RawClient.connect(server.port()).open("/")) {
                for (int i = 0; i < 3; i++) { // answered pings keep the connection open
                    RawClient.Frame ping = answering.readFrame();
                    assertEquals(RawClient.PING, ping.opcode());
                    answering.sendFrame(true, 0, RawClient.PONG, ping.payload());
                }
                answering.sendText("still open");
                assertEquals("text:still open", handler.next("text:"));
            }
            handler.next("close:");
            try (RawClient silent = RawClient.connect(server.port()).open("/")) {
                assertEquals(RawClient.PING, silent.readFrame().opcode());
                assertTrue(silent.awaitEof(), "a peer that never answers a ping was not dropped");
            }
            assertEquals("error:0", handler.next("error:"));
            assertEquals("close:1006", handler.next("close:").substring(0, 10));
        }
    }

    @Test
    void peerThatNeverAnswersACloseIsDropped() throws Exception {
        RecordingHandler handler = new RecordingHandler(false);
        TransportConfig transport = TransportConfig.builder().closeTimeout(Duration.ofMillis(300)).build();
        try (WebSocketServer server = loopback(handler).transportConfig(transport).build().start();
             RawClient client = RawClient.connect(server.port()).open("/")) {
            handler.nextSession().close(4000, "go");
            assertEquals(4000, client.readCloseCode());
            assertTrue(client.awaitEof(), "not dropped after the close timeout");
            assertTrue(handler.next("close:").startsWith("close:1006"));
        }
    }

    @Test
    void tlsFromAPkcs12FileBesideAPlainListener() throws Exception {
        RecordingHandler handler = new RecordingHandler(true);
        Events events = new Events();
        // Long enough for a first, cold TLS handshake on a busy machine.
        TransportConfig transport = TransportConfig.builder().handshakeTimeout(Duration.ofMillis(2000)).build();
        try (WebSocketServer server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .listenTls(new InetSocketAddress("127.0.0.1", 0),
                        WebSocketServer.tlsContext(TestPki.serverKeyStore(), TestPki.PASSWORD.toCharArray()))
                .threads(1).daemonThreads(true).defaultRoute(handler).listener(events).transportConfig(transport)
                .build().start()) {
            int wssPort = server.localAddresses().get(1).getPort();
            try (TestClient client = JdkTestClient.connect(TestPki.clientContext(),
                    URI.create("wss://127.0.0.1:" + wssPort + "/"), List.of())) {
                client.sendText("secure");
                assertEquals("secure", client.nextMessage());
            }
            try (RawClient plainOnTls = RawClient.connect(wssPort)) { // plain HTTP to the TLS port
                plainOnTls.write(RawClient.upgradeRequest("/", ""));
                assertTrue(plainOnTls.awaitEof());
                ServerError notTls = events.nextErrorFrom(plainOnTls);
                assertEquals(ServerError.Kind.TLS, notTls.kind(), notTls::toString);
            }
            try (RawClient mute = RawClient.connect(wssPort)) { // connects and never starts TLS
                assertTrue(mute.awaitEof());
                ServerError timeout = events.nextErrorFrom(mute);
                assertEquals(ServerError.Kind.HANDSHAKE, timeout.kind());
                assertTrue(timeout.message().contains("timed out"), timeout.message());
            }
            CountDownLatch untrusted = new CountDownLatch(1);
            try {
                JdkTestClient.connect(TestPki.untrustingClientContext(), URI.create("wss://127.0.0.1:" + wssPort
                        + "/"), List.of()).close();
            } catch (Exception expected) {
                untrusted.countDown();
            }
            assertEquals(0, untrusted.getCount(), "a client that does not trust the certificate connected");
            assertTrue(events.nextError(ServerError.Kind.TLS).message().contains("TLS"));
        }
    }

    @Test
    void startFailsCleanlyWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            WebSocketServer server = WebSocketServer.builder()
                    .listen("127.0.0.1", taken.getLocalPort())
                    .threads(1).threadName("port-taken-test").daemonThreads(true)
                    .defaultRoute(new RecordingHandler(false)).build();
            assertThrows(IOException.class, server::start);
            assertTrue(server.terminationFuture().isDone());
            ServerThreads.assertEnded(ServerThreads.named("port-taken-test"));
        }
    }
}
