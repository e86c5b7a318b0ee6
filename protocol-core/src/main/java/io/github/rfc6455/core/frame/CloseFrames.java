package io.github.rfc6455.core.frame;

import io.github.rfc6455.core.message.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The body of a Close frame (RFC 6455 section 5.5.1): empty, or a 2-byte status code followed by a UTF-8 reason, in
 * all at most 125 bytes, so a reason has at most 123 bytes.
 *
 * <p>Stateless and thread-safe.
 */
public final class CloseFrames {
    /** The longest reason in bytes: 125 bytes of control payload minus the 2-byte code. */
    public static final int MAX_REASON_BYTES = 123;

    private CloseFrames() {
    }

    /**
     * Reads the status code of a received Close frame body and checks it (section 5.5.1 and 7.4).
     *
     * @param body the body between position and limit (not moved)
     * @return the code; {@link CloseCodes#NO_STATUS_RECEIVED} for an empty body; -1 when the body is one byte long
     *         or the code may not appear on the wire (the connection must then fail with 1002)
     */
    public static int code(ByteBuffer body) {
        int n = body.remaining();
        if (n == 0) {
            return CloseCodes.NO_STATUS_RECEIVED;
        }
        if (n == 1) {
            return -1;
        }
        int p = body.position();
        int code = (body.get(p) & 0xFF) << 8 | (body.get(p + 1) & 0xFF);
        return CloseCodes.isValidOnWire(code) ? code : -1;
    }

    /**
     * Reads the reason of a received Close frame body whose code is valid.
     *
     * @param body the body between position and limit (not moved)
     * @return the reason ("" when there is none), or null when it is not valid UTF-8 (fail with 1007)
     */
    public static String reason(ByteBuffer body) {
        if (body.remaining() <= 2) {
            return "";
        }
        ByteBuffer reason = body.duplicate();
        reason.position(body.position() + 2);
        if (!Utf8Validator.isValid(reason)) {
            return null;
        }
        return StandardCharsets.UTF_8.decode(reason).toString();
    }

    /**
     * Builds a Close frame body.
     *
     * @param code a code valid on the wire, or {@link CloseCodes#NO_STATUS_RECEIVED} for an empty body
     * @param reason the reason, cut to at most 123 bytes of UTF-8 at a character boundary; may be null
     * @return the body, positioned at 0
     * @throws IllegalArgumentException when the code may not be sent (section 7.4.2)
     */
    public static ByteBuffer body(int code, String reason) {
        if (code == CloseCodes.NO_STATUS_RECEIVED) {
            return ByteBuffer.allocate(0);
        }
        if (!CloseCodes.isValidOnWire(code)) {
            throw new IllegalArgumentException("close code " + code + " may not be sent (RFC 6455 section 7.4)");
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, MAX_REASON_BYTES);
        while (n < text.length && n > 0 && (text[n] & 0xC0) == 0x80) {
            n--; // do not cut a character in two
        }
        ByteBuffer body = ByteBuffer.allocate(2 + n);
        body.put((byte) (code >>> 8)).put((byte) code).put(text, 0, n);
        return body.flip();
    }
}
