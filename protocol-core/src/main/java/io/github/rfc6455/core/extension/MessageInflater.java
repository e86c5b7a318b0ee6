package io.github.rfc6455.core.extension;

import io.github.rfc6455.core.frame.CloseCodes;
import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The receiving half of permessage-deflate on one connection (RFC 7692 section 7.2.2): inflates a compressed message
 * chunk by chunk as its frames arrive, appends the removed {@code 00 00 FF FF} at its end, and hands the output on
 * in steps of at most {@value #WINDOW} bytes, so the receiver's size limit stops a message that inflates beyond it
 * (a "deflate bomb") after at most one more step, whatever the compression ratio.
 *
 * <p><b>Strictness.</b> Invalid DEFLATE data fails with 1007. A message whose DEFLATE stream ends with a final block
 * ({@code BFINAL} set, the example of section 7.2.3.4) may be followed only by what a compliant sender appends to
 * it: at most one zero byte, the start of the empty stored block whose last four bytes were removed; any other byte
 * after the final block fails with 1007. Data still inside a block when the message ends is allowed: more blocks may
 * follow in the next message. An empty compressed message is the empty message. After a final block the next
 * message starts with a fresh inflater, as the sender's deflater must also have started afresh.
 *
 * <p><b>Context and memory.</b> When the peer keeps its context (context takeover), the inflater is kept for the
 * connection, created at the first compressed message: about 7 KiB of zlib state plus its 32 KiB window, native,
 * until {@link #close}. When the peer resets it ({@code *_no_context_takeover} for its side), the inflater is borrowed
 * from a shared pool for one message and reset on its return, so an idle connection holds none. The output window is
 * borrowed from a shared pool for the duration of one {@link #decode} call.
 *
 * <p>Not thread-safe: the engine calls it from the connection's receiving thread.
 */
final class MessageInflater {
    /** The most bytes handed to the sink in one step. */
    static final int WINDOW = 16 * 1024;

    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};
    private static final byte[] NOTHING = new byte[0];
    /** Internal result: the extension was closed by a sink call; stop without a close code. */
    private static final int STOP = -1;

    private static final ZlibPool<Inflater> INFLATERS = new ZlibPool<>(ZlibPool.DEFAULT_CAPACITY,
            () -> new Inflater(true), Inflater::reset, Inflater::end);
    private static final ZlibPool<ByteBuffer> WINDOWS = new ZlibPool<>(ZlibPool.DEFAULT_CAPACITY,
            () -> ByteBuffer.allocate(WINDOW), ByteBuffer::clear, buffer -> { });

    private final boolean keepContext;
    private Inflater inflater;
    private boolean inMessage;
    private boolean emptySoFar;
    /** -1 while the DEFLATE stream goes on; once a final block ended, the message bytes seen after it. */
    private int afterFinal = -1;
    private boolean decoding;
    private boolean closed;

    /** @param peerNoContextTakeover true when the peer resets its context for every message (section 7.1.1) */
    MessageInflater(boolean peerNoContextTakeover) {
        this.keepContext = !peerNoContextTakeover;
    }

    /**
     * Decodes the next chunk of a compressed message; see {@link MessageExtension#decode}.
     *
     * @param chunk the next bytes of the message as received; consumed
     * @param endOfMessage true when the chunk ends the message
     * @param sink receives the inflated bytes
     * @return 0, the sink's close code, or 1007 for invalid DEFLATE data
     * @throws IllegalStateException after {@link #close}
     */
    int decode(ByteBuffer chunk, boolean endOfMessage, MessageExtension.DecodedSink sink) {
        if (closed) {
            throw new IllegalStateException("permessage-deflate is closed");
        }
        if (!inMessage) {
            begin();
        }
        ByteBuffer window = WINDOWS.take();
        decoding = true;
        int code;
        try {
            code = inflate(chunk, window, sink);
            if (code == 0) {
                if (endOfMessage) {
                    code = finish(window, sink);
                } else if (window.position() > 0) {
                    code = deliver(window, sink, false);
                }
            }
        } catch (DataFormatException e) {
            code = CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
        } finally {
            decoding = false;
            WINDOWS.give(window);
        }
        if (closed) {
            release(); // a sink call closed the connection
            chunk.position(chunk.limit());
            return 0;
        }
        if (code != 0) {
            chunk.position(chunk.limit());
        }
        if (code != 0 || endOfMessage) {
            end(code == 0);
        }
        return code;
    }

    /** Releases the inflater held; deferred to the end of the current {@link #decode} when called from its sink. */
    void close() {
        closed = true;
        if (!decoding) {
            release();
        }
    }

    /** @return true when the inflater is kept between messages (the peer uses context takeover) */
    boolean keepsContext() {
        return keepContext;
    }

    /** @return true when an inflater is held now (for tests: between messages only with context takeover) */
    boolean holdsInflater() {
        return inflater != null;
    }

    private void begin() {
        inMessage = true;
        emptySoFar = true;
        afterFinal = -1;
        if (inflater == null) {
            inflater = keepContext ? new Inflater(true) : INFLATERS.take();
        }
    }

    private int inflate(ByteBuffer chunk, ByteBuffer window, MessageExtension.DecodedSink sink)
            throws DataFormatException {
        if (!chunk.hasRemaining()) {
            return 0;
        }
        emptySoFar = false;
        if (afterFinal >= 0) {
            return checkAfterFinal(chunk);
        }
        inflater.setInput(chunk);
        return run(window, sink, chunk);
    }

    /** Appends {@code 00 00 FF FF} (section 7.2.2), inflates it and hands on the message's last bytes. */
    private int finish(ByteBuffer window, MessageExtension.DecodedSink sink) throws DataFormatException {
        if (!emptySoFar && afterFinal < 0) {
            inflater.setInput(TAIL);
            int code = run(window, sink, null);
            if (code != 0) {
                return code;
            }
        }
        return deliver(window, sink, true);
    }

    /**
     * Inflates the inflater's input into the window, handing on every full window.
     *
     * @param chunk the message bytes being inflated, or null while inflating the appended tail
     */
    private int run(ByteBuffer window, MessageExtension.DecodedSink sink, ByteBuffer chunk)
            throws DataFormatException {
        while (true) {
            int produced = inflater.inflate(window);
            if (inflater.finished()) {
                afterFinal = 0;
                return chunk == null ? 0 : checkAfterFinal(chunk);
            }
            if (!window.hasRemaining()) {
                int code = deliver(window, sink, false);
                if (code != 0) {
                    return code;
                }
            } else if (inflater.needsInput()) {
                return 0;
            } else if (produced == 0) {
                return CloseCodes.INVALID_FRAME_PAYLOAD_DATA; // wants a preset dictionary: not raw DEFLATE
            }
        }
    }

    /** After a final block: at most one zero byte may follow (section 7.2.3.4). */
    private int checkAfterFinal(ByteBuffer chunk) {
        while (chunk.hasRemaining()) {
            if (chunk.get() != 0 || ++afterFinal > 1) {
                return CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
            }
        }
        return 0;
    }

    private int deliver(ByteBuffer window, MessageExtension.DecodedSink sink, boolean endOfMessage) {
        window.flip();
        int code = sink.accept(window, endOfMessage);
        window.clear();
        return closed ? STOP : code;
    }

    private void end(boolean success) {
        inMessage = false;
        if (inflater != null) {
            if (!keepContext) {
                INFLATERS.give(inflater);
                inflater = null;
            } else if (!success || afterFinal >= 0) {
                inflater.reset();
            } else {
                inflater.setInput(NOTHING); // drop the reference to the engine's buffer
            }
        }
        afterFinal = -1;
    }

    private void release() {
        inMessage = false;
        if (inflater != null) {
            if (keepContext) {
                inflater.end();
            } else {
                INFLATERS.give(inflater);
            }
            inflater = null;
        }
    }
}
