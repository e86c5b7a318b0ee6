package io.github.rfc6455.core;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A message encoded once as unmasked server frames, to be sent to many connections (broadcast) without encoding it
 * again: see {@link WebSocketEngine#sendPrepared}. It is never compressed, which RFC 7692 section 6 allows on any
 * connection, so it suits every connection whatever its extensions.
 *
 * <p>Immutable and thread-safe.
 */
public final class PreparedMessage {
    private final ByteBuffer frames;
    private final int payloadLength;

    private PreparedMessage(ByteBuffer frames, int payloadLength) {
        this.frames = frames.asReadOnlyBuffer();
        this.payloadLength = payloadLength;
    }

    /**
     * @param text the message
     * @param outgoingFrameSize the largest frame payload (fragments longer messages), at least 1
     * @return the prepared text message
     * @throws IllegalArgumentException when {@code outgoingFrameSize} is not positive
     */
    public static PreparedMessage text(CharSequence text, int outgoingFrameSize) {
        checkFrameSize(outgoingFrameSize);
        ByteBuffer payload = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        return new PreparedMessage(Frames.encodeMessage(Opcode.TEXT, 0, payload, false, outgoingFrameSize),
                payload.remaining());
    }

    /**
     * @param data the message between position and limit (not moved)
     * @param outgoingFrameSize the largest frame payload (fragments longer messages), at least 1
     * @return the prepared binary message
     * @throws IllegalArgumentException when {@code outgoingFrameSize} is not positive
     */
    public static PreparedMessage binary(ByteBuffer data, int outgoingFrameSize) {
        checkFrameSize(outgoingFrameSize);
        return new PreparedMessage(Frames.encodeMessage(Opcode.BINARY, 0, data, false, outgoingFrameSize),
                data.remaining());
    }

    private static void checkFrameSize(int outgoingFrameSize) {
        if (outgoingFrameSize < 1) {
            throw new IllegalArgumentException("outgoingFrameSize must be positive: " + outgoingFrameSize);
        }
    }

    /** @return a new read-only view of the encoded frames, positioned at the start */
    public ByteBuffer frames() {
        return frames.duplicate();
    }

    /** @return the message's payload length in bytes */
    public int payloadLength() {
        return payloadLength;
    }

    /** @return the encoded length in bytes, frame headers included */
    public int encodedLength() {
        return frames.remaining();
    }

    /** Encodes whole messages as one or more frames into one buffer. */
    static final class Frames {
        private Frames() {
        }

        static ByteBuffer encodeMessage(int opcode, int rsv, ByteBuffer payload, boolean masked, int maxFrame) {
            int length = payload.remaining();
            int frames = length == 0 ? 1 : (int) ((length + (long) maxFrame - 1) / maxFrame);
            int last = length - (frames - 1) * maxFrame;
            long total = (long) (frames - 1) * (FrameEncoder.headerLength(maxFrame, masked) + maxFrame)
                    + FrameEncoder.headerLength(last, masked) + last;
            if (total > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("message too long to encode: " + length + " bytes");
            }
            ByteBuffer out = ByteBuffer.allocate((int) total);
            ByteBuffer chunk = payload.duplicate();
            int start = payload.position();
            for (int i = 0; i < frames; i++) {
                int from = start + i * maxFrame;
                int to = i == frames - 1 ? payload.limit() : from + maxFrame;
                chunk.limit(to).position(from);
                FrameEncoder.encode(out, i == frames - 1, i == 0 ? rsv : 0, i == 0 ? opcode : Opcode.CONTINUATION,
                        chunk, masked, masked ? io.github.rfc6455.core.frame.MaskKeys.next() : 0);
            }
            return out.flip();
        }
    }
}
