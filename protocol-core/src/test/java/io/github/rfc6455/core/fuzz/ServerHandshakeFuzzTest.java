package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.core.handshake.ClientHandshake;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HandshakeResponse;
import io.github.rfc6455.core.handshake.HeadLimits;
import io.github.rfc6455.core.handshake.HttpHeadParser;
import io.github.rfc6455.core.handshake.HttpRequestHead;
import io.github.rfc6455.core.handshake.HttpResponseHead;
import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import io.github.rfc6455.core.handshake.ServerHandshake;
import io.github.rfc6455.core.handshake.UpgradeRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Fuzzes the server side of the opening handshake: {@link ServerHandshake#validate} on parsed request heads, and a
 * server {@link WebSocketEngine} fed the same bytes in fuzzer-chosen cuts. Invariants: validation fails only with 400
 * or 426; the engine's answer agrees with the validator (101 exactly when the request is valid, otherwise an error
 * response carrying the validator's status, {@code Connection: close}, {@code Sec-WebSocket-Version: 13} with 426, and
 * TCP closed); a 101 response (with the first requested subprotocol and, when offered, permessage-deflate negotiated)
 * is accepted by {@link ClientHandshake#validate} of a client that sent the same key, subprotocols and offers; no other
 * exception escapes.
 *
 * <p>Input layout: the request bytes, then a byte whose lowest bit enables permessage-deflate on the server, then 8
 * bytes seeding the cuts. Seeds: {@code ServerHandshakeFuzzTestInputs/fuzz/}.
 */
class ServerHandshakeFuzzTest {
    private static final HeadLimits LARGE = new HeadLimits(1 << 20, 10_000);

    @FuzzTest
    void fuzz(FuzzedDataProvider data) throws HandshakeException {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        boolean deflate = data.consumeBoolean();
        byte[] input = data.consumeRemainingAsBytes();
        WebSocketConfig config = WebSocketConfig.builder()
                .extensions(deflate ? List.of(PerMessageDeflate.defaults()) : List.of()).build();

        // The reference: the parser on the whole input, then the validator.
        HttpHeadParser parser = HttpHeadParser.forRequest(config.headLimits());
        int expectedStatus;
        UpgradeRequest valid = null;
        try {
            if (!parser.parse(ByteBuffer.wrap(input))) {
                expectedStatus = -1; // incomplete: no answer yet
            } else {
                HttpRequestHead head = parser.request();
                try {
                    valid = ServerHandshake.validate(head);
                    expectedStatus = ServerHandshake.isUpgradeRequest(head) ? 101 : 400;
                } catch (HandshakeException e) {
                    assertTrue(e.status() == 400 || e.status() == 426, () -> "validate gave " + e.status());
                    expectedStatus = e.status();
                }
            }
        } catch (HandshakeException e) {
            expectedStatus = e.status();
        }

        Wire wire = new Wire();
        String[] chosen = {null};
        EngineListener listener = new EngineListener() {
            @Override
            public void onUpgradeRequest(WebSocketEngine engine, UpgradeRequest request) {
                chosen[0] = request.subprotocols().isEmpty() ? null : request.subprotocols().get(0);
                engine.accept(chosen[0], null);
            }
        };
        WebSocketEngine engine = WebSocketEngine.server(config, listener, wire);
        Chunks.feed(input, cuts, engine::receive);
        byte[] out = wire.bytes();

        if (expectedStatus == -1) {
            assertEquals(0, out.length, "answered an incomplete request");
            assertEquals(ConnectionState.CONNECTING, engine.state());
            return;
        }
        HttpHeadParser responseParser = HttpHeadParser.forResponse(LARGE);
        assertTrue(responseParser.parse(ByteBuffer.wrap(out)), "the engine's response is not a complete head");
        HttpResponseHead response = responseParser.response();
        assertEquals(expectedStatus, response.status(), "the engine and the validator disagree");
        if (expectedStatus != 101) {
            assertEquals(ConnectionState.CLOSED, engine.state());
            assertEquals(1, wire.closeRequests(), "TCP must be closed once after an error response");
            assertTrue(response.headers().containsToken("Connection", "close"));
            if (expectedStatus == 426) {
                assertEquals("13", response.headers().first("Sec-WebSocket-Version"));
            }
            return;
        }
        assertNotNull(valid);
        assertTrue(engine.state() != ConnectionState.CONNECTING, "accepted but not open");
        assertEquals(SecWebSocketAccept.forKey(valid.key()), response.headers().first("Sec-WebSocket-Accept"));
        ClientHandshake client = ClientHandshake.builder(URI.create("ws://example.com/"))
                .key(valid.key())
                .subprotocols(valid.subprotocols())
                .extensionOffers(valid.extensionOffers())
                .build();
        HandshakeResponse negotiated = client.validate(response);
        assertEquals(chosen[0], negotiated.subprotocol());
        assertEquals(engine.extensions(), negotiated.extensions());
    }
}
