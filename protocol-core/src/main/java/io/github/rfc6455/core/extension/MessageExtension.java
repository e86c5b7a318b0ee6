package io.github.rfc6455.core.extension;

import java.nio.ByteBuffer;

/**
 * A per-message extension in use on one connection (RFC 6455 section 9, e.g. permessage-deflate of RFC 7692): it
 * transforms whole messages and marks them with an RSV bit on their first frame. The engine calls it for inbound
 * messages whose first frame carries {@link #rsvBits()}, and for outbound messages it chooses to transform.
 *
 * <p>Not thread-safe: the engine calls the inbound side from its receiving thread and the outbound side under its
 * send lock; an implementation keeps inbound and outbound state apart.
 */
public interface MessageExtension {

    /** Receives decoded bytes from {@link MessageExtension#decode}. */
    @FunctionalInterface
    interface DecodedSink {
        /**
         * Takes decoded bytes (between position and limit, valid only during the call).
         *
         * @param decoded the next decoded bytes of the message
         * @param endOfMessage true with the last decoded bytes of the message
         * @return 0 to go on, or a close code (e.g. 1009, 1007) that stops decoding and is returned by
         *         {@link MessageExtension#decode}
         */
        int accept(ByteBuffer decoded, boolean endOfMessage);
    }

    /** @return the RSV bits this extension sets on a message's first frame, in header position (RSV1 = 0x40) */
    int rsvBits();

    /**
     * Decodes the next chunk of an inbound message whose first frame carried {@link #rsvBits()}. Decoded bytes go to
     * {@code sink} in bounded steps, so that a small input that decodes to a huge output is stopped by the sink's size
     * limit before it is held in memory.
     *
     * @param chunk the next bytes of the message as received (position to limit); consumed
     * @param endOfMessage true when the chunk ends the message
     * @param sink receives the decoded bytes; must be called with {@code endOfMessage} true exactly once per message
     * @return 0 on success, the sink's close code if it returned one, or 1007 when the input cannot be decoded
     */
    int decode(ByteBuffer chunk, boolean endOfMessage, DecodedSink sink);

    /**
     * @param length the payload length of an outbound message
     * @param text whether it is a text message
     * @return true to {@link #encode} it, false to send it untransformed (RFC 7692 section 6: any message may be sent
     *         uncompressed)
     */
    boolean shouldEncode(int length, boolean text);

    /**
     * Encodes the whole payload of an outbound message.
     *
     * @param payload the message bytes between position and limit; consumed, unless the result is null
     * @return the encoded bytes between position and limit, valid until the next call to this method on this thread
     *     (of this or another extension: an implementation may encode into per-thread scratch memory, so that idle
     *     connections hold none); the engine copies them into frames at once. Or null to send this message
     *     untransformed after all: the payload's position is then as it was, and the extension keeps its state as
     *     if the peer never saw the message (e.g. a compressor resets its context)
     */
    ByteBuffer encode(ByteBuffer payload);

    /** Releases what the extension holds (native zlib memory, pooled buffers); called once when the connection ends. */
    void close();
}
