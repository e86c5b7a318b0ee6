package io.github.rfc6455.client;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the pieces of a text message (already validated UTF-8, RFC 6455 section 8.1) into strings that end on a
 * character boundary: the bytes of a character split between two pieces (at most three) wait for the next piece.
 *
 * <p>Not thread-safe: one per connection, on its event loop.
 */
final class TextFrames {
    private final byte[] carry = new byte[3];
    private int carried;
    private byte[] scratch = new byte[0];

    /**
     * @param piece the next bytes of the message (consumed)
     * @param last true for the message's last piece
     * @return the characters complete so far
     */
    String decode(ByteBuffer piece, boolean last) {
        int n = piece.remaining();
        int total = carried + n;
        if (scratch.length < total) {
            scratch = new byte[Math.max(total, Math.min(2 * scratch.length, 1 << 16))];
        }
        System.arraycopy(carry, 0, scratch, 0, carried);
        piece.get(scratch, carried, n);
        int complete = last ? total : completeLength(scratch, total);
        carried = total - complete;
        System.arraycopy(scratch, complete, carry, 0, carried);
        String text = new String(scratch, 0, complete, StandardCharsets.UTF_8);
        if (scratch.length > 1 << 16) {
            scratch = new byte[0]; // do not keep a large message's buffer
        }
        return text;
    }

    /** @return the length of the longest prefix that ends on a character boundary */
    private static int completeLength(byte[] bytes, int length) {
        for (int back = 1; back <= 3 && back <= length; back++) {
            int b = bytes[length - back] & 0xFF;
            if (b < 0x80) {
                return length; // ASCII: complete
            }
            if (b >= 0xC0) { // a lead byte: is its sequence complete?
                int needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return back >= needed ? length : length - back;
            }
        }
        return length;
    }

    /** Forgets a partial character (the message ended or the connection closed). */
    void reset() {
        carried = 0;
    }
}
