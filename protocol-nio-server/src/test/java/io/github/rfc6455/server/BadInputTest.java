package io.github.rfc6455.server;

import static io.github.rfc6455.server.RawClient.BINARY;
import static io.github.rfc6455.server.RawClient.CLOSE;
import static io.github.rfc6455.server.RawClient.CONTINUATION;
import static io.github.rfc6455.server.RawClient.PING;
import static io.github.rfc6455.server.RawClient.TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.nio.TransportConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input over raw sockets: every malformed, refused or oversized handshake gets its HTTP status and a closed
 * connection; every framing violation gets a Close frame with its code (decoded here) and a closed connection; a
 * handshake that does not finish in time is dropped. The server stays up throughout.
 */
@Timeout(60)
class BadInputTest {
    private static final int MAX_MESSAGE = 1024;

    private final RecordingHandler handler = new RecordingHandler(true);
    private final BlockingQueue<ServerError> errors = new LinkedBlockingQueue<>();
    private WebSocketServer server;
    private int port;

    @BeforeEach
    void start() throws IOException {
        server = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(1)
                .daemonThreads(true)
                .route("/echo", handler)
                .route("/throws", new WebSocketHandler() {
                    @Override
                    public void onText(Session session, String text) {
                        throw new IllegalStateException("handler bug");
                    }
                })
                .resource("/page", "text/plain; charset=utf-8", "hello page".getBytes(StandardCharsets.UTF_8))
                .allowedOrigins(List.of("http://good.example"))
                .handshakeFilter(request -> request.headers().contains("X-Deny")
                        ? new HandshakeFilter.Rejection(401, "no entry for " + request.path()) : null)
                .webSocketConfig(WebSocketConfig.builder().maxSize(MAX_MESSAGE).build())
                .transportConfig(TransportConfig.builder().handshakeTimeout(Duration.ofMillis(400)).build())
                .listener(new ServerListener() {
                    @Override
                    public void onServerError(ServerError error) {
                        errors.add(error);
                    }
                })
                .build()
                .start();
        port = server.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
    }

    /** Sends raw request bytes; @return the reply, after checking that the server closed the connection */
    private RawClient.Reply refused(String request) throws IOException {
        try (RawClient client = RawClient.connect(port)) {
            client.write(request);
            RawClient.Reply reply = client.readReply();
            assertTrue(client.awaitEof(), "the server did not close the connection after " + reply.status());
            return reply;
        }
    }

    private ServerError nextError() throws InterruptedException {
        ServerError error = errors.poll(10, TimeUnit.SECONDS);
        assertNotNull(error, "no server error reported");
        return error;
    }

    // ------------------------------------------------------------------------------------------------ handshakes

    @Test
    void garbageRequestLineGets400() throws Exception {
        RawClient.Reply reply = refused("GARBAGE\r\n\r\n");
        assertEquals(400, reply.status());
        assertEquals(ServerError.Kind.HANDSHAKE, nextError().kind());
    }

