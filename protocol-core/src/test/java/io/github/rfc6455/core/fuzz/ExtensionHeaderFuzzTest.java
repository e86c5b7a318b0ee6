package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.extension.ExtensionHeader;
import io.github.rfc6455.core.extension.ExtensionNegotiationException;
import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.ExtensionParameter;
import io.github.rfc6455.core.extension.ExtensionSyntaxException;
import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.core.handshake.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@link ExtensionHeader} (RFC 6455 section 9.1) and the permessage-deflate negotiation of RFC 7692 section 7
 * on what it parses. Invariants: parsing fails only with {@link ExtensionSyntaxException}; parsed names and values
 * are tokens; {@code parse(format(x)) == x} and {@code format} is a fixed point; a server's acceptance (for four
 * server configurations) is a valid RFC 7692 response to the offer it picked (known parameters once each, window
 * bits 8 to 15 and never above what the client offered, {@code client_max_window_bits} only when offered,
 * {@code server_no_context_takeover} kept when requested), which a client accepts when it offered exactly that;
 * the client side fails only with {@link ExtensionNegotiationException}.
 *
 * <p>Input layout: the header text as ISO-8859-1, split into several header values at each {@code \n}. Seeds:
 * {@code ExtensionHeaderFuzzTestInputs/fuzz/}.
 */
class ExtensionHeaderFuzzTest {
    private static final List<PerMessageDeflate> SERVERS = List.of(
            PerMessageDeflate.defaults(),
            PerMessageDeflate.builder().serverNoContextTakeover(true).clientNoContextTakeover(true).build(),
            PerMessageDeflate.builder().serverMaxWindowBits(10).clientMaxWindowBits(9).build(),
            PerMessageDeflate.builder().serverMaxWindowBits(8).clientMaxWindowBits(15).compressionLevel(1).build());

    @FuzzTest
    void fuzz(byte[] input) throws ExtensionSyntaxException {
        String text = new String(input, java.nio.charset.StandardCharsets.ISO_8859_1);
        List<String> values = List.of(text.split("\n", -1));

        List<ExtensionOffer> offers;
        try {
            offers = ExtensionHeader.parse(values);
        } catch (ExtensionSyntaxException e) {
            assertNotNull(e.getMessage());
            return;
        }
        for (ExtensionOffer offer : offers) {
            assertTrue(HttpHeaders.isToken(offer.name()));
            for (ExtensionParameter parameter : offer.parameters()) {
                assertTrue(HttpHeaders.isToken(parameter.name()));
                assertTrue(parameter.value() == null || HttpHeaders.isToken(parameter.value()));
            }
        }
        String formatted = ExtensionHeader.format(offers);
        List<ExtensionOffer> again = ExtensionHeader.parse(offers.isEmpty() ? List.of() : List.of(formatted));
        assertEquals(offers, again, "parse(format(x)) differs from x");
        assertEquals(formatted, ExtensionHeader.format(again));

        List<ExtensionOffer> deflateOffers = new ArrayList<>();
        for (ExtensionOffer offer : offers) {
            if (offer.name().equalsIgnoreCase(PerMessageDeflate.NAME)) {
                deflateOffers.add(offer);
            }
        }
        for (PerMessageDeflate server : SERVERS) {
            ExtensionNegotiator.Accepted accepted = server.accept(deflateOffers);
            if (accepted != null) {
                checkResponse(deflateOffers, accepted.response());
                accepted.extension().close();
            }
        }
        // The client side: every parsed element as a server's response to the default client offer.
        for (ExtensionOffer offer : offers) {
            try {
                MessageExtension extension = PerMessageDeflate.defaults().acceptResponse(offer);
                assertTrue(offer.name().equalsIgnoreCase(PerMessageDeflate.NAME));
                extension.close();
            } catch (ExtensionNegotiationException e) {
                assertNotNull(e.getMessage());
            }
        }
    }

    /** The response must answer one of the offers as RFC 7692 section 7 requires. */
    private static void checkResponse(List<ExtensionOffer> offers, ExtensionOffer response) {
        assertEquals(PerMessageDeflate.NAME, response.name());
        List<String> seen = new ArrayList<>();
        for (ExtensionParameter parameter : response.parameters()) {
            String name = parameter.name();
            assertTrue(!seen.contains(name), () -> "repeated parameter in " + response);
            seen.add(name);
            switch (name) {
                case "server_no_context_takeover", "client_no_context_takeover" ->
                        assertEquals(null, parameter.value());
                case "server_max_window_bits", "client_max_window_bits" -> {
                    int bits = bits(parameter.value());
                    assertTrue(bits >= 8 && bits <= 15, () -> "window bits out of range in " + response);
                }
                default -> throw new AssertionError("unknown parameter in the response " + response);
            }
        }
        // It answers the first offer that is valid: find one it answers.
        boolean answersOne = false;
        for (ExtensionOffer offer : offers) {
            answersOne |= answers(offer, response);
        }
        assertTrue(answersOne, () -> response + " answers none of " + offers);
    }

    private static boolean answers(ExtensionOffer offer, ExtensionOffer response) {
        String offeredServerBits = offer.parameter("server_max_window_bits");
        String answeredServerBits = response.parameter("server_max_window_bits");
        if (offeredServerBits != null && (answeredServerBits == null
                || bits(answeredServerBits) > bits(offeredServerBits))) {
            return false;
        }
        if (response.has("client_max_window_bits")) {
            if (!offer.has("client_max_window_bits")) {
                return false;
            }
            String offeredClientBits = offer.parameter("client_max_window_bits");
            if (offeredClientBits != null && bits(response.parameter("client_max_window_bits"))
                    > bits(offeredClientBits)) {
                return false;
            }
        }
        return !offer.has("server_no_context_takeover") || response.has("server_no_context_takeover");
    }

    /** @return the window bits a parameter value gives, or a value above 15 when it is not a number */
    private static int bits(String value) {
        try {
            return value == null ? 99 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 99;
        }
    }
}
