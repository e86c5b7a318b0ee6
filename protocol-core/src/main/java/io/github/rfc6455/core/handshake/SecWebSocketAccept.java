package io.github.rfc6455.core.handshake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The {@code Sec-WebSocket-Key} / {@code Sec-WebSocket-Accept} pair of RFC 6455 sections 1.3, 4.1 and 4.2.2: a client
 * sends a fresh random nonce, the server proves it understood the handshake by answering
 * base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
 *
 * <p>Thread-safe.
 */
public final class SecWebSocketAccept {
    /** The globally unique identifier of RFC 6455 section 1.3. */
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecWebSocketAccept() {
    }

    /**
     * @param key the {@code Sec-WebSocket-Key} value as sent, for example {@code dGhlIHNhbXBsZSBub25jZQ==}
     * @return the matching {@code Sec-WebSocket-Accept} value, for example {@code s3pPLMBiTxaQ9kYGzzhZRbK+xOo=}
     */
    public static String forKey(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-1", e);
        }
    }

    /** @return a fresh client key: 16 bytes from a {@link SecureRandom}, base64-encoded (RFC 6455 section 4.1) */
    public static String newKey() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    /** @return true when key is 24 characters of base64 that decode to exactly 16 bytes (RFC 6455 section 4.2.1) */
    static boolean isValidKey(String key) {
        if (key == null || key.length() != 24) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key).length == 16;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
