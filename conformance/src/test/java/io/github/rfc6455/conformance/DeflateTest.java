package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The kit's permessage-deflate: codec, window enforcement, negotiation (RFC 7692). */
class DeflateTest {

    @ParameterizedTest
    @CsvSource({"15,15,false", "9,9,false", "15,9,true", "9,15,true", "8,8,false"})
    void roundTripsMessagesBothWays(int serverBits, int clientBits, boolean noContext) throws Exception {
        DeflateParams p = new DeflateParams(noContext, noContext, serverBits, clientBits);
        DeflateCodec client = new DeflateCodec(p, false);
        DeflateCodec server = new DeflateCodec(p, true);
        Random r = new Random(7);
        for (int size : new int[] {0, 1, 100, 5000, 70000}) {
            byte[] m = new byte[size];
            for (int i = 0; i < size; i++) {
                m[i] = (byte) ('a' + r.nextInt(4));
            }
            byte[] c = client.compress(m);
            assertFalse(c.length >= 4 && c[c.length - 1] == (byte) 0xFF && c[c.length - 2] == (byte) 0xFF
                    && c[c.length - 3] == 0 && c[c.length - 4] == 0, "the sync-flush tail is removed");
            assertArrayEquals(m, server.decompress(c));
            assertArrayEquals(m, client.decompress(server.compress(m)));
        }
    }

    @Test
    void aPeerThatIgnoresTheWindowLimitIsNotDecodedCorrectly() throws Exception {
        byte[] block = new byte[2000];
        new Random(3).nextBytes(block);
        byte[] message = new byte[20000];
        for (int i = 0; i < message.length; i++) {
            message[i] = block[i % block.length];
        }
        byte[] wide = new DeflateCodec(new DeflateParams(false, false, 15, 15), true).compress(message);
        DeflateCodec strict = new DeflateCodec(new DeflateParams(false, false, 9, 9), false);
        byte[] decoded;
        try {
            decoded = strict.decompress(wide);
        } catch (java.util.zip.DataFormatException e) {
            decoded = null;
        }
        assertFalse(decoded != null && Arrays.equals(decoded, message),
                "back-references beyond 512 octets must not decode to the original");
    }

    /** Response parameters as the header parser gives them ({@code null} value: parameter without value). */
    private static Map<String, List<String>> params(String... nameValue) {
        Map<String, List<String>> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            map.put(nameValue[i], java.util.Collections.singletonList(nameValue[i + 1]));
        }
        return map;
    }

    @Test
    void responsesMustAcceptAnOfferAsOffered() {
        List<DeflateOffer> nine = List.of(DeflateOffer.requesting(true, 9));
        assertEquals(new DeflateParams(true, false, 9, 15), DeflateParams.fromResponse(
                params("server_no_context_takeover", null, "server_max_window_bits", "9"), nine));
        assertEquals(new DeflateParams(true, false, 8, 15), DeflateParams.fromResponse(
                params("server_no_context_takeover", null, "server_max_window_bits", "8"), nine), "smaller is fine");
        assertThrows(IllegalArgumentException.class, () -> DeflateParams.fromResponse(params(), nine),
                "window 15 where 9 was asked for");
        assertThrows(IllegalArgumentException.class, () -> DeflateParams.fromResponse(
                params("server_max_window_bits", "9"), nine), "no-context-takeover not echoed");
        assertEquals(new DeflateParams(false, false, 15, 15), DeflateParams.fromResponse(params(),
                List.of(DeflateOffer.requesting(false, 15))), "omitting 15 is the same as 15");
        assertEquals(new DeflateParams(false, true, 15, 10), DeflateParams.fromResponse(
                params("client_no_context_takeover", null, "client_max_window_bits", "10"),
                List.of(DeflateOffer.defaults())));
        assertThrows(IllegalArgumentException.class, () -> DeflateParams.fromResponse(
                params("client_max_window_bits", null), List.of(DeflateOffer.defaults())));
        assertThrows(IllegalArgumentException.class, () -> DeflateParams.fromResponse(
                params("mystery", "1"), List.of(DeflateOffer.defaults())));
    }

    @Test
    void serverPoliciesAreTheOfficialAcceptFunctions() {
        DeflateOffer noWindow = new DeflateOffer(true, false, false, 0);
        assertTrue(DeflateAccept.of(false, 9).choose(List.of(noWindow)).isEmpty(),
                "accept3 needs client_max_window_bits in the offer");
        DeflateAccept accept7 = CompressionCases.parameterSets().get(6).accept();
        DeflateAccept.Accepted a = accept7.choose(List.of(noWindow)).orElseThrow();
        assertEquals("permessage-deflate; client_no_context_takeover", a.headerValue(), "falls back to accept2");
        DeflateAccept.Accepted b = DeflateAccept.of(true, 9).choose(List.of(DeflateOffer.requesting(true, 9)))
                .orElseThrow();
        assertEquals("permessage-deflate; server_no_context_takeover; server_max_window_bits=9; "
                + "client_no_context_takeover; client_max_window_bits=9", b.headerValue());
        assertEquals(new DeflateParams(true, true, 9, 9), b.params());
    }

    @Test
    void offersAreParsedStrictly() {
        assertEquals(DeflateOffer.requesting(true, 9), DeflateOffer.parse(ExtensionHeader.parse(
                "permessage-deflate; client_no_context_takeover; client_max_window_bits; "
                        + "server_no_context_takeover; server_max_window_bits=\"9\"").get(0).params()));
        assertThrows(IllegalArgumentException.class, () -> DeflateOffer.parse(ExtensionHeader.parse(
                "permessage-deflate; server_max_window_bits=16").get(0).params()));
        assertThrows(IllegalArgumentException.class, () -> DeflateOffer.parse(ExtensionHeader.parse(
                "permessage-deflate; server_max_window_bits").get(0).params()));
        assertThrows(IllegalArgumentException.class, () -> DeflateOffer.parse(ExtensionHeader.parse(
                "permessage-deflate; server_no_context_takeover; server_no_context_takeover").get(0).params()));
    }
}
