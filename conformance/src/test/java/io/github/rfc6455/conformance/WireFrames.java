package io.github.rfc6455.conformance;

/**
 * The kit's own frame encoder (RFC 6455 section 5.2), deliberately independent of protocol-core so the kit does not
 * test our codec with our codec. It encodes anything, including frames that violate the protocol.
 *
 * <p>Stateless; thread-safe.
 */
final class WireFrames {

    private WireFrames() {
    }

    /**
     * Encodes one frame.
     *
     * @param maskKey four octets to mask with (client-to-server frames, RFC 6455 section 5.3), or {@code null}
     */
    static byte[] encode(int opcode, byte[] payload, boolean fin, int rsv, byte[] maskKey) {
        long length = payload.length;
        int extended = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        int header = 2 + extended + (maskKey == null ? 0 : 4);
        byte[] out = new byte[header + payload.length];
        out[0] = (byte) ((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F));
        int b1 = maskKey == null ? 0 : 0x80;
        if (extended == 0) {
            out[1] = (byte) (b1 | (int) length);
        } else if (extended == 2) {
            out[1] = (byte) (b1 | 126);
            out[2] = (byte) (length >>> 8);
            out[3] = (byte) length;
        } else {
            out[1] = (byte) (b1 | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (length >>> (56 - 8 * i));
            }
        }
        System.arraycopy(payload, 0, out, header, payload.length);
        if (maskKey != null) {
            System.arraycopy(maskKey, 0, out, header - 4, 4);
            mask(out, header, payload.length, maskKey, 0);
        }
        return out;
    }

    /** Encodes only a header announcing {@code length} payload octets (streaming sends). */
    static byte[] header(int opcode, long length, boolean fin, int rsv, byte[] maskKey) {
        int extended = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        byte[] out = new byte[2 + extended + (maskKey == null ? 0 : 4)];
        out[0] = (byte) ((fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0x0F));
        int b1 = maskKey == null ? 0 : 0x80;
        if (extended == 0) {
            out[1] = (byte) (b1 | (int) length);
        } else if (extended == 2) {
            out[1] = (byte) (b1 | 126);
            out[2] = (byte) (length >>> 8);
            out[3] = (byte) length;
        } else {
            out[1] = (byte) (b1 | 127);
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (length >>> (56 - 8 * i));
            }
        }
        if (maskKey != null) {
            System.arraycopy(maskKey, 0, out, out.length - 4, 4);
        }
        return out;
    }

    /**
     * XORs {@code length} octets in place with the mask key (RFC 6455 section 5.3), starting at key position
     * {@code keyOffset} (for payloads masked in several pieces).
     */
    static void mask(byte[] data, int offset, int length, byte[] key, long keyOffset) {
        int k = (int) (keyOffset & 3);
        for (int i = 0; i < length; i++) {
            data[offset + i] ^= key[(k + i) & 3];
        }
    }

    /** {@code pattern} repeated and cut to exactly {@code length} octets. */
    static byte[] repeat(byte[] pattern, int length) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("cannot repeat an empty payload");
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i += pattern.length) {
            System.arraycopy(pattern, 0, out, i, Math.min(pattern.length, length - i));
        }
        return out;
    }
}
