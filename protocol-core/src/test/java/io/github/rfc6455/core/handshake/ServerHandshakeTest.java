package io.github.rfc6455.core.handshake;

import static io.github.rfc6455.core.handshake.Heads.upgrade;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.ExtensionParameter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServerHandshakeTest {
    private static final ExtensionOffer DEFLATE = ExtensionOffer.of("permessage-deflate",
            new ExtensionParameter("client_max_window_bits", null));

    @Test
    void validatesTheRfcExampleAndAnswersWithItsAccept() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(Heads.request(Heads.RFC_REQUEST));
        assertEquals("/chat", request.path());
        assertNull(request.query());
        assertEquals("server.example.com", request.host());
        assertEquals("http://example.com", request.origin());
        assertEquals("dGhlIHNhbXBsZSBub25jZQ==", request.key());
        assertEquals(List.of("chat", "superchat"), request.subprotocols());
        assertEquals(List.of(), request.extensionOffers());
        assertEquals("server.example.com", request.headers().first("host"));

        String response = Heads.text(ServerHandshake.accept(request, "chat", List.of(), null));
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n"
                + "\r\n", response);
    }

    @Test
    void tellsUpgradeRequestsFromPlainRequests() throws HandshakeException {
        assertTrue(ServerHandshake.isUpgradeRequest(Heads.request(Heads.RFC_REQUEST)));
        assertTrue(ServerHandshake.isUpgradeRequest(upgrade("Upgrade", "Upgrade: h2c, WebSocket")));
        assertFalse(ServerHandshake.isUpgradeRequest(Heads.request("GET / HTTP/1.1\r\nHost: a\r\n\r\n")));
        assertFalse(ServerHandshake.isUpgradeRequest(upgrade("Upgrade", "Upgrade: h2c")));
    }

    @Test
    void acceptsTheLenientForms() throws HandshakeException {
        ServerHandshake.validate(upgrade("Upgrade", "Upgrade: WebSocket"));
        ServerHandshake.validate(upgrade("Upgrade", "Upgrade: foo/1, websocket"));
        ServerHandshake.validate(upgrade("Connection", "Connection: keep-alive, upgrade"));
        ServerHandshake.validate(upgrade("Connection", "Connection: keep-alive", "Connection: Upgrade"));
        ServerHandshake.validate(Heads.request("GET /chat HTTP/1.2", Heads.VALID_LINES));
        UpgradeRequest absolute = ServerHandshake.validate(
                Heads.request("GET http://server.example.com/chat?room=1 HTTP/1.1", Heads.VALID_LINES));
        assertEquals("/chat", absolute.path());
        assertEquals("room=1", absolute.query());
    }

    @Test
    void rejectsOtherMethods() {
        assertRejected(400, "method", () -> Heads.request("POST /chat HTTP/1.1", Heads.VALID_LINES));
        assertRejected(400, "method", () -> Heads.request("get /chat HTTP/1.1", Heads.VALID_LINES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/0.9", "HTTP/2.0"})
    void rejectsOtherVersions(String version) {
        assertRejected(400, "HTTP version", () -> Heads.request("GET /chat " + version, Heads.VALID_LINES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "server.example.com:80", "/chat#top", "ftp://server.example.com/chat", "chat"})
    void rejectsTargetsThatAreNotResourceNames(String target) {
        assertRejected(400, "request target", () -> Heads.request("GET " + target + " HTTP/1.1", Heads.VALID_LINES));
    }

    @Test
    void requiresExactlyOneHost() {
        assertRejected(400, "Host", () -> upgrade("Host"));
        assertRejected(400, "Host", () -> upgrade("Host", "Host:"));
        assertRejected(400, "Host", () -> upgrade("Host", "Host: a", "Host: b"));
    }

    @Test
    void requiresUpgradeWebsocket() {
        assertRejected(400, "missing Upgrade", () -> upgrade("Upgrade"));
        assertRejected(400, "Upgrade header \"h2c\"", () -> upgrade("Upgrade", "Upgrade: h2c"));
        assertRejected(400, "Upgrade", () -> upgrade("Upgrade", "Upgrade: websocket2"));
    }

    @Test
    void requiresConnectionUpgrade() {
        assertRejected(400, "missing Connection", () -> upgrade("Connection"));
        assertRejected(400, "Connection header \"keep-alive\"", () -> upgrade("Connection", "Connection: keep-alive"));
        assertRejected(400, "Connection", () -> upgrade("Connection", "Connection: Upgraded"));
    }

    @Test
    void answers426WhenTheVersionIsMissingOrNot13() {
        assertRejected(426, "missing Sec-WebSocket-Version", () -> upgrade("Sec-WebSocket-Version"));
        assertRejected(426, "Sec-WebSocket-Version \"8\"", () -> upgrade("Sec-WebSocket-Version",
                "Sec-WebSocket-Version: 8"));
        assertRejected(426, "Sec-WebSocket-Version", () -> upgrade("Sec-WebSocket-Version",
                "Sec-WebSocket-Version: 13, 8"));
    }

    @Test
    void the426ResponseAdvertisesVersion13() {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> ServerHandshake.validate(upgrade("Sec-WebSocket-Version", "Sec-WebSocket-Version: 7")));
        String response = Heads.text(ServerHandshake.reject(e));
        assertTrue(response.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), response);
        assertTrue(response.contains("\r\nSec-WebSocket-Version: 13\r\n"), response);
        assertTrue(response.contains("\r\nUpgrade: websocket\r\n"), response);
    }

    @Test
    void rejectsDuplicateCriticalHeaders() {
        assertRejected(400, "more than one Sec-WebSocket-Version", () -> upgrade("Sec-WebSocket-Version",
                "Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 13"));
        assertRejected(400, "more than one Sec-WebSocket-Key", () -> upgrade("Sec-WebSocket-Key",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
        assertRejected(400, "more than one Origin", () -> upgrade("Origin", "Origin: http://a", "Origin: http://b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dGhlIHNhbXBsZSBub25jZQ", "AAAAAAAAAAAAAAAAAAAA", "dGhlIHNhbXBsZSBub25jZSE=",
        "not base64 at all!!!!!!!"})
    void requiresAKeyOfSixteenBase64Bytes(String key) {
        assertRejected(400, "Sec-WebSocket-Key", () -> upgrade("Sec-WebSocket-Key", "Sec-WebSocket-Key: " + key));
    }

    @Test
    void requiresAKey() {
        assertRejected(400, "missing Sec-WebSocket-Key", () -> upgrade("Sec-WebSocket-Key"));
    }

    @Test
    void parsesSubprotocolsAcrossHeaders() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(upgrade("Sec-WebSocket-Protocol",
                "Sec-WebSocket-Protocol: chat, , superchat", "Sec-WebSocket-Protocol: v2.json"));
        assertEquals(List.of("chat", "superchat", "v2.json"), request.subprotocols());
        assertEquals(List.of(), ServerHandshake.validate(upgrade("Sec-WebSocket-Protocol")).subprotocols());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chat/1", "chat, chat", "\"chat\"", "a b", ", ,", ""})
    void rejectsInvalidSubprotocols(String value) {
        assertRejected(400, "Sec-WebSocket-Protocol", () -> upgrade("Sec-WebSocket-Protocol",
                "Sec-WebSocket-Protocol: " + value));
    }

    @Test
    void parsesExtensionOffers() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(upgrade("Sec-WebSocket-Extensions",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits",
                "Sec-WebSocket-Extensions: x-foo"));
        assertEquals(List.of(DEFLATE, ExtensionOffer.of("x-foo")), request.extensionOffers());
    }

    @Test
    void rejectsMalformedExtensionOffers() {
        assertRejected(400, "Sec-WebSocket-Extensions", () -> upgrade("Sec-WebSocket-Extensions",
                "Sec-WebSocket-Extensions: permessage-deflate; =10"));
        assertRejected(400, "Sec-WebSocket-Extensions", () -> upgrade("Sec-WebSocket-Extensions",
                "Sec-WebSocket-Extensions: ,"));
    }

    @Test
    void rejectsHundredThousandSpacesAndCommasInLinearTime() throws HandshakeException {
        String noise = " ,".repeat(50_000);
        for (String name : List.of("Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions")) {
            HttpHeadParser parser = HttpHeadParser.forRequest(new HeadLimits(200_000, 100));
            String head = "GET / HTTP/1.1\r\n" + String.join("\r\n", Heads.replacing(Heads.VALID_LINES, name,
                    name + ":" + noise)) + "\r\n\r\n";
            assertTrue(parser.parse(Heads.bytes(head)));
            HandshakeException e = assertThrows(HandshakeException.class,
                    () -> ServerHandshake.validate(parser.request()));
            assertEquals(400, e.status());
            assertTrue(e.getMessage().contains(name) && e.getMessage().length() < 300, e.getMessage());
        }
    }

    @Test
    void acceptsWithExtensionsAndExtraHeaders() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(upgrade("Sec-WebSocket-Extensions",
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits, x-foo"));
        ExtensionOffer answer = ExtensionOffer.of("permessage-deflate",
                new ExtensionParameter("client_max_window_bits", "10"));
        HttpResponseHead response = Heads.response(ServerHandshake.accept(request, null, List.of(answer),
                HttpHeaders.of("Set-Cookie", "a=b")));
        assertEquals(101, response.status());
        assertEquals("permessage-deflate; client_max_window_bits=10",
                response.headers().first("Sec-WebSocket-Extensions"));
        assertEquals("a=b", response.headers().first("Set-Cookie"));
        assertFalse(response.headers().contains("Sec-WebSocket-Protocol"));
    }

    @Test
    void refusesToAcceptWhatWasNotRequested() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(Heads.request(Heads.RFC_REQUEST));
        assertThrows(IllegalArgumentException.class, () -> ServerHandshake.accept(request, "other", List.of(), null));
        assertThrows(IllegalArgumentException.class, () -> ServerHandshake.accept(request, "Chat", List.of(), null));
        assertThrows(IllegalArgumentException.class,
                () -> ServerHandshake.accept(request, null, List.of(DEFLATE), null));
        UpgradeRequest offering = ServerHandshake.validate(upgrade("Sec-WebSocket-Extensions",
                "Sec-WebSocket-Extensions: permessage-deflate"));
        assertThrows(IllegalArgumentException.class,
                () -> ServerHandshake.accept(offering, null, List.of(DEFLATE, DEFLATE), null));
        for (String reserved : List.of("Upgrade", "connection", "Sec-WebSocket-Accept", "Sec-WebSocket-Protocol",
                "Sec-WebSocket-Extensions")) {
            assertThrows(IllegalArgumentException.class,
                    () -> ServerHandshake.accept(request, null, List.of(), HttpHeaders.of(reserved, "x")), reserved);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 503, 400, 431, 500})
    void rejectsWithAPlainTextResponse(int status) throws HandshakeException {
        String reason = "no way \u2013 " + status;
        var response = ServerHandshake.reject(status, reason, HttpHeaders.of("Retry-After", "5"));
        String text = Heads.text(response);
        HttpResponseHead head = Heads.response(text);
        assertEquals(status, head.status());
        assertEquals(Http.reasonPhrase(status), head.reason());
        assertEquals("text/plain; charset=utf-8", head.headers().first("Content-Type"));
        assertEquals("close", head.headers().first("Connection"));
        assertEquals("5", head.headers().first("Retry-After"));
        assertFalse(head.headers().contains("Sec-WebSocket-Version"));
        byte[] body = reason.getBytes(StandardCharsets.UTF_8);
        assertEquals(Integer.toString(body.length), head.headers().first("Content-Length"));
        byte[] all = new byte[response.remaining()];
        response.duplicate().get(all);
        assertEquals(reason, new String(all, all.length - body.length, body.length, StandardCharsets.UTF_8));
        assertTrue(text.contains("\r\n\r\n"));
        assertEquals(all.length - body.length, text.indexOf("\r\n\r\n") + 4, "body right after the head");
    }

    @Test
    void usesTheStandardReasonPhrases() {
        assertTrue(Heads.text(ServerHandshake.reject(403, "", null)).startsWith("HTTP/1.1 403 Forbidden\r\n"));
        assertTrue(Heads.text(ServerHandshake.reject(404, "", null)).startsWith("HTTP/1.1 404 Not Found\r\n"));
        assertTrue(Heads.text(ServerHandshake.reject(503, "", null))
                .startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
        assertTrue(Heads.text(ServerHandshake.reject(431, "", null))
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    }

    @Test
    void rejectsInvalidRejections() {
        assertThrows(IllegalArgumentException.class, () -> ServerHandshake.reject(200, "ok", null));
        assertThrows(IllegalArgumentException.class, () -> ServerHandshake.reject(600, "x", null));
        assertThrows(IllegalArgumentException.class, () -> ServerHandshake.reject(new HandshakeException(0, "x")));
        assertThrows(IllegalArgumentException.class,
                () -> ServerHandshake.reject(400, "x", HttpHeaders.of("Content-Length", "0")));
        assertThrows(IllegalArgumentException.class, () -> new HandshakeException(1000, "x"));
    }

    @Test
    void rejectsWithTheExceptionsStatusAndMessage() throws HandshakeException {
        HttpResponseHead head = Heads.response(ServerHandshake.reject(new HandshakeException(403, "origin refused")));
        assertEquals(403, head.status());
        assertEquals("14", head.headers().first("Content-Length"));
    }

    /** Validating the head that {@code request} builds fails with that status, and the message contains text. */
    private static void assertRejected(int status, String text, HeadSupplier request) {
        HandshakeException e = assertThrows(HandshakeException.class, () -> ServerHandshake.validate(request.get()));
        assertEquals(status, e.status(), e.getMessage());
        assertTrue(e.getMessage().contains(text), "\"" + e.getMessage() + "\" should contain \"" + text + "\"");
    }

    @FunctionalInterface
    private interface HeadSupplier {
        HttpRequestHead get() throws HandshakeException;
    }
}
