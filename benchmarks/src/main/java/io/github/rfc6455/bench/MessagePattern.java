package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The content of the load tool's messages, chosen so every echoed byte can be checked cheaply, in content and order.
 * Message number {@code seq} of a connection is ASCII (valid UTF-8, so it also serves as text): when the message is
 * at least {@value #SEQ_DIGITS} bytes long it starts with {@code seq} written in {@value #SEQ_DIGITS} base-64 digits,
 * and every other byte {@code i} is {@code ALPHABET[(seq + i) mod 64]}. A lost, repeated, reordered or corrupted
 * message therefore fails the check.
 *
 * <p>Immutable and thread-safe.
 */
final class MessagePattern {
    static final int SEQ_DIGITS = 12;
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".getBytes(StandardCharsets.US_ASCII);

    private final int size;
    private final int digits;
    /** {@code ALPHABET[i mod 64]} for i in [0, size + 64): message seq's byte i is {@code template[(seq & 63) + i]}. */
    private final byte[] template;

    /** @param size the message length in bytes */
    MessagePattern(int size) {
        this.size = size;
        this.digits = size >= SEQ_DIGITS ? SEQ_DIGITS : 0;
        this.template = new byte[size + 64];
        for (int i = 0; i < template.length; i++) {
            template[i] = ALPHABET[i & 63];
        }
    }

    /** @return the message length in bytes */
    int size() {
        return size;
    }

    /** @return a heap buffer over the expected-bytes template, for {@link #matches} (one per thread) */
    ByteBuffer newTemplateView() {
        return ByteBuffer.wrap(template).asReadOnlyBuffer();
    }

    /**
     * Writes message {@code seq} at the buffer's position and advances it.
     *
     * @param out where to write; needs {@link #size()} bytes remaining
     * @param seq the message number
     */
    void write(ByteBuffer out, long seq) {
        int pos = out.position();
        for (int i = 0; i < digits; i++) {
            out.put(pos + i, digit(seq, i));
        }
        out.put(pos + digits, template, (int) (seq & 63) + digits, size - digits);
        out.position(pos + size);
    }

    /**
     * Checks that the bytes between the chunk's position and limit are bytes {@code [offset, offset + n)} of message
     * {@code seq}. Moves the chunk's position.
     *
     * @param chunk received bytes
     * @param seq the message number they must belong to
     * @param offset where in the message the chunk starts
     * @param templateView this thread's {@link #newTemplateView()}
     * @return true when every byte is as sent
     */
    boolean matches(ByteBuffer chunk, long seq, int offset, ByteBuffer templateView) {
        int n = chunk.remaining();
        if (offset + n > size) {
            return false;
        }
        int pos = chunk.position();
        int i = offset;
        for (; i < digits && pos < chunk.limit(); i++, pos++) {
            if (chunk.get(pos) != digit(seq, i)) {
                return false;
            }
        }
        if (pos == chunk.limit()) {
            return true;
        }
        int from = (int) (seq & 63) + i;
        templateView.limit(from + chunk.limit() - pos).position(from);
        chunk.position(pos);
        return chunk.mismatch(templateView) == -1;
    }

    private static byte digit(long seq, int i) {
        int shift = 6 * (SEQ_DIGITS - 1 - i);
        return ALPHABET[shift >= 64 ? 0 : (int) (seq >>> shift) & 63];
    }
}
