package io.github.rfc6455.core.extension;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;

/**
 * The sending half of permessage-deflate on one connection (RFC 7692 section 7.2.1): compresses a whole message with
 * raw DEFLATE, ends it with a sync flush and removes the flush's trailing {@code 00 00 FF FF}.
 *
 * <p><b>Window size.</b> The JDK's {@link Deflater} always uses a 32 KiB LZ77 window. When the negotiated window of
 * this side is smaller, 2^N bytes with N below 15, the message is compressed in blocks of at most 2^N bytes with a
 * {@link Deflater#FULL_FLUSH} after each and a fresh (reset) deflater at its start. A full flush clears zlib's match
 * history, so no back-reference reaches beyond the start of its block: every distance is at most 2^N - 1, which also
 * keeps N = 8 inside 255 bytes (zlib itself would widen a raw 8-bit window to 9 bits). Resetting the context more
 * often than negotiated is allowed (RFC 7692 section 7.2.1: the sender chooses its back-references), so every peer
 * restriction from 8 to 15 bits can be accepted and honoured.
 *
 * <p><b>Context and memory.</b> With context takeover and a 32 KiB window the deflater is kept for the connection,
 * created at the first compressed message: about 256 KiB of zlib native memory at levels 1 to 9 (window 64 KiB, hash
 * chains 128 KiB, pending buffer 64 KiB), until {@link #close}. With no context takeover, or a window below 15 bits
 * (which resets anyway), the deflater is borrowed from a shared pool per level for the duration of one message and
 * reset on its return, so an idle connection holds none. The output goes to a per-thread scratch buffer (kept up to
 * {@value #MAX_RETAINED_SCRATCH} bytes), never to per-connection memory.
 *
 * <p>Not thread-safe: the engine calls it under its send lock.
 */
final class MessageDeflater {
    /** The largest scratch buffer a thread keeps between messages; larger messages get a buffer of their own. */
    static final int MAX_RETAINED_SCRATCH = 256 * 1024;

    private static final byte[] NOTHING = new byte[0];
    private static final List<ZlibPool<Deflater>> POOLS = pools();
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private final int level;
    private final int blockSize;
    private final boolean keepContext;
    private Deflater deflater;
    private boolean closed;

    /**
     * @param level the compression level, 0 to 9
     * @param windowBits the LZ77 window this side may use, 8 to 15 (RFC 7692 section 7.1.2)
     * @param noContextTakeover true when this side must not use the previous messages (section 7.1.1)
     */
    MessageDeflater(int level, int windowBits, boolean noContextTakeover) {
        this.level = level;
        this.blockSize = windowBits >= DeflateParameters.MAX_WINDOW_BITS ? 0 : 1 << windowBits;
        this.keepContext = !noContextTakeover && blockSize == 0;
    }

    /**
     * Compresses a whole message (RFC 7692 section 7.2.1).
     *
     * @param payload the message between position and limit; consumed
     * @return the compressed payload without the trailing {@code 00 00 FF FF}, valid until this thread compresses
     *     the next message
     * @throws IllegalStateException after {@link #close}
     */
    ByteBuffer encode(ByteBuffer payload) {
        if (closed) {
            throw new IllegalStateException("permessage-deflate is closed");
        }
        Deflater d = keepContext ? held() : POOLS.get(level).take();
        boolean done = false;
        try {
            Scratch scratch = SCRATCH.get();
            ByteBuffer out = scratch.start(payload.remaining());
            if (blockSize == 0) {
                d.setInput(payload);
                out = deflate(d, out, Deflater.SYNC_FLUSH, scratch);
            } else {
                int end = payload.limit();
                while (payload.position() < end) {
                    payload.limit(Math.min(end, payload.position() + blockSize));
                    d.setInput(payload);
                    out = deflate(d, out, Deflater.FULL_FLUSH, scratch);
                }
                payload.limit(end);
            }
            out = withoutTail(out);
            done = true;
            return out;
        } finally {
            if (!keepContext) {
                POOLS.get(level).give(d);
            } else if (done) {
                d.setInput(NOTHING); // drop the reference to the caller's buffer
            } else {
                // The peer cannot know how far this stream got: start the next message from a fresh context.
                d.end();
                deflater = null;
            }
        }
    }

    /**
     * Forgets the message just compressed, for when it is sent uncompressed after all: the peer's window never sees
     * it, so ours must not refer to it. The next message starts from an empty context (allowed: section 7.1.1.1).
     */
    void forgetLastMessage() {
        if (deflater != null) {
            deflater.reset();
        }
    }

    /** Releases the deflater held for context takeover. Idempotent. */
    void close() {
        closed = true;
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
    }

    /** @return true when this side keeps its compression context between messages */
    boolean keepsContext() {
        return keepContext;
    }

    /** @return true when a deflater is held now (for tests: only with context takeover) */
    boolean holdsDeflater() {
        return deflater != null;
    }

    /** @return the block size between full flushes, or 0 when a message is compressed in one go */
    int blockSize() {
        return blockSize;
    }

    private Deflater held() {
        if (deflater == null) {
            deflater = new Deflater(level, true);
        }
        return deflater;
    }

    /** Runs the deflater over its whole input with {@code flush}, growing the output as needed. */
    private static ByteBuffer deflate(Deflater d, ByteBuffer out, int flush, Scratch scratch) {
        while (true) {
            d.deflate(out, flush);
            if (out.hasRemaining()) {
                return out; // zlib stops a flush early only when the output is full
            }
            out = scratch.grow(out);
        }
    }

    /** Flips the output and cuts the sync flush's {@code 00 00 FF FF} (section 7.2.1). */
    private static ByteBuffer withoutTail(ByteBuffer out) {
        out.flip();
        int n = out.limit();
        if (n == 0) {
            // zlib writes nothing for an empty message after a flush; the empty stored block's first byte stands in.
            out.limit(1);
            out.put(0, (byte) 0);
            return out;
        }
        if (n < 4 || out.get(n - 4) != 0 || out.get(n - 3) != 0 || out.get(n - 2) != (byte) 0xFF
                || out.get(n - 1) != (byte) 0xFF) {
            throw new IllegalStateException("deflate output does not end with a sync flush");
        }
        out.limit(n - 4);
        return out;
    }

    private static List<ZlibPool<Deflater>> pools() {
        List<ZlibPool<Deflater>> pools = new ArrayList<>(10);
        for (int level = 0; level <= 9; level++) {
            int l = level;
            pools.add(new ZlibPool<>(ZlibPool.DEFAULT_CAPACITY, () -> new Deflater(l, true), Deflater::reset,
                    Deflater::end));
        }
        return List.copyOf(pools);
    }

    /** One thread's output buffer. Thread-confined. */
    private static final class Scratch {
        private ByteBuffer retained = ByteBuffer.allocate(0);

        /** @return an empty buffer (write mode) large enough for most compressions of that many bytes */
        ByteBuffer start(int payloadLength) {
            long wanted = payloadLength + (payloadLength >>> 3) + 64L;
            if (retained.capacity() >= wanted) {
                return retained.clear();
            }
            return allocate(wanted);
        }

        /** @return a larger buffer holding what {@code full} holds, in write mode */
        ByteBuffer grow(ByteBuffer full) {
            ByteBuffer larger = allocate(2L * full.capacity());
            return larger.put(full.flip());
        }

        private ByteBuffer allocate(long capacity) {
            if (capacity > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("message too large to compress");
            }
            ByteBuffer buffer = ByteBuffer.allocate((int) capacity);
            if (capacity <= MAX_RETAINED_SCRATCH) {
                retained = buffer;
            }
            return buffer;
        }
    }
}
