package io.github.rfc6455.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpHeadersTest {
    private final HttpHeaders headers = HttpHeaders.of(
            "Host", "example.com",
            "Connection", "keep-alive, Upgrade",
            "X-Multi", "one",
            "x-multi", "two");

    @Test
    void looksUpNamesCaseInsensitively() {
        assertEquals("example.com", headers.first("HOST"));
        assertEquals("one", headers.first("X-MULTI"));
        assertEquals(List.of("one", "two"), headers.all("x-Multi"));
        assertEquals(2, headers.count("X-Multi"));
        assertTrue(headers.contains("connection"));
        assertNull(headers.first("Origin"));
        assertEquals(List.of(), headers.all("Origin"));
        assertFalse(headers.contains("Origin"));
    }

    @Test
    void keepsOrderAndNamesAsGiven() {
        assertEquals(4, headers.size());
        assertEquals("Connection", headers.name(1));
        assertEquals("keep-alive, Upgrade", headers.value(1));
        assertEquals("x-multi", headers.name(3));
        assertThrows(IndexOutOfBoundsException.class, () -> headers.name(4));
    }

    @Test
    void splitsCommaListsAcrossOccurrences() {
        HttpHeaders h = HttpHeaders.of("Sec-WebSocket-Protocol", " a ,b,, ,\tc ", "sec-websocket-protocol", "d");
        assertEquals(List.of("a", "b", "c", "d"), h.tokens("Sec-WebSocket-Protocol"));
        assertEquals(List.of(), h.tokens("Absent"));
    }

    @Test
    void findsTokensCaseInsensitively() {
        assertTrue(headers.containsToken("connection", "upgrade"));
        assertTrue(headers.containsToken("Connection", "KEEP-ALIVE"));
        assertFalse(headers.containsToken("Connection", "close"));
        assertFalse(headers.containsToken("Connection", "keep"));
        assertFalse(headers.containsToken("Upgrade", "websocket"));
    }

    @Test
    void trimsValues() {
        assertEquals("v a l", HttpHeaders.of("X", " \tv a l\t ").first("X"));
    }

    @Test
    void builderAddsSetsAndRemoves() {
        HttpHeaders h = HttpHeaders.builder()
                .add("A", "1").add("B", "2").add("a", "3")
                .set("A", "4")
                .addAll(HttpHeaders.of("C", "5"))
                .remove("b")
                .build();
        assertEquals(HttpHeaders.of("A", "4", "C", "5"), h);
        assertEquals(HttpHeaders.EMPTY, HttpHeaders.builder().build());
        assertEquals(0, HttpHeaders.EMPTY.size());
    }

    @Test
    void equalityIgnoresNameCaseButNotValueCase() {
        assertEquals(HttpHeaders.of("Host", "a"), HttpHeaders.of("host", "a"));
        assertEquals(HttpHeaders.of("Host", "a").hashCode(), HttpHeaders.of("HOST", "a").hashCode());
        assertNotEquals(HttpHeaders.of("Host", "a"), HttpHeaders.of("Host", "A"));
        assertNotEquals(HttpHeaders.of("A", "1", "B", "2"), HttpHeaders.of("B", "2", "A", "1"));
        assertEquals("[Host: a, B: 2]", HttpHeaders.of("Host", "a", "B", "2").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bad Name", "Bad:Name", "Bad\r\nName", "Nämé", "(x)"})
    void rejectsNamesThatAreNotTokens(String name) {
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\r\nInjected: yes", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u0001", "\u20ac"})
    void rejectsValuesWithControlCharactersOrBeyondLatin1(String value) {
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("X", value));
    }

    @Test
    void acceptsTabsAndLatin1InValues() {
        assertEquals("caf\u00e9\tau lait", HttpHeaders.of("X", "caf\u00e9\tau lait").first("X"));
    }

    @Test
    void rejectsOddArguments() {
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("X"));
    }

    @Test
    void recognisesTokens() {
        assertTrue(HttpHeaders.isToken("permessage-deflate"));
        assertTrue(HttpHeaders.isToken("!#$%&'*+-.^_`|~09azAZ"));
        assertFalse(HttpHeaders.isToken(""));
        assertFalse(HttpHeaders.isToken(null));
        for (char c : "()<>@,;:\\\"/[]?={} \t\u00e9\u0000\u007f".toCharArray()) {
            assertFalse(HttpHeaders.isTokenChar(c), "char " + (int) c);
        }
        assertFalse(HttpHeaders.isTokenChar(-1));
    }
}
