package io.github.rfc6455.core.extension;

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

class ExtensionHeaderTest {
    private static ExtensionParameter p(String name, String value) {
        return new ExtensionParameter(name, value);
    }

    private static List<ExtensionOffer> parse(String... values) throws ExtensionSyntaxException {
        return ExtensionHeader.parse(List.of(values));
    }

    @Test
    void parsesAParameterWithoutValue() throws ExtensionSyntaxException {
        List<ExtensionOffer> offers = parse("permessage-deflate; client_max_window_bits");
        assertEquals(List.of(ExtensionOffer.of("permessage-deflate", p("client_max_window_bits", null))), offers);
        assertTrue(offers.get(0).has("client_max_window_bits"));
        assertNull(offers.get(0).parameter("client_max_window_bits"));
    }

    @Test
    void parsesRfc7692OffersWithFallback() throws ExtensionSyntaxException {
        assertEquals(List.of(
                        ExtensionOffer.of("permessage-deflate", p("client_max_window_bits", "10")),
                        ExtensionOffer.of("permessage-deflate")),
                parse("permessage-deflate; client_max_window_bits=10, permessage-deflate"));
    }

    @Test
    void unquotesQuotedValues() throws ExtensionSyntaxException {
        ExtensionOffer offer = parse("permessage-deflate; server_max_window_bits=\"10\"").get(0);
        assertEquals("10", offer.parameter("server_max_window_bits"));
        assertEquals("abc", parse("x; a=\"a\\bc\"").get(0).parameter("a"), "quoted-pair");
    }

    @Test
    void parsesSeveralParametersAndHeaders() throws ExtensionSyntaxException {
        assertEquals(List.of(
                        ExtensionOffer.of("permessage-deflate", p("server_no_context_takeover", null),
                                p("client_no_context_takeover", null), p("server_max_window_bits", "12")),
                        ExtensionOffer.of("x-webkit-deflate-frame"),
                        ExtensionOffer.of("foo", p("bar", "baz"))),
                parse("permessage-deflate; server_no_context_takeover; client_no_context_takeover;"
                        + " server_max_window_bits=12, x-webkit-deflate-frame", "foo;bar=baz"));
    }

    @Test
    void toleratesWhitespaceAndEmptyElements() throws ExtensionSyntaxException {
        assertEquals(List.of(ExtensionOffer.of("a", p("b", "c")), ExtensionOffer.of("d")),
                parse(" \t, a \t; \tb \t= \tc \t,, , d ,"));
        assertEquals(List.of(), ExtensionHeader.parse(List.of()));
    }

    @Test
    void looksUpParametersCaseInsensitively() throws ExtensionSyntaxException {
        ExtensionOffer offer = parse("x; Client_Max_Window_Bits=9; a").get(0);
        assertEquals("9", offer.parameter("client_max_window_bits"));
        assertTrue(offer.has("A"));
        assertFalse(offer.has("b"));
        assertNull(offer.parameter("b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ",", " , ,", "foo;", "foo; ", "foo; =1", "foo; a=", "foo; a=\"\"",
        "foo; a=\"1 0\"", "foo; a=\"10", "foo; a=\"10\\", "foo bar", "foo=bar", "foo; a=b c", ";foo", "foo;;a",
        "f@o", "foo; a=\"x\"y", "foo, ;a", "foo; a=b=c", "foo; a b", "\"foo\"", "foo; \"a\"=1", "foo; a=\"\\\"\"",
        "foo; a=\u00e9", "foo\u00e9"})
    void rejectsMalformedValues(String value) {
        ExtensionSyntaxException e = assertThrows(ExtensionSyntaxException.class, () -> parse(value));
        assertTrue(e.getMessage().contains("at index"), e.getMessage());
    }

    @Test
    void explainsWhereTheErrorIs() {
        ExtensionSyntaxException e = assertThrows(ExtensionSyntaxException.class, () -> parse("foo; =1"));
        assertEquals("expected parameter name at index 5 of \"foo; =1\"", e.getMessage());
        e = assertThrows(ExtensionSyntaxException.class, () -> parse("foo; a=\"1 0\""));
        assertTrue(e.getMessage().startsWith("quoted parameter value is not a token"), e.getMessage());
    }

    @Test
    void rejectsAValueOfHundredThousandSpacesAndCommasWithAShortMessage() throws ExtensionSyntaxException {
        String noise = " ,".repeat(50_000);
        ExtensionSyntaxException e = assertThrows(ExtensionSyntaxException.class, () -> parse(noise));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
        assertEquals(List.of(ExtensionOffer.of("x")), parse(noise + "x" + noise));
        assertThrows(ExtensionSyntaxException.class, () -> parse("x;" + " ".repeat(100_000)));
    }

    @Test
    void formatsOffers() {
        assertEquals("permessage-deflate; client_max_window_bits=10; server_no_context_takeover, permessage-deflate",
                ExtensionHeader.format(List.of(
                        ExtensionOffer.of("permessage-deflate", p("client_max_window_bits", "10"),
                                p("server_no_context_takeover", null)),
                        ExtensionOffer.of("permessage-deflate"))));
        assertEquals("", ExtensionHeader.format(List.of()));
        assertEquals("a; b", ExtensionOffer.of("a", p("b", null)).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate; client_max_window_bits | permessage-deflate; client_max_window_bits",
        "permessage-deflate;client_max_window_bits=10 ,permessage-deflate"
                + " | permessage-deflate; client_max_window_bits=10, permessage-deflate",
        "permessage-deflate; server_max_window_bits=\"10\" | permessage-deflate; server_max_window_bits=10",
        "a;b;c=d, e | a; b; c=d, e"})
    void roundTrips(String input, String canonical) throws ExtensionSyntaxException {
        List<ExtensionOffer> offers = parse(input);
        assertEquals(canonical, ExtensionHeader.format(offers));
        assertEquals(offers, parse(ExtensionHeader.format(offers)));
    }

    @Test
    void validatesNamesAndValues() {
        assertThrows(IllegalArgumentException.class, () -> new ExtensionParameter("a b", null));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionParameter("a", "1 0"));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionParameter("a", ""));
        assertThrows(IllegalArgumentException.class, () -> new ExtensionParameter(null, null));
        assertThrows(IllegalArgumentException.class, () -> ExtensionOffer.of("a;b"));
        assertThrows(NullPointerException.class, () -> new ExtensionOffer("a", null));
    }
}
