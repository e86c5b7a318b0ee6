package io.github.rfc6455.bench;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;

/**
 * The bytes every decoder is fed: many client-masked, final, binary frames of one payload size laid end to end, each
 * masked with its own key, as a server reads them from a busy connection. There are enough frames to fill about
 * {@value #TARGET_BYTES} bytes (at least {@value #MIN_FRAMES}), so a decoder cannot learn one frame by heart and the
 * data does not all sit in L1. All frames carry the same plain payload, which lets tests check every decoded frame.
 *
 * <p>Immutable after construction; the copies it hands out belong to the caller.
 */
final class FrameCorpus {
    static final int TARGET_BYTES = 256 * 1024;
    static final int MIN_FRAMES = 8;

    private final byte[] plain;
    private final byte[] wire;
    private final int frameLength;
    private final int frames;

    private FrameCorpus(byte[] plain, byte[] wire, int frameLength, int frames) {
        this.plain = plain;
        this.wire = wire;
        this.frameLength = frameLength;
        this.frames = frames;
    }

    /**
     * @param payloadSize the payload bytes per frame
     * @return client-masked binary frames with a random payload (fixed seed, so every run sees the same bytes)
     */
    static FrameCorpus maskedBinary(int payloadSize) {
        SplittableRandom random = new SplittableRandom(6455L + payloadSize);
        byte[] plain = new byte[payloadSize];
        for (int i = 0; i < payloadSize; i++) {
            plain[i] = (byte) random.nextInt(256);
        }
        int frameLength = FrameEncoder.headerLength(payloadSize, true) + payloadSize;
        int frames = Math.max(MIN_FRAMES, TARGET_BYTES / frameLength);
        ByteBuffer out = ByteBuffer.allocate(frames * frameLength);
        ByteBuffer payload = ByteBuffer.wrap(plain);
        for (int i = 0; i < frames; i++) {
            int key = random.nextInt();
            FrameEncoder.encode(out, true, 0, Opcode.BINARY, payload, true, key);
        }
        return new FrameCorpus(plain, out.array(), frameLength, frames);
    }

    /** @return a copy of the unmasked payload of every frame */
    byte[] plainPayload() {
        return plain.clone();
    }

    /** @return the length of one frame on the wire (header, key and payload) */
    int frameLength() {
        return frameLength;
    }

    /** @return how many frames the corpus holds */
    int frames() {
        return frames;
    }

    /** @return a copy of all frames in a heap buffer (position 0, limit at the end) */
    ByteBuffer heapCopy() {
        return ByteBuffer.wrap(wire.clone());
    }

    /** @return a copy of all frames in a direct buffer (position 0, limit at the end) */
    ByteBuffer directCopy() {
        ByteBuffer direct = ByteBuffer.allocateDirect(wire.length);
        direct.put(wire).flip();
        return direct;
    }

    /** @return a copy of all frames as a byte array */
    byte[] wireCopy() {
        return wire.clone();
    }
}
