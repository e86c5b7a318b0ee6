package io.github.rfc6455.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecWebSocketAcceptTest {
    @Test
    void rfc6455Section13Vector() {
        assertEquals("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", SecWebSocketAccept.forKey("dGhlIHNhbXBsZSBub25jZQ=="));
    }

    @Test
    void differentKeysGiveDifferentAccepts() {
        assertNotEquals(SecWebSocketAccept.forKey("dGhlIHNhbXBsZSBub25jZQ=="),
                SecWebSocketAccept.forKey("AAAAAAAAAAAAAAAAAAAAAA=="));
    }

    @Test
    void newKeysAreSixteenRandomBytesInBase64() {
        String a = SecWebSocketAccept.newKey();
        String b = SecWebSocketAccept.newKey();
        assertEquals(24, a.length());
        assertEquals(16, Base64.getDecoder().decode(a).length);
        assertTrue(SecWebSocketAccept.isValidKey(a));
        assertNotEquals(a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "dGhlIHNhbXBsZSBub25jZQ", "dGhlIHNhbXBsZSBub25jZQ=", "dGhlIHNhbXBsZSBub25jZQ===",
        "dGhlIHNhbXBsZSBub25j", "dGhlIHNhbXBsZSBub25jZQ!!", "dGhlIHNhbXBsZSBub25jZSE=", "dGhl IHNhbXBsZSBub25jZQ="})
    void rejectsKeysThatAreNotSixteenBase64Bytes(String key) {
        assertFalse(SecWebSocketAccept.isValidKey(key), key);
    }

    @Test
    void acceptsTheRfcKey() {
        assertTrue(SecWebSocketAccept.isValidKey("dGhlIHNhbXBsZSBub25jZQ=="));
        assertFalse(SecWebSocketAccept.isValidKey(null));
    }
}
