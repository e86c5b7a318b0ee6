package io.github.rfc6455.core.frame;

import java.security.SecureRandom;

/**
 * Masking keys for client frames. RFC 6455 section 5.3 and 10.3 require each key to be freshly and unpredictably
 * chosen from a strong source of entropy. Calling {@link SecureRandom} once per frame is what makes small client
 * frames slow in other libraries; this class draws 1024 keys at a time from a {@link SecureRandom} per thread and
 * hands them out one by one, so every key still comes from the strong source and none is ever reused.
 *
 * <p>Thread-safe: each thread draws from its own batch.
 */
public final class MaskKeys {
    private static final int BATCH_BYTES = 4096;

    private static final ThreadLocal<Batch> BATCH = ThreadLocal.withInitial(Batch::new);

    private MaskKeys() {
    }

    /** @return a fresh 32-bit masking key, octet 0 in the most significant byte */
    public static int next() {
        return BATCH.get().next();
    }

    private static final class Batch {
        private final SecureRandom random = new SecureRandom();
        private final byte[] bytes = new byte[BATCH_BYTES];
        private int position = BATCH_BYTES;

        int next() {
            if (position == BATCH_BYTES) {
                random.nextBytes(bytes);
                position = 0;
            }
            int p = position;
            position = p + 4;
            return (bytes[p] & 0xFF) << 24 | (bytes[p + 1] & 0xFF) << 16 | (bytes[p + 2] & 0xFF) << 8 | (bytes[p + 3] & 0xFF);
        }
    }
}
