package io.github.rfc6455.core.extension;

import static io.github.rfc6455.core.extension.Deflates.element;
import static io.github.rfc6455.core.extension.Deflates.elements;
import static io.github.rfc6455.core.extension.Deflates.serverAccepts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Offers, acceptances and responses of permessage-deflate (RFC 7692 section 7), including the examples of 7.1.3. */
class PerMessageDeflateNegotiationTest {

    private static DeflateExtension serverExtension(PerMessageDeflate server, String offers) {
        return (DeflateExtension) serverAccepts(server, offers).extension();
    }

    private static String response(PerMessageDeflate server, String offers) {
        return serverAccepts(server, offers).response().toString();
    }

    private static DeflateExtension clientExtension(PerMessageDeflate client, String response)
            throws ExtensionNegotiationException {
        return (DeflateExtension) client.acceptResponse(element(response));
    }

    // ------------------------------------------------------------------------------------------------ client offers

    @Test
    void defaultOfferIsWhatBrowsersSend() {
        assertEquals(List.of(element("permessage-deflate; client_max_window_bits")),
                PerMessageDeflate.defaults().offers());
        assertEquals("permessage-deflate", PerMessageDeflate.defaults().name());
    }

    @Test
    void offersEveryParameterWithAFallbackWhenAskingTheServer() {
        PerMessageDeflate client = PerMessageDeflate.builder().serverNoContextTakeover(true)
                .clientNoContextTakeover(true).serverMaxWindowBits(10).clientMaxWindowBits(12).build();
        assertEquals(elements("permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                + "server_max_window_bits=10; client_max_window_bits=12, "
                + "permessage-deflate; client_no_context_takeover; client_max_window_bits=12"), client.offers());
    }

    @Test
    void offersNoFallbackWhenAskingNothingOfTheServer() {
        PerMessageDeflate client = PerMessageDeflate.builder().clientNoContextTakeover(true).build();
        assertEquals(elements("permessage-deflate; client_no_context_takeover; client_max_window_bits"),
                client.offers());
    }

    // ------------------------------------------------------------------------------------------------ server

    @Test
    void acceptsABrowserOfferWithPlainDeflate() {
        DeflateExtension extension = serverExtension(PerMessageDeflate.defaults(),
                "permessage-deflate; client_max_window_bits");
        assertEquals("permessage-deflate", response(PerMessageDeflate.defaults(),
                "permessage-deflate; client_max_window_bits"));
        assertTrue(extension.deflater().keepsContext());
        assertEquals(0, extension.deflater().blockSize());
        assertTrue(extension.inflater().keepsContext());
        assertEquals(DeflateExtension.RSV1, extension.rsvBits());
    }

