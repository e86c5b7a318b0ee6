package io.github.rfc6455.core.extension;

import static io.github.rfc6455.core.extension.Deflates.element;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The parameter rules of RFC 7692 section 7.1, for offers and for responses. */
class DeflateParametersTest {
    private static final int ABSENT = DeflateParameters.ABSENT;
    private static final int NO_VALUE = DeflateParameters.NO_VALUE;

    private static DeflateParameters offer(String header) throws ExtensionNegotiationException {
        return DeflateParameters.parse(element(header), false);
    }

    private static DeflateParameters response(String header) throws ExtensionNegotiationException {
        return DeflateParameters.parse(element(header), true);
    }

    @Test
    void readsAllFourParameters() throws ExtensionNegotiationException {
        assertEquals(new DeflateParameters(true, true, 10, NO_VALUE), offer("permessage-deflate; "
                + "server_no_context_takeover; client_no_context_takeover; server_max_window_bits=10; "
                + "client_max_window_bits"));
        assertEquals(new DeflateParameters(false, false, ABSENT, 9),
                response("permessage-deflate; client_max_window_bits=9"));
        assertEquals(DeflateParameters.NONE, offer("permessage-deflate"));
    }

    @Test
    void acceptsQuotedValuesAndAnyCase() throws ExtensionNegotiationException {
        assertEquals(new DeflateParameters(true, false, 12, ABSENT),
                offer("permessage-deflate; Server_No_Context_Takeover; server_max_window_bits=\"12\""));
    }

    @Test
    void writesParametersInRfcOrder() throws ExtensionNegotiationException {
        DeflateParameters all = new DeflateParameters(true, true, 8, NO_VALUE);
        assertEquals("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=8; client_max_window_bits", all.toOffer().toString());
        assertEquals(all, offer(all.toOffer().toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; x_custom",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; CLIENT_NO_CONTEXT_TAKEOVER",
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; client_no_context_takeover=true",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits=0",
        "permessage-deflate; server_max_window_bits=010",
        "permessage-deflate; server_max_window_bits=+9",
        "permessage-deflate; server_max_window_bits=ten",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=09",
    })
    void rejectsInvalidOffers(String header) {
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class, () -> offer(header));
        assertTrue(e.getMessage().contains("RFC 7692"), e.getMessage());
    }

    @Test
    void requiresAValueOnClientMaxWindowBitsInAResponse() throws ExtensionNegotiationException {
        assertEquals(NO_VALUE, offer("permessage-deflate; client_max_window_bits").clientMaxWindowBits());
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class,
                () -> response("permessage-deflate; client_max_window_bits"));
        assertTrue(e.getMessage().contains("client_max_window_bits needs a value"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // offer | response | expected problem (empty: valid)
        "permessage-deflate | permessage-deflate; client_max_window_bits=10 | did not include it",
        "permessage-deflate; client_max_window_bits=10 | permessage-deflate; client_max_window_bits=11 | larger",
        "permessage-deflate; client_max_window_bits=10 | permessage-deflate; client_max_window_bits=10 |",
        "permessage-deflate; client_max_window_bits | permessage-deflate; client_max_window_bits=15 |",
        "permessage-deflate; server_max_window_bits=10 | permessage-deflate | no server_max_window_bits",
        "permessage-deflate; server_max_window_bits=10 | permessage-deflate; server_max_window_bits=12 | larger",
        "permessage-deflate; server_max_window_bits=10 | permessage-deflate; server_max_window_bits=8 |",
        "permessage-deflate | permessage-deflate; server_max_window_bits=9 |",
        "permessage-deflate; server_no_context_takeover | permessage-deflate | no server_no_context_takeover",
        "permessage-deflate | permessage-deflate; server_no_context_takeover |",
        "permessage-deflate | permessage-deflate; client_no_context_takeover |",
    })
    void checksAResponseAgainstTheOffer(String offer, String response, String problem)
            throws ExtensionNegotiationException {
        String found = offer(offer).problemWithResponse(response(response));
        if (problem == null) {
            assertNull(found);
        } else {
            assertTrue(found != null && found.contains(problem), "expected '" + problem + "', got: " + found);
        }
    }
}
