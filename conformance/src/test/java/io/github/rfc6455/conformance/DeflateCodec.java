package io.github.rfc6455.conformance;

import com.jcraft.jzlib.JZlib;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The kit's own permessage-deflate (RFC 7692 section 7.2) for one connection end, independent of protocol-core.
 *
 * <p>With the default 15-bit window it uses {@code java.util.zip}. With a smaller negotiated window it uses jzlib,
 * which supports window bits: the kit then compresses within the window the peer allowed, and inflates the peer's
 * messages with a decoder whose window is exactly the one the kit allowed, so a peer that ignores a window limit gets
 * its back-references resolved against the wrong bytes and the echo check of the case fails (stricter than the
 * official suite, which inflates with a full window).
 *
 * <p>Not thread-safe.
 */
final class DeflateCodec {

    /** The four octets every sync-flushed message ends with, removed on send (RFC 7692 section 7.2.1). */
    private static final byte[] TAIL = {0, 0, (byte) 0xFF, (byte) 0xFF};
    /** Upper bound of one inflated message, so a compression bomb cannot exhaust the kit. */
    static final int MAX_INFLATED = 64 << 20;

    private final int ownWindow;
    private final boolean ownNoContext;
    private final int peerWindow;
    private final boolean peerNoContext;

    private Deflater jdkDeflater;
    private com.jcraft.jzlib.Deflater jzDeflater;
    private Inflater jdkInflater;
    private com.jcraft.jzlib.Inflater jzInflater;

    DeflateCodec(DeflateParams params, boolean isServer) {
        this.ownWindow = isServer ? params.serverMaxWindowBits() : params.clientMaxWindowBits();
        this.ownNoContext = isServer ? params.serverNoContextTakeover() : params.clientNoContextTakeover();
        this.peerWindow = isServer ? params.clientMaxWindowBits() : params.serverMaxWindowBits();
        this.peerNoContext = isServer ? params.clientNoContextTakeover() : params.serverNoContextTakeover();
    }

    /** Compresses one whole message; the result lacks the trailing {@code 00 00 FF FF}. */
    byte[] compress(byte[] message) {
        byte[] flushed = ownWindow >= DeflateOffer.MAX_WINDOW_BITS ? compressJdk(message, Deflater.DEFAULT_STRATEGY)
                : ownWindow < 9 ? compressJdk(message, Deflater.HUFFMAN_ONLY) // no back-references fit any window
                : compressJzlib(message);
        if (flushed.length >= 4 && Arrays.equals(flushed, flushed.length - 4, flushed.length, TAIL, 0, 4)) {
            return Arrays.copyOf(flushed, flushed.length - 4);
        }
        return flushed;
    }

