package io.github.rfc6455.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.ExtensionParameter;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientHandshakeTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    private static final ExtensionOffer DEFLATE = ExtensionOffer.of("permessage-deflate",
            new ExtensionParameter("client_max_window_bits", null));

    private final ClientHandshake handshake = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
            .key(KEY)
            .origin("http://example.com")
            .subprotocols(List.of("chat", "superchat"))
            .extensionOffers(List.of(DEFLATE))
            .header("Authorization", "Bearer t")
            .build();

    @Test
    void writesTheRequestOfRfc6455Section12() {
        assertEquals("GET /chat HTTP/1.1\r\n"
                + "Host: server.example.com\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: http://example.com\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                + "Authorization: Bearer t\r\n"
                + "\r\n", Heads.text(handshake.request()));
        assertEquals(KEY, handshake.key());
        assertEquals(List.of("chat", "superchat"), handshake.subprotocols());
        assertEquals(List.of(DEFLATE), handshake.extensionOffers());
    }

    @Test
    void requestBuffersAreIndependentAndReadOnly() {
        ByteBuffer first = handshake.request();
        first.get();
        assertEquals(0, handshake.request().position());
        assertTrue(first.isReadOnly());
    }

    @ParameterizedTest
    @CsvSource({
        "ws://example.com, /, example.com, 80, false",
        "ws://example.com:80/a, /a, example.com, 80, false",
        "ws://example.com:8080/a/b?c=d&e, /a/b?c=d&e, example.com:8080, 8080, false",
        "wss://example.com/, /, example.com, 443, true",
        "wss://example.com:443?x=1, /?x=1, example.com, 443, true",
        "ws://example.com:443/, /, example.com:443, 443, false",
        "WSS://example.com:8443/p%20q, /p%20q, example.com:8443, 8443, true",
        "http://example.com/x, /x, example.com, 80, false",
        "https://example.com/x, /x, example.com, 443, true",
        "ws://[::1]:9000/x, /x, [::1]:9000, 9000, false",
        "ws://127.0.0.1/, /, 127.0.0.1, 80, false"})
    void derivesTargetHostAndPortFromTheUri(String uri, String target, String host, int port, boolean secure)
            throws HandshakeException {
        ClientHandshake h = ClientHandshake.builder(URI.create(uri)).build();
        HttpRequestHead head = Heads.request(Heads.text(h.request()));
        assertEquals(target, head.target());
        assertEquals(host, head.headers().first("Host"));
        assertEquals(port, h.port());
        assertEquals(secure, h.secure());
    }

    @Test
    void encodesNonAsciiPathsAsAscii() throws HandshakeException {
        ClientHandshake h = ClientHandshake.builder(URI.create("ws://example.com/caf\u00e9")).build();
        assertEquals("/caf%C3%A9", Heads.request(Heads.text(h.request())).target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "example.com/chat", "ws:/chat", "ws://example.com/#frag",
        "mailto:a@example.com"})
    void rejectsUrisThatAreNotWebSocketUris(String uri) {
        assertThrows(IllegalArgumentException.class, () -> ClientHandshake.builder(URI.create(uri)));
    }

    @Test
    void rejectsSettingTheHandshakesOwnHeaders() {
        ClientHandshake.Builder builder = ClientHandshake.builder(URI.create("ws://example.com/"));
        for (String name : List.of("Host", "upgrade", "Connection", "Sec-WebSocket-Key", "sec-websocket-version",
                "Sec-WebSocket-Protocol", "Sec-WebSocket-Extensions", "Sec-WebSocket-Accept", "Origin")) {
            assertThrows(IllegalArgumentException.class, () -> builder.header(name, "x"), name);
        }
        assertThrows(IllegalArgumentException.class, () -> builder.header("Cookie", "a\r\nHost: evil"));
        assertThrows(IllegalArgumentException.class, () -> builder.header("Bad Name", "x"));
        assertThrows(IllegalArgumentException.class, () -> builder.origin("http://a\r\nX: y"));
    }

    @Test
    void rejectsInvalidSubprotocolsAndKeys() {
        ClientHandshake.Builder builder = ClientHandshake.builder(URI.create("ws://example.com/"));
        assertThrows(IllegalArgumentException.class, () -> builder.subprotocols(List.of("a b")));
        assertThrows(IllegalArgumentException.class, () -> builder.subprotocols(List.of("chat", "chat")));
        assertThrows(IllegalArgumentException.class, () -> builder.subprotocols(List.of("")));
        assertThrows(IllegalArgumentException.class, () -> builder.key("short"));
    }

    @Test
    void usesAFreshRandomKeyByDefault() throws HandshakeException {
        ClientHandshake.Builder builder = ClientHandshake.builder(URI.create("ws://example.com/"));
        ClientHandshake a = builder.build();
        ClientHandshake b = builder.build();
        assertNotEquals(a.key(), b.key());
        assertTrue(SecWebSocketAccept.isValidKey(a.key()));
        assertEquals(a.key(), Heads.request(Heads.text(a.request())).headers().first("Sec-WebSocket-Key"));
    }

    @Test
    void acceptsTheRfcResponse() throws HandshakeException {
        HandshakeResponse response = handshake.validate(response(101, "Switching Protocols",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: " + ACCEPT,
                "Sec-WebSocket-Protocol: chat"));
        assertEquals("chat", response.subprotocol());
        assertEquals(List.of(), response.extensions());
        assertEquals(101, response.head().status());
    }

    @Test
    void acceptsCaseInsensitiveTokensInLists() throws HandshakeException {
        HandshakeResponse response = handshake.validate(response(101, "", "Upgrade: WebSocket",
                "Connection: keep-alive, upgrade", "Sec-WebSocket-Accept: " + ACCEPT,
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10"));
        assertNull(response.subprotocol());
        assertEquals(List.of(ExtensionOffer.of("permessage-deflate",
                new ExtensionParameter("client_max_window_bits", "10"))), response.extensions());
    }

    @Test
    void completesAHandshakeWithTheServerSide() throws HandshakeException {
        UpgradeRequest request = ServerHandshake.validate(Heads.request(Heads.text(handshake.request())));
        assertEquals("http://example.com", request.origin());
        assertEquals("Bearer t", request.headers().first("Authorization"));
        ByteBuffer bytes = ServerHandshake.accept(request, "superchat", request.extensionOffers(), null);
        HandshakeResponse response = handshake.validate(Heads.response(bytes));
        assertEquals("superchat", response.subprotocol());
        assertEquals(List.of(DEFLATE), response.extensions());
    }

    @Test
    void failsOnAnUnexpectedStatusKeepingIt() {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> handshake.validate(response(403, "Forbidden")));
        assertEquals(403, e.status());
        assertEquals("unexpected HTTP status 403 Forbidden", e.getMessage());
        assertEquals(200, assertThrows(HandshakeException.class,
                () -> handshake.validate(response(200, "OK", valid()))).status());
        assertEquals(0, assertThrows(HandshakeException.class,
                () -> handshake.validate(response(999, "Odd"))).status());
    }

    @Test
    void failsOnAWrongOrMissingAccept() {
        assertFails("Sec-WebSocket-Accept \"AAAA\" does not match \"" + ACCEPT + "\"",
                "Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: AAAA");
        assertFails("missing Sec-WebSocket-Accept", "Upgrade: websocket", "Connection: Upgrade");
        assertFails("Sec-WebSocket-Accept", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: " + ACCEPT, "Sec-WebSocket-Accept: " + ACCEPT);
        assertFails("Sec-WebSocket-Accept", "Upgrade: websocket", "Connection: Upgrade",
                "Sec-WebSocket-Accept: " + ACCEPT.toLowerCase());
    }

    @Test
    void failsOnAMissingOrWrongUpgrade() {
        assertFails("missing Upgrade", "Connection: Upgrade", "Sec-WebSocket-Accept: " + ACCEPT);
        assertFails("Upgrade header \"h2c\"", "Upgrade: h2c", "Connection: Upgrade", "Sec-WebSocket-Accept: " + ACCEPT);
    }

    @Test
    void failsOnAMissingOrWrongConnection() {
        assertFails("missing Connection", "Upgrade: websocket", "Sec-WebSocket-Accept: " + ACCEPT);
        assertFails("Connection header \"close\"", "Upgrade: websocket", "Connection: close",
                "Sec-WebSocket-Accept: " + ACCEPT);
    }

    @Test
    void failsOnAnUnrequestedSubprotocol() {
        assertFails("subprotocol \"other\" in Sec-WebSocket-Protocol was not requested",
                with("Sec-WebSocket-Protocol: other"));
        ClientHandshake none = ClientHandshake.builder(URI.create("ws://server.example.com/chat")).key(KEY).build();
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> none.validate(response(101, "", with("Sec-WebSocket-Protocol: chat"))));
        assertTrue(e.getMessage().contains("was not requested"), e.getMessage());
    }

    @Test
    void failsOnTwoSubprotocols() {
        assertFails("more than one subprotocol", with("Sec-WebSocket-Protocol: chat, superchat"));
        assertFails("more than one subprotocol", with("Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: chat"));
    }

    @Test
    void failsOnAnUnofferedExtension() {
        assertFails("extension \"x-foo\" in Sec-WebSocket-Extensions was not offered",
                with("Sec-WebSocket-Extensions: x-foo"));
    }

    @Test
    void failsOnADuplicatedExtension() {
        assertFails("extension \"permessage-deflate\" appears more than once",
                with("Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate"));
        assertFails("appears more than once", with("Sec-WebSocket-Extensions: permessage-deflate",
                "Sec-WebSocket-Extensions: Permessage-Deflate; client_max_window_bits=9"));
    }

    @Test
    void failsOnAMalformedExtensionHeader() {
        assertFails("malformed Sec-WebSocket-Extensions", with("Sec-WebSocket-Extensions: permessage-deflate;"));
    }

    private void assertFails(String message, String... lines) {
        HandshakeException e = assertThrows(HandshakeException.class,
                () -> handshake.validate(response(101, "Switching Protocols", lines)));
        assertEquals(101, e.status());
        assertTrue(e.getMessage().contains(message), "\"" + e.getMessage() + "\" should contain \"" + message + "\"");
    }

    private static String[] valid() {
        return new String[] {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: " + ACCEPT};
    }

    private static String[] with(String... lines) {
        String[] all = valid();
        String[] result = java.util.Arrays.copyOf(all, all.length + lines.length);
        System.arraycopy(lines, 0, result, all.length, lines.length);
        return result;
    }

    private static HttpResponseHead response(int status, String reason, String... lines) throws HandshakeException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        for (String line : lines) {
            sb.append(line).append("\r\n");
        }
        return Heads.response(sb.append("\r\n").toString());
    }

    @Test
    void exposesTheUri() {
        assertEquals(URI.create("ws://server.example.com/chat"), handshake.uri());
        assertFalse(handshake.secure());
    }
}
