package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.EngineListener;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.extension.ExtensionNegotiationException;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.core.handshake.ClientHandshake;
import io.github.rfc6455.core.handshake.HandshakeException;
import io.github.rfc6455.core.handshake.HandshakeResponse;
import io.github.rfc6455.core.handshake.HttpHeadParser;
import io.github.rfc6455.core.handshake.SecWebSocketAccept;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes the client side of the opening handshake: the server's response to one fixed request (the key of RFC 6455
 * section 1.3, subprotocols {@code chat, superchat}, the default permessage-deflate offer), checked by
 * {@link ClientHandshake#validate} with the deflate negotiation, and by a client {@link WebSocketEngine} fed the same
 * bytes in fuzzer-chosen cuts. Invariants: both agree (open exactly when the reference accepts, with the same
 * subprotocol and extensions; otherwise one handshake failure and TCP closed); an accepted response has status 101,
 * the right {@code Sec-WebSocket-Accept}, a requested subprotocol or none; no exception other than
 * {@link HandshakeException} (and {@link ExtensionNegotiationException} from the negotiation) escapes.
 *
 * <p>Input layout: the response bytes, then 8 bytes seeding the cuts. Seeds: {@code ClientHandshakeFuzzTestInputs/fuzz/}.
 */
class ClientHandshakeFuzzTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    private static final WebSocketConfig CONFIG = WebSocketConfig.builder()
            .extensions(List.of(PerMessageDeflate.defaults())).build();
    private static final ClientHandshake HANDSHAKE = ClientHandshake.builder(URI.create("ws://server.example.com/chat"))
            .key(KEY)
            .subprotocols(List.of("chat", "superchat"))
            .extensionOffers(WebSocketEngine.extensionOffers(CONFIG))
            .build();

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        byte[] input = data.consumeRemainingAsBytes();

        // The reference: parser on the whole input, validator, then the extension negotiation.
        HttpHeadParser parser = HttpHeadParser.forResponse(CONFIG.headLimits());
        HandshakeResponse accepted = null;
        boolean complete = false;
        try {
            complete = parser.parse(ByteBuffer.wrap(input));
            if (complete) {
                accepted = HANDSHAKE.validate(parser.response());
                negotiate(accepted.extensions());
            }
        } catch (HandshakeException e) {
            assertTrue(e.status() == 0 || (e.status() >= 100 && e.status() <= 599), "status out of range");
            complete = true; // decided: a malformed head fails the handshake as surely as a refused one
            accepted = null;
        } catch (ExtensionNegotiationException e) {
            accepted = null;
        }
        if (accepted != null) {
            assertEquals(101, accepted.head().status());
            assertEquals(SecWebSocketAccept.forKey(KEY), accepted.head().headers().first("Sec-WebSocket-Accept"));
            String subprotocol = accepted.subprotocol();
            assertTrue(subprotocol == null || subprotocol.equals("chat") || subprotocol.equals("superchat"));
        }

        Wire wire = new Wire();
        List<String> events = new ArrayList<>();
        WebSocketEngine engine = WebSocketEngine.client(HANDSHAKE, CONFIG, new EngineListener() {
            @Override
            public void onOpen() {
                events.add("open");
            }

            @Override
            public void onHandshakeFailure(HandshakeException failure) {
                events.add("failure");
            }
        }, wire);
        engine.start();
        Chunks.feed(input, cuts, engine::receive);

        if (!complete) {
            assertEquals(List.of(), events, "the engine decided on an incomplete, well-formed response");
            assertEquals(ConnectionState.CONNECTING, engine.state());
            return;
        }
        if (accepted == null) {
            assertEquals(List.of("failure"), events, "the engine accepted what the validator refused");
            assertEquals(ConnectionState.CLOSED, engine.state());
            assertEquals(1, wire.closeRequests());
            return;
        }
        assertEquals("open", events.get(0), "the engine refused what the validator accepted");
        assertEquals(accepted.subprotocol(), engine.subprotocol());
        assertEquals(accepted.extensions(), engine.extensions());
    }

    private static boolean allDeflate(List<ExtensionOffer> extensions) {
        return extensions.stream().allMatch(e -> e.name().equalsIgnoreCase(PerMessageDeflate.NAME));
    }

    /** As the engine does: at most one extension, which must be permessage-deflate and a valid answer. */
    private static void negotiate(List<ExtensionOffer> extensions)
            throws HandshakeException, ExtensionNegotiationException {
        if (extensions.size() > 1 || (extensions.size() == 1 && !allDeflate(extensions))) {
            throw new HandshakeException(101, "unusable extensions");
        }
        for (ExtensionOffer element : extensions) {
            MessageExtension extension = PerMessageDeflate.defaults().acceptResponse(element);
            extension.close();
        }
    }
}
