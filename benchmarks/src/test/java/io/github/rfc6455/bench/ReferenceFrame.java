package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A deliberately plain, byte-by-byte reading of one RFC 6455 frame, independent of every codec under test.
 *
 * @param fin the FIN bit
 * @param rsv the RSV bits in header position
 * @param opcode the opcode
 * @param masked the MASK bit
 * @param maskKey the masking key octets (empty when not masked)
 * @param payload the unmasked payload
 * @param length the frame's length on the wire
 */
record ReferenceFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] maskKey, byte[] payload, int length) {

    /** @return the frame starting at {@code wire[0]}, which must hold exactly one whole frame */
    static ReferenceFrame parseExactly(byte[] wire) {
        ReferenceFrame frame = parse(wire);
        if (frame.length() != wire.length) {
            throw new AssertionError("expected one frame of " + wire.length + " bytes, found " + frame.length());
        }
        return frame;
    }

    static ReferenceFrame parse(byte[] wire) {
        ByteBuffer in = ByteBuffer.wrap(wire);
        int b0 = in.get() & 0xFF;
        int b1 = in.get() & 0xFF;
        long length = b1 & 0x7F;
        if (length == 126) {
            length = in.getShort() & 0xFFFF;
            if (length < 126) {
                throw new AssertionError("16-bit length not minimal");
            }
        } else if (length == 127) {
            length = in.getLong();
            if (length <= 0xFFFF) {
                throw new AssertionError("64-bit length not minimal");
            }
        }
        boolean masked = (b1 & 0x80) != 0;
        byte[] key = new byte[masked ? 4 : 0];
        in.get(key);
        byte[] payload = new byte[Math.toIntExact(length)];
        in.get(payload);
        for (int i = 0; i < payload.length && masked; i++) {
            payload[i] ^= key[i % 4];
        }
        return new ReferenceFrame((b0 & 0x80) != 0, b0 & 0x70, b0 & 0x0F, masked, key, payload, in.position());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReferenceFrame f && fin == f.fin && rsv == f.rsv && opcode == f.opcode
                && masked == f.masked && Arrays.equals(maskKey, f.maskKey) && Arrays.equals(payload, f.payload)
                && length == f.length;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(payload);
    }
}
