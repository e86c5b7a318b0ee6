package io.github.rfc6455.core.frame;

import java.security.SecureRandom;

/**
 * Masking keys for client frames. RFC 6455 sections 5.3 and 10.3 require each key to be freshly and unpredictably
 * chosen from a strong source of entropy. A {@link SecureRandom} call per frame is what makes small client frames slow
 * in other libraries, and {@code SecureRandom} allocates as it goes; so each thread keys a ChaCha20 keystream
 * (RFC 8439) with 256 bits from {@link SecureRandom} and takes sixteen keys from each 64-byte block, rekeying from
 * {@link SecureRandom} every 2^16 blocks. The keys are as unpredictable as the ChaCha20 key, none is reused, and taking
 * one allocates nothing.
 *
 * <p>Thread-safe: each thread draws from its own keystream.
 */
public final class MaskKeys {
    /** Blocks (of sixteen keys) drawn before the keystream is keyed again. */
    static final int BLOCKS_PER_KEY = 1 << 16;

    private static final ThreadLocal<KeyStream> STREAM = ThreadLocal.withInitial(KeyStream::new);

    private MaskKeys() {
    }

    /** @return a fresh 32-bit masking key, octet 0 in the most significant byte */
    public static int next() {
        return STREAM.get().next();
    }

    /** One thread's keystream. */
    static final class KeyStream {
        private static final SecureRandom SEEDS = new SecureRandom();

        private final int[] state = new int[16];
        private final int[] block = new int[16];
        private int position = 16;
        private int blocksLeft;

        int next() {
            if (position == 16) {
                refill();
            }
            return block[position++];
        }

        private void refill() {
            if (blocksLeft == 0) {
                rekey();
            }
            ChaCha20.block(state, block);
            state[12]++; // the block counter; rekeyed long before it could wrap
            blocksLeft--;
            position = 0;
        }

        private void rekey() {
            byte[] seed = new byte[44];
            SEEDS.nextBytes(seed);
            state[0] = ChaCha20.C0;
            state[1] = ChaCha20.C1;
            state[2] = ChaCha20.C2;
            state[3] = ChaCha20.C3;
            for (int i = 0; i < 11; i++) {
                int at = i * 4;
                int word = (seed[at] & 0xFF) | (seed[at + 1] & 0xFF) << 8 | (seed[at + 2] & 0xFF) << 16
                        | (seed[at + 3] & 0xFF) << 24;
                state[i < 8 ? 4 + i : 13 + (i - 8)] = word; // key words 4-11, nonce words 13-15
            }
            state[12] = 0; // block counter
            blocksLeft = BLOCKS_PER_KEY;
        }
    }
}