    private byte[] compressJdk(byte[] message, int strategy) {
        if (jdkDeflater == null || ownNoContext) {
            if (jdkDeflater != null) {
                jdkDeflater.end();
            }
            jdkDeflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            jdkDeflater.setStrategy(strategy);
        }
        jdkDeflater.setInput(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
        byte[] buf = new byte[Math.max(1024, Math.min(message.length + 64, 1 << 16))];
        // a strategy change makes the first call flush the old parameters only: go on until the sync-flush tail
        for (int guard = 0; guard < 1_000_000; guard++) {
            int n = jdkDeflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
            out.write(buf, 0, n);
            if (n < buf.length && jdkDeflater.needsInput() && endsWithTail(out.toByteArray())) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static boolean endsWithTail(byte[] bytes) {
        return bytes.length >= 4 && Arrays.equals(bytes, bytes.length - 4, bytes.length, TAIL, 0, 4);
    }

    private byte[] compressJzlib(byte[] message) {
        if (jzDeflater == null || ownNoContext) {
            jzDeflater = new com.jcraft.jzlib.Deflater();
            int rc = jzDeflater.init(JZlib.Z_DEFAULT_COMPRESSION, ownWindow, true);
            if (rc != JZlib.Z_OK) {
                throw new IllegalStateException("jzlib deflateInit failed: " + rc);
            }
        }
        jzDeflater.setInput(message, 0, message.length, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length / 2 + 64);
        byte[] buf = new byte[1 << 16];
        while (true) {
            jzDeflater.setOutput(buf, 0, buf.length);
            int rc = jzDeflater.deflate(JZlib.Z_SYNC_FLUSH);
            if (rc != JZlib.Z_OK && rc != JZlib.Z_BUF_ERROR) {
                throw new IllegalStateException("jzlib deflate failed: " + rc + " " + jzDeflater.msg);
            }
            out.write(buf, 0, jzDeflater.next_out_index);
            if (jzDeflater.avail_out > 0) {
                break;
            }
        }
        return out.toByteArray();
    }

    /**
     * Inflates one whole message (the concatenated payloads of its frames).
     *
     * @throws DataFormatException when the data is not valid DEFLATE or inflates beyond {@link #MAX_INFLATED}
     */
    byte[] decompress(byte[] compressed) throws DataFormatException {
        byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
        System.arraycopy(TAIL, 0, input, compressed.length, 4);
        return peerWindow >= DeflateOffer.MAX_WINDOW_BITS ? inflateJdk(input) : inflateJzlib(input);
    }

    private byte[] inflateJdk(byte[] input) throws DataFormatException {
        if (jdkInflater == null || peerNoContext || jdkInflater.finished()) {
            if (jdkInflater != null) {
                jdkInflater.end();
            }
            jdkInflater = new Inflater(true);
        }
        jdkInflater.setInput(input);
        byte[] buf = new byte[Math.max(1024, Math.min(input.length * 4, 1 << 20))];
        int pos = 0;
        while (true) {
            if (pos == buf.length) {
                buf = grow(buf);
            }
            int n = jdkInflater.inflate(buf, pos, buf.length - pos);
            pos += n;
            if (n == 0) {
                if (jdkInflater.needsDictionary()) {
                    throw new DataFormatException("inflater asks for a preset dictionary");
                }
                if (jdkInflater.finished() || jdkInflater.needsInput()) {
                    break;
                }
            }
        }
        return Arrays.copyOf(buf, pos);
    }

    private byte[] inflateJzlib(byte[] input) throws DataFormatException {
        if (jzInflater == null || peerNoContext) {
            jzInflater = new com.jcraft.jzlib.Inflater();
            int rc = jzInflater.init(peerWindow, true);
            if (rc != JZlib.Z_OK) {
                throw new DataFormatException("jzlib inflateInit failed: " + rc);
            }
        }
        jzInflater.setInput(input, 0, input.length, false);
        byte[] buf = new byte[Math.max(1024, Math.min(input.length * 4, 1 << 20))];
        int pos = 0;
        while (true) {
            if (pos == buf.length) {
                buf = grow(buf);
            }
            jzInflater.setOutput(buf, pos, buf.length - pos);
            int rc = jzInflater.inflate(JZlib.Z_SYNC_FLUSH);
            pos = jzInflater.next_out_index;
            if (rc == JZlib.Z_STREAM_END) {
                jzInflater = null;
                break;
            }
            if (rc != JZlib.Z_OK && rc != JZlib.Z_BUF_ERROR) {
                throw new DataFormatException("invalid DEFLATE data: " + jzInflater.msg);
            }
            if (jzInflater.avail_in == 0 && jzInflater.avail_out > 0) {
                break;
            }
            if (rc == JZlib.Z_BUF_ERROR && jzInflater.avail_out > 0) {
                break;
            }
        }
        return Arrays.copyOf(buf, pos);
    }

    private static byte[] grow(byte[] buf) throws DataFormatException {
        if (buf.length >= MAX_INFLATED) {
            throw new DataFormatException("message inflates beyond " + MAX_INFLATED + " octets");
        }
        return Arrays.copyOf(buf, Math.min(MAX_INFLATED, buf.length * 2));
    }

    /** Releases native zlib memory. */
    void close() {
        if (jdkDeflater != null) {
            jdkDeflater.end();
        }
        if (jdkInflater != null) {
            jdkInflater.end();
        }
    }
}
