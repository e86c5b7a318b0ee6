package io.github.rfc6455.core.frame;

/**
 * The ChaCha20 block function of RFC 8439 section 2.3, used by {@link MaskKeys} as a keystream generator: keyed with
 * 256 bits from {@link java.security.SecureRandom}, it turns a counter into 64 bytes that are as unpredictable as the
 * key, without touching the heap.
 *
 * <p>Stateless and thread-safe.
 */
final class ChaCha20 {
    /** "expand 32-byte k", the four constant words of the state (RFC 8439 section 2.3). */
    static final int C0 = 0x61707865;
    static final int C1 = 0x3320646e;
    static final int C2 = 0x79622d32;
    static final int C3 = 0x6b206574;

    private ChaCha20() {
    }

    /**
     * Computes one block: 20 rounds over {@code state}, then the state added word by word.
     *
     * @param state the 16-word input: constants, key, counter, nonce
     * @param out receives the 16 output words
     */
    static void block(int[] state, int[] out) {
        int x0 = state[0], x1 = state[1], x2 = state[2], x3 = state[3];
        int x4 = state[4], x5 = state[5], x6 = state[6], x7 = state[7];
        int x8 = state[8], x9 = state[9], x10 = state[10], x11 = state[11];
        int x12 = state[12], x13 = state[13], x14 = state[14], x15 = state[15];
        for (int i = 0; i < 10; i++) {
            // column rounds
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 16); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 12);
            x0 += x4; x12 = Integer.rotateLeft(x12 ^ x0, 8); x8 += x12; x4 = Integer.rotateLeft(x4 ^ x8, 7);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 16); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 12);
            x1 += x5; x13 = Integer.rotateLeft(x13 ^ x1, 8); x9 += x13; x5 = Integer.rotateLeft(x5 ^ x9, 7);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 16); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 12);
            x2 += x6; x14 = Integer.rotateLeft(x14 ^ x2, 8); x10 += x14; x6 = Integer.rotateLeft(x6 ^ x10, 7);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 16); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 12);
            x3 += x7; x15 = Integer.rotateLeft(x15 ^ x3, 8); x11 += x15; x7 = Integer.rotateLeft(x7 ^ x11, 7);
            // diagonal rounds
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 16); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 12);
            x0 += x5; x15 = Integer.rotateLeft(x15 ^ x0, 8); x10 += x15; x5 = Integer.rotateLeft(x5 ^ x10, 7);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 16); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 12);
            x1 += x6; x12 = Integer.rotateLeft(x12 ^ x1, 8); x11 += x12; x6 = Integer.rotateLeft(x6 ^ x11, 7);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 16); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 12);
            x2 += x7; x13 = Integer.rotateLeft(x13 ^ x2, 8); x8 += x13; x7 = Integer.rotateLeft(x7 ^ x8, 7);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 16); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 12);
            x3 += x4; x14 = Integer.rotateLeft(x14 ^ x3, 8); x9 += x14; x4 = Integer.rotateLeft(x4 ^ x9, 7);
        }
        out[0] = x0 + state[0]; out[1] = x1 + state[1]; out[2] = x2 + state[2]; out[3] = x3 + state[3];
        out[4] = x4 + state[4]; out[5] = x5 + state[5]; out[6] = x6 + state[6]; out[7] = x7 + state[7];
        out[8] = x8 + state[8]; out[9] = x9 + state[9]; out[10] = x10 + state[10]; out[11] = x11 + state[11];
        out[12] = x12 + state[12]; out[13] = x13 + state[13]; out[14] = x14 + state[14]; out[15] = x15 + state[15];
    }
}
