package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Masking (RFC 6455 section 5.3) agrees with the byte-at-a-time definition for every alignment and key phase. */
class MaskingTest {
    private static final int KEY = 0x37fa213d;

    /** octet i of the transformed data is octet i of the original XOR octet ((i + keyOffset) MOD 4) of the key */
    private static byte[] reference(byte[] data, int from, int to, int key, long keyOffset) {
        byte[] out = data.clone();
        for (int i = from; i < to; i++) {
            long j = (i - from) + keyOffset;
            out[i] ^= (byte) (key >>> (24 - 8 * (int) (j & 3)));
        }
        return out;
    }

    @Test
    void rfcExampleMasksHello() {
        byte[] hello = "Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Masking.mask(hello, 0, 5, KEY);
        assertArrayEquals(Hex.bytes("7f 9f 4d 51 58"), hello);
    }

    @Test
    void arrayMaskingMatchesTheDefinitionAtEveryLengthAndAlignment() {
        Random random = new Random(1);
        for (int length = 0; length <= 40; length++) {
            for (int from = 0; from < 9; from++) {
                byte[] data = new byte[from + length + 5];
                random.nextBytes(data);
                int key = random.nextInt();
                byte[] expected = reference(data, from, from + length, key, 0);
                Masking.mask(data, from, from + length, key);
                assertArrayEquals(expected, data, "length " + length + " from " + from);
            }
        }
    }

    @Test
    void bufferMaskingMatchesTheDefinitionForHeapDirectAndSlicedBuffers() {
        Random random = new Random(2);
        for (int kind = 0; kind < 4; kind++) {
            for (int length = 0; length <= 40; length++) {
                for (int from = 0; from < 9; from++) {
                    for (long keyOffset = 0; keyOffset < 6; keyOffset++) {
                        byte[] data = new byte[from + length + 3];
                        random.nextBytes(data);
                        int key = random.nextInt();
                        byte[] expected = reference(data, from, from + length, key, keyOffset);
                        ByteBuffer buffer = buffer(kind, data);
                        Masking.mask(buffer, from, from + length, key, keyOffset);
                        byte[] actual = new byte[data.length];
                        buffer.get(0, actual);
                        assertArrayEquals(expected, actual,
                                "kind " + kind + " length " + length + " from " + from + " offset " + keyOffset);
                    }
                }
            }
        }
    }

    @Test
    void keyOffsetBeyondIntRangeKeepsThePhase() {
        byte[] data = new byte[13];
        long keyOffset = (1L << 40) + 3;
        byte[] expected = reference(data, 0, 13, KEY, 3);
        Masking.mask(ByteBuffer.wrap(data), 0, 13, KEY, keyOffset);
        assertArrayEquals(expected, data);
    }

    @Test
    void maskingInPiecesEqualsMaskingAtOnce() {
        Random random = new Random(3);
        byte[] data = new byte[1000];
        random.nextBytes(data);
        byte[] whole = reference(data, 0, data.length, KEY, 0);
        ByteBuffer buffer = ByteBuffer.wrap(data.clone());
        int at = 0;
        while (at < data.length) {
            int n = Math.min(data.length - at, 1 + random.nextInt(23));
            Masking.mask(buffer, at, at + n, KEY, at);
            at += n;
        }
        assertArrayEquals(whole, buffer.array());
    }

    /** kind 0: heap, 1: heap slice with array offset, 2: direct, 3: direct little-endian */
    private static ByteBuffer buffer(int kind, byte[] data) {
        switch (kind) {
            case 0:
                return ByteBuffer.wrap(data.clone());
            case 1: {
                byte[] bigger = new byte[data.length + 7];
                System.arraycopy(data, 0, bigger, 7, data.length);
                return ByteBuffer.wrap(bigger).position(7).slice();
            }
            case 2:
                return ByteBuffer.allocateDirect(data.length).put(data).flip();
            default:
                return ByteBuffer.allocateDirect(data.length).order(ByteOrder.LITTLE_ENDIAN).put(data).flip();
        }
    }
}
