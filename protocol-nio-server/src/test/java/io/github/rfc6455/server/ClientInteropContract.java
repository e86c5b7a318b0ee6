package io.github.rfc6455.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.testing.TestPki;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server against an independently written client library, over {@code ws} and {@code wss}: every kind of message
 * both ways, fragmentation, ping and pong, close codes both ways, subprotocol negotiation, and what the application
 * sees of the request. Each subclass supplies one library.
 */
@Timeout(120)
abstract class ClientInteropContract {
    private final RecordingHandler handler = new RecordingHandler(true);
    private final BlockingQueue<HandshakeRequest> requests = new LinkedBlockingQueue<>();
    private WebSocketServer server;

    /** @param tls the client's TLS context for wss, or null for ws @return the library's factory */
    abstract TestClient.Factory clients(SSLContext tls);

    @BeforeEach
    void startServer() throws Exception {
        server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .listenTls(new InetSocketAddress("127.0.0.1", 0), TestPki.serverContext())
                .threads(2)
                .daemonThreads(true)
                .route("/echo", handler)
                .subprotocols(List.of("v2.chat", "v1.chat"))
                .retainRequest(true)
                .handshakeFilter(request -> {
                    requests.add(request);
                    return null;
                })
                .build()
                .start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
    }

    private URI ws(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.localAddresses().get(0).getPort() + pathAndQuery);
    }

    private URI wss(String pathAndQuery) {
        return URI.create("wss://127.0.0.1:" + server.localAddresses().get(1).getPort() + pathAndQuery);
    }

    private TestClient connect() throws Exception {
        TestClient client = clients(null).connect(ws("/echo"), List.of());
        assertEquals("open", handler.next());
        return client;
    }

    @Test
    void textMessagesAsciiMultiByteAndEmptyAreEchoed() throws Exception {
        try (TestClient client = connect()) {
            for (String text : List.of("hello", "héllo wörld ✓ 😀 ∑ 日本語", "", "x".repeat(70_000))) {
                client.sendText(text);
                assertEquals(text, client.nextMessage());
                assertEquals("text:" + text, handler.next());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 125, 126, 65_535, 65_536, 1 << 20, 16 << 20})
    void binaryMessagesUpTo16MiBAreEchoed(int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        try (TestClient client = connect()) {
            client.sendBinary(data);
            Object echoed = client.nextMessage();
            assertTrue(echoed instanceof byte[], () -> "expected a binary message, got " + echoed);
            assertArrayEquals(data, (byte[]) echoed);
            assertEquals("binary:" + size, handler.next());
        }
    }

    @Test
    void fragmentedMessageIsAssembled() throws Exception {
        try (TestClient client = connect()) {
            client.sendTextFragments("frag", "men", "ted ✓");
            assertEquals("fragmented ✓", client.nextMessage());
            assertEquals("text:fragmented ✓", handler.next());
        }
    }

    @Test
    void pingIsAnsweredAndServerPingIsPonged() throws Exception {
        try (TestClient client = connect()) {
            client.ping("are you there".getBytes(StandardCharsets.UTF_8));
            assertArrayEquals("are you there".getBytes(StandardCharsets.UTF_8), client.nextPong());
            assertEquals("ping:are you there", handler.next());
            Session session = handler.nextSession();
            assertTrue(session.ping(ByteBuffer.wrap("server ping".getBytes(StandardCharsets.UTF_8))));
            assertEquals("pong:server ping", handler.next("pong:"));
        }
    }

    @Test
    void clientCloseCodeReachesTheHandlerAndIsEchoed() throws Exception {
        try (TestClient client = connect()) {
            client.close(4001, "client says bye");
            assertEquals(4001, client.awaitClose().code());
            assertEquals("close:4001:client says bye", handler.next("close:"));
        }
    }

    @Test
    void serverCloseCodeReachesTheClient() throws Exception {
        try (TestClient client = connect()) {
            handler.nextSession().close(4002, "server says bye");
            assertEquals(new TestClient.Closed(4002, "server says bye"), client.awaitClose());
            assertTrue(handler.next("close:").startsWith("close:4002:"));
        }
        assertEquals(0, server.sessionCount());
    }

    @Test
    void subprotocolIsChosenInTheServersOrderOfPreference() throws Exception {
        try (TestClient client = clients(null).connect(ws("/echo"), List.of("v1.chat", "v2.chat"))) {
            assertEquals("v2.chat", client.subprotocol());
            Session session = handler.nextSession();
            assertEquals("v2.chat", session.subprotocol());
            assertEquals(List.of("v1.chat", "v2.chat"), session.request().subprotocols());
        }
        try (TestClient client = clients(null).connect(ws("/echo"), List.of("v1.chat"))) {
            assertEquals("v1.chat", client.subprotocol());
            assertEquals("v1.chat", handler.nextSession().subprotocol());
        }
    }

    @Test
    void requestIsVisibleToTheFilterAndTheSession() throws Exception {
        try (TestClient client = clients(null).connect(ws("/echo?room=42&x=%20"), List.of())) {
            HandshakeRequest request = requests.poll(10, TimeUnit.SECONDS);
            assertNotNull(request);
            assertEquals("/echo", request.path());
            assertEquals("room=42&x=%20", request.query());
            assertEquals("127.0.0.1", request.remoteAddress().getAddress().getHostAddress());
            assertTrue(request.headers().contains("Sec-WebSocket-Key"));
            assertTrue(!request.secure());
            Session session = handler.nextSession();
            assertEquals("/echo", session.path());
            assertEquals("room=42&x=%20", session.query());
            assertEquals(request.headers(), session.request().headers());
            assertEquals(request.remoteAddress(), session.remoteAddress());
            session.attribute("user", "alice");
            assertEquals("alice", session.attribute("user"));
            client.sendText("still works");
            assertEquals("still works", client.nextMessage());
        }
    }

    @Test
    void wssEchoesWithATestCertificate() throws Exception {
        try (TestClient client = clients(TestPki.clientContext()).connect(wss("/echo"), List.of("v1.chat"))) {
            assertEquals("open", handler.next());
            assertTrue(handler.nextSession().request().secure());
            assertEquals("v1.chat", client.subprotocol());
            client.sendText("über TLS");
            assertEquals("über TLS", client.nextMessage());
            byte[] big = new byte[3 << 20];
            new Random(7).nextBytes(big);
            client.sendBinary(big);
            assertArrayEquals(big, (byte[]) client.nextMessage());
            client.close(1000, "done");
            assertEquals(1000, client.awaitClose().code());
            assertEquals("close:1000:done", handler.next("close:"));
        }
    }
}
