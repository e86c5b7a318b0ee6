package io.github.rfc6455.core.extension;

import com.jcraft.jzlib.GZIPException;
import com.jcraft.jzlib.Inflater;
import com.jcraft.jzlib.JZlib;
import java.util.Arrays;

/**
 * jzlib (a Java port of zlib) as a window-restricted reference decoder: a raw inflater whose circular window is
 * {@code 2^windowBits} bytes, as a peer with that {@code *_max_window_bits} may allocate. A back-reference beyond that
 * window reads the wrong bytes, so the output no longer matches the message.
 *
 * <p>Not thread-safe.
 */
final class JzlibInflater {
    private final Inflater inflater;

    /** @param windowBits 8 to 15 */
    JzlibInflater(int windowBits) {
        try {
            inflater = new Inflater(windowBits, true);
        } catch (GZIPException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Inflates one permessage-deflate payload with {@code 00 00 FF FF} appended (RFC 7692 section 7.2.2).
     *
     * @param payload the compressed payload
     * @param expectedLength the length of the message (room for the output)
     * @return the inflated bytes
     */
    byte[] inflateMessage(byte[] payload, int expectedLength) {
        byte[] in = Arrays.copyOf(payload, payload.length + 4);
        in[payload.length + 2] = (byte) 0xFF;
        in[payload.length + 3] = (byte) 0xFF;
        byte[] out = new byte[expectedLength + 1024];
        inflater.setInput(in);
        inflater.setOutput(out);
        int rc = inflater.inflate(JZlib.Z_SYNC_FLUSH);
        if (rc != JZlib.Z_OK && rc != JZlib.Z_BUF_ERROR) {
            throw new AssertionError("jzlib inflate failed: " + rc + " " + inflater.msg);
        }
        if (inflater.avail_in != 0) {
            throw new AssertionError("jzlib left " + inflater.avail_in + " bytes unread");
        }
        return Arrays.copyOf(out, inflater.next_out_index);
    }

    /** Releases jzlib's state. */
    void end() {
        inflater.end();
    }
}
