package io.github.rfc6455.core.frame;

import java.nio.ByteBuffer;

/**
 * Receives what a {@link FrameParser} finds. For every frame the parser calls {@link #onFrameHeader} once and then
 * {@link #onFramePayload} one or more times (once with an empty buffer for an empty payload), the last time with
 * {@code frameComplete} true. After {@link #onFrameError} nothing more is called.
 *
 * <p>Called on the thread that calls {@link FrameParser#parse}.
 */
public interface FrameListener {
    /**
     * A frame header was parsed and passed the frame-level checks of RFC 6455 section 5.2.
     *
     * @param fin the FIN bit: this is the final fragment of a message
     * @param rsv the RSV1-3 bits in their header positions ({@code 0x40}, {@code 0x20}, {@code 0x10})
     * @param opcode the 4-bit opcode, see {@link Opcode}
     * @param payloadLength the payload length announced by the header
     */
    void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength);

    /**
     * A chunk of the current frame's payload, already unmasked. The chunk lies between the buffer's position and
     * limit; it is valid only during the call, and the listener may read it (moving the position) but must not keep
     * a reference. The parser restores the buffer's limit and moves its position past the chunk afterwards.
     *
     * @param payload the buffer holding the chunk
     * @param frameComplete true when this chunk ends the frame
     */
    void onFramePayload(ByteBuffer payload, boolean frameComplete);

    /**
     * The input violates RFC 6455 or a configured limit; the parser has stopped.
     *
     * @param closeCode the status code to fail the connection with ({@link CloseCodes#PROTOCOL_ERROR} or
     *                  {@link CloseCodes#MESSAGE_TOO_BIG})
     * @param message what was wrong
     */
    void onFrameError(int closeCode, String message);
}
