package io.github.rfc6455.core.frame;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * Writes WebSocket frames (RFC 6455 section 5.2) straight into an outbound buffer: the header in its shortest form
 * (7-bit, 16-bit or 64-bit length, as section 5.2 requires "the minimal number of bytes"), then the payload, masked
 * while it is copied when the frame is masked (section 5.3).
 *
 * <p>Stateless and thread-safe; allocates nothing.
 */
public final class FrameEncoder {
    /** The longest frame header: 2 bytes, a 64-bit length and a masking key. */
    public static final int MAX_HEADER_LENGTH = 14;

    private FrameEncoder() {
    }

    /**
     * @param payloadLength the payload length
     * @param masked whether the frame carries a masking key
     * @return the length of the header of such a frame
     */
    public static int headerLength(long payloadLength, boolean masked) {
        int n = payloadLength < 126 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return masked ? n + 4 : n;
    }

    /**
     * Writes a frame header at the buffer's position and advances it.
     *
     * @param out where to write; needs {@link #headerLength} bytes remaining
     * @param fin whether this is the final fragment of a message
     * @param rsv the RSV bits in header position ({@code 0x40}, {@code 0x20}, {@code 0x10})
     * @param opcode the opcode, see {@link Opcode}
     * @param payloadLength the payload length (0 to 2^63-1)
     * @param masked whether to set the MASK bit and write {@code maskKey}
     * @param maskKey the masking key, octet 0 in the most significant byte; ignored when not masked
     */
    public static void encodeHeader(ByteBuffer out, boolean fin, int rsv, int opcode, long payloadLength,
                                    boolean masked, int maskKey) {
        int pos = out.position();
        out.put(pos, (byte) ((fin ? 0x80 : 0) | (rsv & 0x70) | (opcode & 0x0F)));
        int maskBit = masked ? 0x80 : 0;
        int at;
        if (payloadLength < 126) {
            out.put(pos + 1, (byte) (maskBit | (int) payloadLength));
            at = pos + 2;
        } else if (payloadLength <= 0xFFFF) {
            out.put(pos + 1, (byte) (maskBit | 126));
            out.put(pos + 2, (byte) (payloadLength >>> 8));
            out.put(pos + 3, (byte) payloadLength);
            at = pos + 4;
        } else {
            out.put(pos + 1, (byte) (maskBit | 127));
            for (int i = 0; i < 8; i++) {
                out.put(pos + 2 + i, (byte) (payloadLength >>> (56 - 8 * i)));
            }
            at = pos + 10;
        }
        if (masked) {
            out.put(at, (byte) (maskKey >>> 24));
            out.put(at + 1, (byte) (maskKey >>> 16));
            out.put(at + 2, (byte) (maskKey >>> 8));
            out.put(at + 3, (byte) maskKey);
            at += 4;
        }
        out.position(at);
    }

    /**
     * Writes one whole frame: the header, then the bytes between the payload's position and limit (masked on the way
     * when {@code masked}). Advances {@code out} past the frame and leaves {@code payload} untouched.
     *
     * @param out where to write; needs {@code headerLength(payload.remaining(), masked) + payload.remaining()} bytes
     * @param fin whether this is the final fragment of a message
     * @param rsv the RSV bits in header position
     * @param opcode the opcode
     * @param payload the payload bytes
     * @param masked whether to mask the frame (clients must, section 5.3)
     * @param maskKey the masking key, e.g. from {@link MaskKeys#next()}; ignored when not masked
     */
    public static void encode(ByteBuffer out, boolean fin, int rsv, int opcode, ByteBuffer payload,
                              boolean masked, int maskKey) {
        int length = payload.remaining();
        encodeHeader(out, fin, rsv, opcode, length, masked, maskKey);
        int start = out.position();
        if (out.hasArray() && payload.hasArray()) {
            // Heap to heap: a plain arraycopy, much cheaper for small payloads than the bulk put's checks.
            if (start + length > out.limit()) {
                throw new BufferOverflowException();
            }
            System.arraycopy(payload.array(), payload.arrayOffset() + payload.position(),
                    out.array(), out.arrayOffset() + start, length);
        } else {
            out.put(start, payload, payload.position(), length);
        }
        if (masked) {
            Masking.mask(out, start, start + length, maskKey, 0);
        }
        out.position(start + length);
    }
}