    /** RFC 7692 section 7.1.3: the first of two offers is accepted when the server supports its window limit. */
    @Test
    void acceptsTheFirstOfTwoOffersOfSection713() {
        String offers = "permessage-deflate; client_max_window_bits; server_max_window_bits=10, "
                + "permessage-deflate; client_max_window_bits";
        assertEquals("permessage-deflate; server_max_window_bits=10", response(PerMessageDeflate.defaults(), offers));
        DeflateExtension extension = serverExtension(PerMessageDeflate.defaults(), offers);
        assertEquals(1024, extension.deflater().blockSize());
        assertFalse(extension.deflater().keepsContext(), "a limited window resets per message");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // server configuration | client offer | response
        "default | permessage-deflate | permessage-deflate",
        "default | permessage-deflate; server_no_context_takeover | permessage-deflate; server_no_context_takeover",
        "default | permessage-deflate; client_no_context_takeover | permessage-deflate; client_no_context_takeover",
        "default | permessage-deflate; server_max_window_bits=8 | permessage-deflate; server_max_window_bits=8",
        "default | permessage-deflate; server_max_window_bits=15 | permessage-deflate; server_max_window_bits=15",
        "default | permessage-deflate; client_max_window_bits=9 | permessage-deflate",
        "serverNoContext | permessage-deflate | permessage-deflate; server_no_context_takeover",
        "clientNoContext | permessage-deflate | permessage-deflate; client_no_context_takeover",
        "clientWindow10 | permessage-deflate; client_max_window_bits | permessage-deflate; client_max_window_bits=10",
        "clientWindow10 | permessage-deflate; client_max_window_bits=9 | permessage-deflate; client_max_window_bits=9",
        "clientWindow10 | permessage-deflate | permessage-deflate",
        "serverWindow12 | permessage-deflate | permessage-deflate; server_max_window_bits=12",
        "serverWindow12 | permessage-deflate; server_max_window_bits=10 | permessage-deflate;"
                + " server_max_window_bits=10",
        "serverWindow12 | permessage-deflate; server_max_window_bits=14 | permessage-deflate;"
                + " server_max_window_bits=12",
        // Autobahn 13.5 and 13.6 (fuzzingclient): everything at once.
        "default | permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover;"
                + " server_max_window_bits=8 | permessage-deflate; server_no_context_takeover;"
                + " client_no_context_takeover; server_max_window_bits=8",
    })
    void answersOffers(String configuration, String offer, String expected) {
        PerMessageDeflate server = switch (configuration) {
            case "serverNoContext" -> PerMessageDeflate.builder().serverNoContextTakeover(true).build();
            case "clientNoContext" -> PerMessageDeflate.builder().clientNoContextTakeover(true).build();
            case "clientWindow10" -> PerMessageDeflate.builder().clientMaxWindowBits(10).build();
            case "serverWindow12" -> PerMessageDeflate.builder().serverMaxWindowBits(12).build();
            default -> PerMessageDeflate.defaults();
        };
        assertEquals(expected, response(server, offer));
    }

    @Test
    void configuresTheServerSideAsAnswered() {
        DeflateExtension extension = serverExtension(PerMessageDeflate.defaults(), "permessage-deflate; "
                + "client_no_context_takeover; server_no_context_takeover; server_max_window_bits=9");
        assertEquals(512, extension.deflater().blockSize());
        assertFalse(extension.deflater().keepsContext());
        assertFalse(extension.inflater().keepsContext());
    }

    @Test
    void declinesInvalidOffersAndAcceptsTheFirstValidOne() {
        String offers = "permessage-deflate; x_unknown, "
                + "permessage-deflate; server_max_window_bits, "
                + "permessage-deflate; server_max_window_bits=16, "
                + "permessage-deflate; client_max_window_bits=7, "
                + "permessage-deflate; server_no_context_takeover=1, "
                + "permessage-deflate; client_no_context_takeover; client_no_context_takeover, "
                + "permessage-deflate; server_max_window_bits=010, "
                + "permessage-deflate; server_max_window_bits=11, "
                + "permessage-deflate";
        assertEquals("permessage-deflate; server_max_window_bits=11", response(PerMessageDeflate.defaults(), offers));
    }

    @Test
    void declinesWhenNoOfferIsValid() {
        assertNull(PerMessageDeflate.defaults().accept(elements(
                "permessage-deflate; x_unknown, permessage-deflate; server_max_window_bits=99")));
        assertNull(PerMessageDeflate.defaults().accept(List.of()));
    }

    // ------------------------------------------------------------------------------------------------ client

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // response | send block size | send keeps context | receive keeps context
        "permessage-deflate | 0 | true | true",
        "permessage-deflate; server_no_context_takeover | 0 | true | false",
        "permessage-deflate; client_no_context_takeover | 0 | false | true",
        "permessage-deflate; server_max_window_bits=10 | 0 | true | true",
        "permessage-deflate; client_max_window_bits=8 | 256 | false | true",
        "permessage-deflate; client_max_window_bits=15 | 0 | true | true",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=8;"
                + " client_max_window_bits=12 | 4096 | false | false",
        "permessage-deflate;client_max_window_bits=\"9\" | 512 | false | true",
    })
    void acceptsValidResponses(String response, int blockSize, boolean sendContext, boolean receiveContext)
            throws ExtensionNegotiationException {
        DeflateExtension extension = clientExtension(PerMessageDeflate.defaults(), response);
        assertEquals(blockSize, extension.deflater().blockSize());
        assertEquals(sendContext, extension.deflater().keepsContext());
        assertEquals(receiveContext, extension.inflater().keepsContext());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "permessage-deflate; x_unknown",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
        "permessage-deflate; client_max_window_bits=10; client_max_window_bits=10",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; server_max_window_bits=7",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=7",
        "permessage-deflate; client_max_window_bits=16",
        "permessage-deflate; client_max_window_bits=008",
        "permessage-deflate; server_no_context_takeover=1",
        "permessage-deflate; client_no_context_takeover=yes",
        "x-webkit-deflate-frame",
    })
    void rejectsInvalidResponses(String response) {
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class,
                () -> PerMessageDeflate.defaults().acceptResponse(element(response)));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void holdsTheServerToTheOfferedClientWindow() throws ExtensionNegotiationException {
        PerMessageDeflate client = PerMessageDeflate.builder().clientMaxWindowBits(10).build();
        assertEquals(List.of(element("permessage-deflate; client_max_window_bits=10")), client.offers());
        ExtensionNegotiationException e = assertThrows(ExtensionNegotiationException.class,
                () -> clientExtension(client, "permessage-deflate; client_max_window_bits=11"));
        assertTrue(e.getMessage().contains("larger than the offered 10"), e.getMessage());
        assertEquals(512, clientExtension(client, "permessage-deflate; client_max_window_bits=9")
                .deflater().blockSize());
        assertEquals(1024, clientExtension(client, "permessage-deflate").deflater().blockSize(),
                "the client keeps the limit it promised");
    }

    @Test
    void keepsItsPromiseOfNoContextTakeover() throws ExtensionNegotiationException {
        PerMessageDeflate client = PerMessageDeflate.builder().clientNoContextTakeover(true).build();
        assertFalse(clientExtension(client, "permessage-deflate").deflater().keepsContext());
    }

    @Test
    void acceptsTheFallbackWhenTheServerDeclinesItsRequests() throws ExtensionNegotiationException {
        PerMessageDeflate client = PerMessageDeflate.builder().serverNoContextTakeover(true).serverMaxWindowBits(9)
                .build();
        DeflateExtension fallback = clientExtension(client, "permessage-deflate");
        assertTrue(fallback.inflater().keepsContext());
        DeflateExtension granted = clientExtension(client,
                "permessage-deflate; server_no_context_takeover; server_max_window_bits=9");
        assertFalse(granted.inflater().keepsContext());
        // Larger than the first offer requested, but the fallback requested nothing: valid (section 7.1.2.1).
        clientExtension(client, "permessage-deflate; server_max_window_bits=12");
    }

    // ------------------------------------------------------------------------------------------------ configuration

    @Test
    void validatesTheConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> PerMessageDeflate.builder().compressionLevel(10));
        assertThrows(IllegalArgumentException.class, () -> PerMessageDeflate.builder().compressionLevel(-1));
        assertThrows(IllegalArgumentException.class, () -> PerMessageDeflate.builder().compressionThreshold(-1));
        assertThrows(IllegalArgumentException.class, () -> PerMessageDeflate.builder().serverMaxWindowBits(7));
        assertThrows(IllegalArgumentException.class, () -> PerMessageDeflate.builder().clientMaxWindowBits(16));
    }

    @Test
    void toBuilderKeepsEveryOption() {
        PerMessageDeflate configured = PerMessageDeflate.builder().compressionLevel(1).compressionThreshold(100)
                .serverNoContextTakeover(true).clientNoContextTakeover(true).serverMaxWindowBits(9)
                .clientMaxWindowBits(11).build();
        PerMessageDeflate copy = configured.toBuilder().build();
        assertEquals(configured.toString(), copy.toString());
        assertEquals(configured.offers(), copy.offers());
    }

    @Test
    void usesTheThresholdForShouldEncode() {
        MessageExtension extension = serverAccepts(PerMessageDeflate.builder().compressionThreshold(100).build(),
                "permessage-deflate").extension();
        assertFalse(extension.shouldEncode(99, true));
        assertTrue(extension.shouldEncode(100, false));
        MessageExtension defaults = serverAccepts(PerMessageDeflate.defaults(), "permessage-deflate").extension();
        assertFalse(defaults.shouldEncode(PerMessageDeflate.DEFAULT_COMPRESSION_THRESHOLD - 1, true));
        assertTrue(defaults.shouldEncode(PerMessageDeflate.DEFAULT_COMPRESSION_THRESHOLD, true));
    }
}