    @Test
    void upgradeWithoutKeyGets400NamingTheHeader() throws Exception {
        RawClient.Reply reply = refused("GET /echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertEquals(400, reply.status());
        assertTrue(reply.body().contains("Sec-WebSocket-Key"), reply.body());
    }

    @Test
    void wrongVersionGets426WithTheSupportedVersion() throws Exception {
        RawClient.Reply reply = refused(RawClient.upgradeRequest("/echo", "")
                .replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 8"));
        assertEquals(426, reply.status());
        assertEquals("13", reply.header("Sec-WebSocket-Version"));
    }

    @Test
    void oversizedHeadGets431() throws Exception {
        RawClient.Reply reply = refused(RawClient.upgradeRequest("/echo", "X-Big: " + "a".repeat(10_000) + "\r\n"));
        assertEquals(431, reply.status());
    }

    @Test
    void tooManyHeadersGet431() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertEquals(431, refused(RawClient.upgradeRequest("/echo", many.toString())).status());
    }

    @Test
    void unknownPathGets404() throws Exception {
        assertEquals(404, refused(RawClient.upgradeRequest("/nowhere", "")).status());
        ServerError error = nextError();
        assertEquals(ServerError.Kind.REJECTED, error.kind());
        assertEquals(404, error.status());
    }

    @Test
    void refusedOriginGets403AndAllowedOrAbsentOriginOpens() throws Exception {
        assertEquals(403, refused(RawClient.upgradeRequest("/echo", "Origin: http://evil.example\r\n")).status());
        try (RawClient client = RawClient.connect(port)) {
            client.write(RawClient.upgradeRequest("/echo", "Origin: HTTP://Good.Example/\r\n"));
            assertEquals(101, client.readReply().status());
        }
        try (RawClient client = RawClient.connect(port)) {
            client.open("/echo");
        }
    }

    @Test
    void handshakeFilterRejectsWithItsStatus() throws Exception {
        RawClient.Reply reply = refused(RawClient.upgradeRequest("/echo", "X-Deny: 1\r\n"));
        assertEquals(401, reply.status());
        assertEquals("no entry for /echo", reply.body());
    }

    @Test
    void plainHttpGetsTheResourceOr404() throws Exception {
        RawClient.Reply page = refused("GET /page HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(200, page.status());
        assertEquals("hello page", page.body());
        assertEquals("text/plain; charset=utf-8", page.header("Content-Type"));
        assertEquals(404, refused("GET /favicon.ico HTTP/1.1\r\nHost: x\r\n\r\n").status());
        assertEquals(405, refused("POST /page HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n").status());
    }

    @Test
    void slowHandshakeIsTimedOutEvenWhileBytesTrickleIn() throws Exception {
        try (RawClient client = RawClient.connect(port)) {
            client.write("GET /echo HTTP/1.1\r\n");
            Thread trickler = new Thread(() -> {
                try {
                    for (int i = 0; i < 500; i++) {
                        client.write("X-Slow-" + i + ": 1\r\n");
                        Thread.sleep(20); // pacing of the slow client, not synchronisation
                    }
                } catch (IOException | InterruptedException expected) {
                    // the server closed the connection
                }
            });
            trickler.start();
            client.setTimeout(5000);
            assertTrue(client.awaitEof(), "a handshake trickling bytes was not timed out");
            trickler.interrupt();
            trickler.join(5000);
        }
        ServerError error = nextError();
        assertEquals(ServerError.Kind.HANDSHAKE, error.kind());
        assertTrue(error.message().contains("timed out"), error.message());
    }

    @Test
    void framesSentWithTheRequestAreProcessedAfterTheHandshake() throws Exception {
        try (RawClient client = RawClient.connect(port)) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(RawClient.upgradeRequest("/echo", "").getBytes(StandardCharsets.ISO_8859_1));
            both.writeBytes(RawClient.encode(true, 0, TEXT, "early".getBytes(StandardCharsets.UTF_8), true));
            client.write(both.toByteArray());
            assertEquals(101, client.readReply().status());
            RawClient.Frame frame = client.readFrame();
            assertEquals("early", frame.text());
            assertFalse(frame.masked(), "a server must not mask (RFC 6455 section 5.1)");
        }
    }

    // ------------------------------------------------------------------------------------------------ frames

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    private static byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        return RawClient.encode(fin, rsv, opcode, payload, true);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static Stream<Arguments> violations() {
        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("unmasked client frame", RawClient.encode(true, 0, TEXT, hello, false), 1002),
                Arguments.of("reserved opcode 3", frame(true, 0, 3, hello), 1002),
                Arguments.of("reserved control opcode 0xB", frame(true, 0, 0xB, new byte[0]), 1002),
                Arguments.of("RSV1 without an extension", frame(true, 4, TEXT, hello), 1002),
                Arguments.of("fragmented ping", frame(false, 0, PING, hello), 1002),
                Arguments.of("ping longer than 125 bytes", frame(true, 0, PING, new byte[126]), 1002),
                Arguments.of("continuation without a message", frame(true, 0, CONTINUATION, hello), 1002),
                Arguments.of("new message inside a fragmented one",
                        concat(frame(false, 0, TEXT, hello), frame(true, 0, BINARY, hello)), 1002),
                Arguments.of("invalid UTF-8 in a text message", frame(true, 0, TEXT, bytes(0x68, 0xC3, 0x28)), 1007),
                Arguments.of("invalid UTF-8 across fragments",
                        concat(frame(false, 0, TEXT, bytes(0xF0, 0x9F)), frame(true, 0, CONTINUATION,
                                bytes(0x41))), 1007),
                Arguments.of("close code 999", frame(true, 0, CLOSE, bytes(0x03, 0xE7)), 1002),
                Arguments.of("close with a 1-byte payload", frame(true, 0, CLOSE, bytes(0x03)), 1002),
                Arguments.of("close reason not UTF-8", frame(true, 0, CLOSE, bytes(0x03, 0xE8, 0xFF)), 1007),
                Arguments.of("frame above the limit", frame(true, 0, BINARY, new byte[MAX_MESSAGE + 1]), 1009),
                Arguments.of("message above the limit in fragments", concat(frame(false, 0, BINARY,
                        new byte[MAX_MESSAGE]), frame(true, 0, CONTINUATION, new byte[1])), 1009));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("violations")
    void framingViolationClosesWithItsCode(String what, byte[] bytes, int expectedCode) throws Exception {
        try (RawClient client = RawClient.connect(port).open("/echo")) {
            assertEquals("open", handler.next());
            client.write(bytes);
            assertEquals(expectedCode, client.expectCloseAndEof(), what);
        }
        // The server half-closed first and released the connection when the client closed its side.
        assertEquals("error:" + expectedCode, handler.next("error:"));
        assertTrue(handler.next("close:").startsWith("close:1006"), "the failed connection read no Close frame");
        try (RawClient client = RawClient.connect(port).open("/echo")) { // and the server still serves
            client.sendText("still alive");
            assertEquals("still alive", client.readFrame().text());
        }
    }

    @Test
    void handlerExceptionClosesWith1011() throws Exception {
        try (RawClient client = RawClient.connect(port).open("/throws")) {
            client.sendText("boom");
            assertEquals(1011, client.expectCloseAndEof());
        }
    }
}
