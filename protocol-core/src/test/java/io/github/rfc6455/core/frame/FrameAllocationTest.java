package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.Role;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The frame hot path allocates nothing per frame: parsing a prepared buffer of masked binary frames (header, unmask
 * in place, payload handed on) and encoding into a preallocated buffer, after warm-up, averaged over 100 000 frames.
 * The figures are printed for the record; the assertion is "less than one byte per frame".
 */
class FrameAllocationTest {
    private static final int MEASURED_FRAMES = 100_000;

    /** Counts frames and touches every chunk, so the payload is really handed on. */
    static final class CountingListener implements FrameListener {
        long frames;
        long bytes;
        int checksum;

        @Override
        public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
        }

        @Override
        public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
            int n = payload.remaining();
            bytes += n;
            if (n > 0) {
                checksum += payload.get(payload.position() + n - 1);
            }
            if (frameComplete) {
                frames++;
            }
        }

        @Override
        public void onFrameError(int closeCode, String message) {
            throw new AssertionError(message);
        }
    }

    private static int warmUpFrames(int payloadSize) {
        return payloadSize >= 65536 ? 20_000 : 200_000;
    }

    /** @return a buffer of masked binary frames of that payload size, about 1 MiB in all */
    static ByteBuffer maskedFrames(int payloadSize) {
        int count = Math.max(8, (1 << 20) / (payloadSize + 14));
        ByteBuffer buffer = ByteBuffer.allocate(count * (payloadSize + FrameEncoder.headerLength(payloadSize, true)));
        byte[] payload = new byte[payloadSize];
        new Random(payloadSize).nextBytes(payload);
        for (int i = 0; i < count; i++) {
            FrameEncoder.encode(buffer, true, 0, Opcode.BINARY, ByteBuffer.wrap(payload), true, MaskKeys.next());
        }
        return buffer.flip();
    }

    @ParameterizedTest(name = "payload {0} bytes")
    @ValueSource(ints = {16, 125, 1024, 65536})
    void parsingMaskedBinaryFramesAllocatesNothingPerFrame(int payloadSize) {
        AllocationMeter.assumeSupported();
        ByteBuffer frames = maskedFrames(payloadSize);
        int framesPerBuffer = frames.limit() / (payloadSize + FrameEncoder.headerLength(payloadSize, true));
        FrameParser parser = new FrameParser(Role.SERVER, 1 << 20, 0);
        CountingListener listener = new CountingListener();
        Runnable warmUp = () -> parse(parser, frames, listener, warmUpFrames(payloadSize), framesPerBuffer);
        long[] counted = new long[1];
        long allocated = AllocationMeter.allocatedBy(warmUp, () -> {
            long start = listener.frames;
            parse(parser, frames, listener, MEASURED_FRAMES, framesPerBuffer);
            counted[0] = listener.frames - start;
        });
        double perFrame = (double) allocated / counted[0];
        System.out.printf("FrameParser.parse, masked binary %6d B: %d frames, %d bytes allocated, %.4f B/frame%n",
                payloadSize, counted[0], allocated, perFrame);
        assertTrue(counted[0] >= MEASURED_FRAMES);
        assertTrue(perFrame < 1.0, () -> "parsing allocates " + perFrame + " bytes per frame");
    }

    private static void parse(FrameParser parser, ByteBuffer frames, CountingListener listener, int atLeast,
                              int framesPerBuffer) {
        for (int done = 0; done < atLeast; done += framesPerBuffer) {
            frames.position(0);
            parser.parse(frames, listener);
        }
    }

    @ParameterizedTest(name = "payload {0} bytes, masked {1}")
    @CsvSource({"16, true", "125, true", "1024, true", "65536, true", "16, false", "125, false", "1024, false",
        "65536, false"})
    void encodingIntoAPreallocatedBufferAllocatesNothingPerFrame(int payloadSize, boolean masked) {
        AllocationMeter.assumeSupported();
        ByteBuffer payload = ByteBuffer.allocate(payloadSize);
        ByteBuffer out = ByteBuffer.allocate(1 << 21);
        int frameLength = FrameEncoder.headerLength(payloadSize, masked) + payloadSize;
        int[] key = {0x12345678};
        java.util.function.IntConsumer encode = n -> {
            for (int i = 0; i < n; i++) {
                if (out.remaining() < frameLength) {
                    out.clear();
                }
                key[0] = key[0] * 1_103_515_245 + 12_345; // a different key per frame, without MaskKeys' SecureRandom
                FrameEncoder.encode(out, true, 0, Opcode.BINARY, payload, masked, key[0]);
            }
        };
        long allocated = AllocationMeter.allocatedBy(() -> encode.accept(warmUpFrames(payloadSize)),
                () -> encode.accept(MEASURED_FRAMES));
        double perFrame = (double) allocated / MEASURED_FRAMES;
        System.out.printf("FrameEncoder.encode, %s binary %6d B: %d frames, %d bytes allocated, %.4f B/frame%n",
                masked ? "masked  " : "unmasked", payloadSize, MEASURED_FRAMES, allocated, perFrame);
        assertEquals(0, payload.position());
        assertTrue(perFrame < 1.0, () -> "encoding allocates " + perFrame + " bytes per frame");
    }
}
