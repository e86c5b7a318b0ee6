package io.github.rfc6455.core.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Cuts fuzz input into the pieces a network would deliver, as the fuzzer decides: the piece sizes (1 byte, a few
 * bytes, a frame header's worth, a kilobyte, everything left) and the kind of buffer each piece arrives in (heap at
 * an offset inside a larger array, direct, big- or little-endian), all derived from one fuzzer-chosen seed. A parser
 * must give the same result whatever the cuts and whatever the buffer.
 */
final class Chunks {
    private static final int[] SIZES = {1, 1, 2, 3, 7, 13, 14, 64, 1024, Integer.MAX_VALUE};

    private Chunks() {
    }

    /**
     * Feeds {@code input} to {@code sink} in pieces; each piece is a fresh buffer holding a copy of its bytes, so a
     * sink may modify it in place (unmasking) without touching {@code input}.
     *
     * @param input the bytes
     * @param seed the fuzzer's choice of cuts and buffers; 0 delivers everything in one heap buffer
     * @param sink receives each piece between position and limit; whatever it leaves unconsumed is lost
     */
    static void feed(byte[] input, long seed, Consumer<ByteBuffer> sink) {
        if (seed == 0) {
            sink.accept(ByteBuffer.wrap(input.clone()));
            return;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int at = 0;
        do {
            int size = (int) Math.min(SIZES[random.nextInt(SIZES.length)], input.length - at);
            sink.accept(buffer(input, at, size, random));
            at += size;
        } while (at < input.length);
    }

    /** @return a copy of {@code input[from, from + size)} in a buffer of a random kind */
    private static ByteBuffer buffer(byte[] input, int from, int size, SplittableRandom random) {
        ByteBuffer b = switch (random.nextInt(3)) {
            case 0 -> ByteBuffer.allocate(size);
            case 1 -> ByteBuffer.allocate(size + 11).position(5).limit(5 + size); // inside a larger array
            default -> ByteBuffer.allocateDirect(size);
        };
        int p = b.position();
        b.put(input, from, size).position(p);
        return b.order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }
}
