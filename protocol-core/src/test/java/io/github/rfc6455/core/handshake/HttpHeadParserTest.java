package io.github.rfc6455.core.handshake;

import static io.github.rfc6455.core.handshake.Heads.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadParserTest {
    private final HttpHeadParser requests = HttpHeadParser.forRequest(HeadLimits.DEFAULT);
    private final HttpHeadParser responses = HttpHeadParser.forResponse(HeadLimits.DEFAULT);

    @Test
    void parsesTheRfcRequest() throws HandshakeException {
        assertTrue(requests.parse(bytes(Heads.RFC_REQUEST)));
        HttpRequestHead head = requests.request();
        assertEquals("GET", head.method());
        assertEquals("/chat", head.target());
        assertEquals("HTTP/1.1", head.version());
        assertEquals(7, head.headers().size());
        assertEquals("Host", head.headers().name(0));
        assertEquals("server.example.com", head.headers().value(0));
        assertEquals("chat, superchat", head.headers().first("sec-websocket-protocol"));
        assertEquals("13", head.headers().value(6));
    }

    @Test
    void leavesTheBytesAfterTheHeadInPlace() throws HandshakeException {
        ByteBuffer in = bytes(Heads.RFC_REQUEST + "\u0081\u0085frame");
        assertTrue(requests.parse(in));
        assertEquals(Heads.RFC_REQUEST.length(), in.position());
        assertEquals("\u0081\u0085frame", Heads.text(in));
        assertTrue(requests.parse(in), "a complete parser stays complete");
        assertEquals(Heads.RFC_REQUEST.length(), in.position(), "and consumes nothing more");
    }

    @Test
    void parsesAResponse() throws HandshakeException {
        assertTrue(responses.parse(bytes("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n")));
        HttpResponseHead head = responses.response();
        assertEquals(new HttpResponseHead("HTTP/1.1", 101, "Switching Protocols", HttpHeaders.of("Upgrade", "websocket")),
                head);
    }

    @Test
    void acceptsAStatusLineWithoutReasonPhrase() throws HandshakeException {
        assertEquals("", Heads.response("HTTP/1.1 101\r\n\r\n").reason());
        assertEquals("", Heads.response("HTTP/1.1 101 \r\n\r\n").reason());
        assertEquals("Not  Found\t!", Heads.response("HTTP/1.1 404 Not  Found\t!\r\n\r\n").reason());
    }

    @Test
    void acceptsBareLfLineEndingsAndLeadingEmptyLines() throws HandshakeException {
        HttpRequestHead head = Heads.request("\r\n\nGET / HTTP/1.1\nHost: a\r\nX:b\n\n");
        assertEquals(HttpHeaders.of("Host", "a", "X", "b"), head.headers());
    }

    @Test
    void trimsValuesAndKeepsLatin1() throws HandshakeException {
        HttpRequestHead head = Heads.request("GET / HTTP/1.1\r\nX: \t caf\u00e9 au lait \t\r\nEmpty:\r\n\r\n");
        assertEquals("caf\u00e9 au lait", head.headers().first("x"));
        assertEquals("", head.headers().first("Empty"));
    }

    @Test
    void parsesAHeadWithoutHeaders() throws HandshakeException {
        assertEquals(HttpHeaders.EMPTY, Heads.request("GET / HTTP/1.1\r\n\r\n").headers());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /chat\r\n", "GET\r\n", "GET  /chat HTTP/1.1\r\n", "GET /chat  HTTP/1.1\r\n", "GET /chat HTTP/1.1 \r\n",
        " GET / HTTP/1.1\r\n", "G(T / HTTP/1.1\r\n", "GET / HTTP/1\r\n", "GET / HTTP/x.1\r\n", "GET / http/1.1\r\n",
        "GET / HTTP/1.1x\r\n", "GET /caf\u00e9 HTTP/1.1\r\n", "GET /\ta HTTP/1.1\r\n", "GET / HTTP/1.1\tx\r\n",
        "GET / HTTP/1.1\r\nNoColon\r\n", "GET / HTTP/1.1\r\n: empty name\r\n", "GET / HTTP/1.1\r\nHost : a\r\n",
        "GET / HTTP/1.1\r\nHo st: a\r\n", "GET / HTTP/1.1\r\nH\u00e9ader: a\r\n", "GET / HTTP/1.1\r\n[x]: a\r\n",
        "GET / HTTP/1.1\r\nA: 1\r\n folded\r\n", "GET / HTTP/1.1\r\nA: 1\r\n\tfolded\r\n",
        "GET / HTTP/1.1\r\n Host: a\r\n", "GET / HTTP/1.1\r\nA: a\u0000b\r\n", "GET / HTTP/1.1\r\nA: a\u0001\r\n",
        "GET / HTTP/1.1\r\nA: a\u007f\r\n", "GET / HTTP/1.1\r\nA: a\rb\r\n", "GET / HTTP/1.1\rHost: a\r\n",
        "GET / HTTP/1.1\r\nA: 1\r\r\n", "GET / HTTP/1.1\r\nA\u0000: 1\r\n", "\u0000GET / HTTP/1.1\r\n"})
    void rejectsMalformedRequestsWith400(String head) {
        HandshakeException e = assertThrows(HandshakeException.class, () -> requests.parse(bytes(head + "\r\n")));
        assertEquals(400, e.status(), e.getMessage());
        assertEquals(0, requests.bufferCapacity(), "a failed parser releases its buffer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.1 10 OK", "HTTP/1.1 1011 x", "HTTP/1.1", "HTTP/1.1 abc OK", "HTTP/1.1  101",
        "HTTP/1.1x 101 OK", "HTTP/11 101 OK", " HTTP/1.1 101 OK", "ICY 200 OK", "HTTP/1.1 101 OK\r\nBad Name: x"})
    void rejectsMalformedResponsesWithStatus0(String head) {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> responses.parse(bytes(head + "\r\n\r\n")));
        assertEquals(0, e.status(), e.getMessage());
    }

    @Test
    void namesWhatIsWrong() {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> requests.parse(bytes("GET / HTTP/1.1\r\nHost : a\r\n\r\n")));
        assertTrue(e.getMessage().contains("header name"), e.getMessage());
        HttpHeadParser other = HttpHeadParser.forRequest(HeadLimits.DEFAULT);
        e = assertThrows(HandshakeException.class, () -> other.parse(bytes("GET / HTTP/1.1\r\nA: 1\r\n b\r\n\r\n")));
        assertTrue(e.getMessage().contains("folding"), e.getMessage());
    }

    @Test
    void acceptsAHeadOfExactlyTheLimitAndRejectsOneByteMore() throws HandshakeException {
        String prefix = "GET / HTTP/1.1\r\nX: ";
        String exact = prefix + "a".repeat(8192 - prefix.length() - 4) + "\r\n\r\n";
        assertEquals(8192, exact.length());
        assertTrue(requests.parse(bytes(exact)));

        String tooLong = prefix + "a".repeat(8193 - prefix.length() - 4) + "\r\n\r\n";
        HttpHeadParser parser = HttpHeadParser.forRequest(HeadLimits.DEFAULT);
        ByteBuffer in = bytes(tooLong);
        HandshakeException e = assertThrows(HandshakeException.class, () -> parser.parse(in));
        assertEquals(431, e.status());
        assertTrue(e.getMessage().contains("8192"), e.getMessage());
        assertEquals(8193, in.position());
    }

    @Test
    void acceptsTheMaximumNumberOfHeadersAndRejectsOneMore() throws HandshakeException {
        assertEquals(100, Heads.request(head(100)).headers().size());
        HandshakeException e = assertThrows(HandshakeException.class, () -> requests.parse(bytes(head(101))));
        assertEquals(431, e.status());
    }

    @Test
    void honoursConfiguredLimits() throws HandshakeException {
        HttpHeadParser small = HttpHeadParser.forRequest(new HeadLimits(64, 2));
        assertTrue(small.parse(bytes(head(2))));
        small.reset();
        assertEquals(431, assertThrows(HandshakeException.class, () -> small.parse(bytes(head(3)))).status());
        small.reset();
        String big = "GET / HTTP/1.1\r\nX: " + "b".repeat(60) + "\r\n\r\n";
        assertEquals(431, assertThrows(HandshakeException.class, () -> small.parse(bytes(big))).status());

        HttpHeadParser large = HttpHeadParser.forRequest(new HeadLimits(100_000, 1000));
        assertTrue(large.parse(bytes(head(1000))));
        assertEquals(1000, large.request().headers().size());
    }

    @Test
    void rejectsAMebibyteHeadAfterReadingAboutTheLimit() {
        byte[] huge = new byte[1 << 20];
        Arrays.fill(huge, (byte) 'a');
        byte[] start = "GET / HTTP/1.1\r\nX: ".getBytes();
        System.arraycopy(start, 0, huge, 0, start.length);
        ByteBuffer in = ByteBuffer.wrap(huge);
        HandshakeException e = assertThrows(HandshakeException.class, () -> {
            while (in.hasRemaining()) {
                requests.parse(in.slice().limit(Math.min(1000, in.remaining())));
                in.position(in.position() + Math.min(1000, in.remaining()));
                assertTrue(requests.bufferCapacity() <= 8192, "buffer bounded by the head limit");
            }
        });
        assertEquals(431, e.status());
        assertTrue(in.position() <= 8192 + 1000, "stopped after about the limit, at " + in.position());
    }

    @Test
    void stopsConsumingAtTheFirstByteOverTheLimit() {
        ByteBuffer in = ByteBuffer.allocate(1 << 20);
        in.put("GET / HTTP/1.1\r\nX: ".getBytes());
        while (in.hasRemaining()) {
            in.put((byte) 'a');
        }
        in.flip();
        assertEquals(431, assertThrows(HandshakeException.class, () -> requests.parse(in)).status());
        assertEquals(8193, in.position());
    }

    @Test
    void consumesEveryByteOnceWhenFedOneByteAtATime() throws HandshakeException {
        byte[] head = Heads.RFC_REQUEST.getBytes();
        for (int i = 0; i < head.length; i++) {
            ByteBuffer one = ByteBuffer.wrap(head, i, 1);
            boolean done = requests.parse(one);
            assertFalse(one.hasRemaining(), "byte " + i + " consumed");
            assertEquals(i == head.length - 1, done);
        }
        assertEquals(Heads.request(Heads.RFC_REQUEST), requests.request());
    }

    /** A hang guard, not a performance assertion: a parser re-scanning its input would take hours here. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void parsesHundredThousandSpacesAndCommasFedByteByByte() throws HandshakeException {
        String noise = " ,".repeat(50_000);
        String head = "GET /chat HTTP/1.1\r\n" + String.join("\r\n", Heads.VALID_LINES)
                + "\r\nSec-WebSocket-Protocol: chat" + noise + "\r\nSec-WebSocket-Extensions: " + noise + "x"
                + noise + "\r\n\r\n";
        HttpHeadParser parser = HttpHeadParser.forRequest(new HeadLimits(400_000, 100));
        ByteBuffer in = bytes(head);
        ByteBuffer one = in.duplicate();
        boolean done = false;
        for (int i = 0; i < head.length(); i++) {
            one.limit(i + 1).position(i);
            done = parser.parse(one);
            assertEquals(i + 1, one.position());
        }
        assertTrue(done);
        HttpRequestHead request = parser.request();
        assertEquals((noise + "x" + noise).trim(), request.headers().first("Sec-WebSocket-Extensions"));
        UpgradeRequest upgrade = ServerHandshake.validate(request);
        assertEquals(List.of("chat"), upgrade.subprotocols());
        assertEquals("x", upgrade.extensionOffers().get(0).name());
    }

    @Test
    void releasesItsBufferWhenCompleteAndOnReset() throws HandshakeException {
        assertEquals(0, requests.bufferCapacity());
        assertFalse(requests.parse(bytes("GET / HTTP/1.1\r\nHost: a")));
        assertTrue(requests.bufferCapacity() > 0);
        requests.reset();
        assertEquals(0, requests.bufferCapacity());
        assertTrue(requests.parse(bytes("GET /again HTTP/1.1\r\n\r\n")));
        assertEquals(0, requests.bufferCapacity());
        assertEquals("/again", requests.request().target());
    }

    @Test
    void growsItsBufferOnlyAsNeeded() throws HandshakeException {
        HttpHeadParser parser = HttpHeadParser.forRequest(new HeadLimits(1 << 20, 100));
        assertFalse(parser.parse(bytes("GET / HTTP/1.1\r\nX: " + "a".repeat(1000))));
        assertTrue(parser.bufferCapacity() >= 1003 && parser.bufferCapacity() <= 2 * 1003,
                "capacity " + parser.bufferCapacity());
    }

    @Test
    void aFailedParserKeepsFailingUntilReset() throws HandshakeException {
        HandshakeException first = assertThrows(HandshakeException.class,
                () -> requests.parse(bytes("BAD\r\n\r\n")));
        assertSame(first, assertThrows(HandshakeException.class, () -> requests.parse(bytes("GET / HTTP/1.1\r\n\r\n"))));
        requests.reset();
        assertTrue(requests.parse(bytes("GET / HTTP/1.1\r\n\r\n")));
    }

    @Test
    void refusesToReturnAnIncompleteOrOtherKindOfHead() throws HandshakeException {
        assertThrows(IllegalStateException.class, requests::request);
        assertFalse(requests.parse(bytes("GET / HTTP/1.1\r\n")));
        assertThrows(IllegalStateException.class, requests::request);
        assertThrows(IllegalStateException.class, requests::response);
        assertThrows(IllegalStateException.class, responses::response);
        assertTrue(responses.parse(bytes("HTTP/1.1 200 OK\r\n\r\n")));
        assertThrows(IllegalStateException.class, responses::request);
    }

    @Test
    void splitsTheTargetIntoPathAndQuery() {
        assertEquals("/chat", target("/chat?room=1").path());
        assertEquals("room=1", target("/chat?room=1").query());
        assertNull(target("/chat").query());
        assertEquals("", target("/?").query());
        assertEquals("/a/b", target("http://example.com:80/a/b?c").path());
        assertEquals("c", target("http://example.com:80/a/b?c").query());
        assertEquals("/", target("ws://example.com").path());
        assertEquals("/", target("ws://example.com?x").path());
        assertEquals("x", target("ws://example.com?x").query());
        assertNull(target("*").path());
        assertNull(target("example.com:443").path());
        assertNull(target("*").query());
    }

    @Test
    void rejectsInvalidLimits() {
        assertThrows(IllegalArgumentException.class, () -> new HeadLimits(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new HeadLimits(10, -1));
    }

    private static HttpRequestHead target(String target) {
        return new HttpRequestHead("GET", target, "HTTP/1.1", HttpHeaders.EMPTY);
    }

    /** @return a request head with n header fields */
    private static String head(int n) {
        StringBuilder sb = new StringBuilder("GET / HTTP/1.1\r\n");
        for (int i = 0; i < n; i++) {
            sb.append("H").append(i).append(": v\r\n");
        }
        return sb.append("\r\n").toString();
    }
}
