package io.github.rfc6455.core.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The masking transform of RFC 6455 section 5.3: {@code octet i of the transformed data is octet i of the original
 * data XOR octet (i MOD 4) of the masking key}. Masking and unmasking are the same operation.
 *
 * <p>The key is an {@code int} holding the four key octets in wire order (big-endian: octet 0 is the most significant
 * byte). The transform runs in place, eight bytes at a time on heap arrays and on direct buffers alike.
 *
 * <p>Stateless and thread-safe.
 */
public final class Masking {
    private static final VarHandle LONGS_IN_ARRAY =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS_IN_BUFFER =
            MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private Masking() {
    }

    /**
     * Masks (or unmasks) {@code buffer[from, to)} in place, ignoring the buffer's position and limit.
     *
     * @param buffer the bytes to transform; must not be read-only
     * @param from absolute index of the first byte
     * @param to absolute index after the last byte
     * @param maskKey the four key octets, octet 0 in the most significant byte
     * @param keyOffset how many payload bytes preceded {@code from} in the same frame (only its value mod 4 matters)
     */
    public static void mask(ByteBuffer buffer, int from, int to, int maskKey, long keyOffset) {
        int key = Integer.rotateLeft(maskKey, (int) (keyOffset & 3) << 3);
        if (buffer.hasArray()) {
            int base = buffer.arrayOffset();
            mask(buffer.array(), base + from, base + to, key);
        } else {
            maskDirect(buffer, from, to, key);
        }
    }

    /**
     * Masks (or unmasks) {@code bytes[from, to)} in place.
     *
     * @param bytes the bytes to transform
     * @param from index of the first byte
     * @param to index after the last byte
     * @param maskKey the key octets for the byte at {@code from}, octet 0 in the most significant byte
     */
    public static void mask(byte[] bytes, int from, int to, int maskKey) {
        int i = from;
        if (to - i >= 8) {
            long key = littleEndianPattern(maskKey);
            int last = to - 8;
            for (; i <= last; i += 8) {
                LONGS_IN_ARRAY.set(bytes, i, (long) LONGS_IN_ARRAY.get(bytes, i) ^ key);
            }
        }
        for (int shift = 24; i < to; i++, shift = (shift - 8) & 31) {
            bytes[i] ^= (byte) (maskKey >>> shift);
        }
    }

    private static void maskDirect(ByteBuffer buffer, int from, int to, int maskKey) {
        int i = from;
        if (to - i >= 8) {
            long key = littleEndianPattern(maskKey);
            int last = to - 8;
            for (; i <= last; i += 8) {
                LONGS_IN_BUFFER.set(buffer, i, (long) LONGS_IN_BUFFER.get(buffer, i) ^ key);
            }
        }
        for (int shift = 24; i < to; i++, shift = (shift - 8) & 31) {
            buffer.put(i, (byte) (buffer.get(i) ^ (maskKey >>> shift)));
        }
    }

    /** The key repeated over eight bytes, as a little-endian long read from memory would see it. */
    private static long littleEndianPattern(int maskKey) {
        long k = Integer.reverseBytes(maskKey) & 0xFFFF_FFFFL;
        return k | (k << 32);
    }
}
