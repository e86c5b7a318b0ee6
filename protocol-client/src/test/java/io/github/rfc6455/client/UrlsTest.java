package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** WebSocket URL rules (RFC 6455 section 3). */
class UrlsTest {
    @Test
    void addsWsWhenThereIsNoScheme() {
        assertEquals(URI.create("ws://localhost:3000"), Urls.parse("localhost:3000"));
        assertEquals(URI.create("ws://example.com/a?b=c"), Urls.parse(" example.com/a?b=c "));
        assertEquals(URI.create("wss://example.com/"), Urls.parse("wss://example.com/"));
        assertEquals(URI.create("ws://h/x"), Urls.normalize(URI.create("//h/x")));
    }

    @Test
    void hostsPortsAndSchemes() {
        URI v6 = URI.create("wss://[::1]:8443/");
        assertEquals("::1", Urls.host(v6));
        assertEquals(8443, Urls.port(v6));
        assertTrue(Urls.secure(v6));
        assertEquals(443, Urls.port(URI.create("wss://h/")));
        assertEquals(80, Urls.port(URI.create("ws://h/")));
        assertFalse(Urls.secure(URI.create("http://h/")));
        assertTrue(Urls.secure(URI.create("https://h/")));
    }

    @Test
    void recognisesAddressLiterals() {
        assertTrue(Urls.isIpLiteral("127.0.0.1"));
        assertTrue(Urls.isIpLiteral("::1"));
        assertFalse(Urls.isIpLiteral("localhost"));
        assertFalse(Urls.isIpLiteral("1.2.3"));
        assertFalse(Urls.isIpLiteral("1.2.3.example"));
    }

    @Test
    void rejectsWhatIsNotAWebSocketUrl() {
        assertThrows(IllegalArgumentException.class, () -> Urls.parse("ftp://h/"));
        assertThrows(IllegalArgumentException.class, () -> Urls.parse("ws://h/#f"));
        assertThrows(IllegalArgumentException.class, () -> Urls.parse("ws://"));
        assertThrows(IllegalArgumentException.class, () -> Urls.parse("ws://h h/"));
    }
}
