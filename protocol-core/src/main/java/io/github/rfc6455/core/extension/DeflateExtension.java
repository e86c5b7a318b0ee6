package io.github.rfc6455.core.extension;

import java.nio.ByteBuffer;

/**
 * permessage-deflate in use on one connection (RFC 7692 section 7): a {@link MessageDeflater} for what this side
 * sends and a {@link MessageInflater} for what it receives, configured by the negotiation, and the size below which a
 * message is sent uncompressed (section 6: any message may be).
 *
 * <p>Not thread-safe as a whole; its two halves are independent, so the engine may decode on its receiving thread
 * while it encodes under its send lock.
 */
final class DeflateExtension implements MessageExtension {
    /** RSV1 in a frame header's first byte: "Per-Message Compressed" (RFC 7692 section 6). */
    static final int RSV1 = 0x40;

    private final MessageDeflater deflater;
    private final MessageInflater inflater;
    private final int threshold;

    /**
     * @param deflater the sending half
     * @param inflater the receiving half
     * @param threshold the smallest message compressed
     */
    DeflateExtension(MessageDeflater deflater, MessageInflater inflater, int threshold) {
        this.deflater = deflater;
        this.inflater = inflater;
        this.threshold = threshold;
    }

    @Override
    public int rsvBits() {
        return RSV1;
    }

    @Override
    public int decode(ByteBuffer chunk, boolean endOfMessage, DecodedSink sink) {
        return inflater.decode(chunk, endOfMessage, sink);
    }

    @Override
    public boolean shouldEncode(int length, boolean text) {
        return length >= threshold;
    }

    /**
     * Compresses the message, or returns null when that does not make it smaller (random or already compressed data):
     * it then goes out uncompressed, as section 6 allows, which also keeps a message at the peer's size limit within
     * that limit.
     */
    @Override
    public ByteBuffer encode(ByteBuffer payload) {
        int start = payload.position();
        int length = payload.remaining();
        ByteBuffer compressed = deflater.encode(payload);
        if (compressed.remaining() < length) {
            return compressed;
        }
        deflater.forgetLastMessage();
        payload.position(start);
        return null;
    }

    @Override
    public void close() {
        inflater.close();
        deflater.close();
    }

    /** @return the sending half (for tests) */
    MessageDeflater deflater() {
        return deflater;
    }

    /** @return the receiving half (for tests) */
    MessageInflater inflater() {
        return inflater;
    }

    @Override
    public String toString() {
        return "permessage-deflate[send: " + (deflater.blockSize() == 0 ? "32768-byte window" : "blocks of "
                + deflater.blockSize()) + (deflater.keepsContext() ? ", context kept" : ", no context")
                + "; receive: " + (inflater.keepsContext() ? "context kept" : "no context") + "; threshold "
                + threshold + "]";
    }
}
