package io.github.rfc6455.core.tls;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

/**
 * A sans-I/O TLS layer over a caller-built {@link SSLEngine}, for {@code wss} connections (RFC 6455 sections 3 and
 * 4.1): the caller hands in the bytes it read from the network and gets application bytes back through a sink; it
 * hands in application bytes and writes what {@link #output()} holds. The adapter drives the handshake itself.
 *
 * <p>Typical use on an event loop:
 * <pre>{@code
 * tls.begin();                                  // a client queues its ClientHello
 * // readable: read into a (shared) buffer, flip, then
 * TlsStatus s = tls.unwrap(readBuffer, engine::receive);   // consumes every byte
 * // to send: tls.wrap(frames, 0, n); whatever stays in frames did not fit: write first, then wrap again
 * while (tls.hasOutput()) { if (channel.write(tls.output()) == 0) { registerForWrite(); break; } }
 * }</pre>
 *
 * <p><b>Handshake.</b> Failures (a hostname mismatch, an untrusted certificate, garbage instead of a ClientHello) are
 * thrown as the engine's own {@link SSLException}, message kept; the alert for the peer, if any, is left in
 * {@link #output()}. Delegated tasks ({@code NEED_TASK}) run inline by default. Given an {@link Executor}, they run
 * there instead: calls then return {@link TlsStatus#AWAITING_TASK}, the callback fires on the executor's thread when
 * the tasks are done, and the caller answers every callback on its own thread with {@code unwrap(emptyBuffer, sink)}.
 * Input arriving meanwhile is kept, up to 128 KiB; stop reading while awaiting a task.
 *
 * <p><b>Closing.</b> {@link #close()} queues our close_notify. The peer's close_notify shows as
 * {@link TlsStatus#INBOUND_CLOSED} (or {@link TlsStatus#CLOSED}); a TCP end of stream is reported with {@link #eof()},
 * which tells a clean close from a truncation without throwing.
 *
 * <p><b>Memory.</b> Buffers come from a small per-thread pool and go back as soon as they are empty, so an idle
 * connection whose reads ended on a record boundary holds no buffer: its footprint is this object (about 70 bytes)
 * plus the {@code SSLEngine}'s own state (about 7 to 9 KB on JDK 17 after a TLS 1.2 or 1.3 handshake). While a
 * partial record is pending the adapter holds one buffer of {@code getPacketBufferSize()} (16.7 KB; up to a record's
 * declared size, at most 64 KiB, for a larger one the engine then rejects); while output waits for the socket it
 * holds {@code 2 * getPacketBufferSize()} (33.4 KB; unwritten handshake and alert records may grow it to 128 KiB,
 * beyond which an {@code SSLException} is thrown). Plaintext reaches the sink in a per-thread buffer borrowed only
 * for the duration of {@link #unwrap}.
 *
 * <p>Not thread-safe: confine each adapter to one thread (its event loop). Only the task callback runs elsewhere.
 */
public final class TlsAdapter {
    /** The most input kept (a partial record, or input that came while a delegated task ran). */
    static final int MAX_BUFFERED_INPUT = 128 * 1024;
    /** The largest output buffer: unwritten handshake and alert records may fill it, application data half of it. */
    static final int MAX_OUTPUT = 128 * 1024;
    private static final int HEADER = 5;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
    private static final ByteBuffer[] NO_DATA = {EMPTY};
    private static final System.Logger LOG = System.getLogger(TlsAdapter.class.getName());

    private final SSLEngine engine;
    private final Executor taskExecutor;
    private final Runnable onTaskDone;
    private final ByteBuffer[] single = new ByteBuffer[1];
    /** Received bytes not unwrapped yet (a partial record), read mode; null when none. */
    private ByteBuffer in;
    /** Network bytes to write, read mode; null when none. */
    private ByteBuffer out;
    /** Plaintext being collected during one unwrap call; null outside it. */
    private ByteBuffer app;
    private boolean begun;
    private boolean handshakeDone;
    private volatile boolean taskRunning;
    private volatile Throwable taskFailure;

    /**
     * An adapter that runs delegated tasks inline.
     *
     * @param engine a new engine, in client mode (with SNI and endpoint identification set) or server mode
     */
    public TlsAdapter(SSLEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.taskExecutor = null;
        this.onTaskDone = null;
    }

    /**
     * An adapter that runs delegated tasks on an executor, so the event loop is not blocked by key exchange and
     * signature work.
     *
     * @param engine a new engine, in client mode (with SNI and endpoint identification set) or server mode
     * @param taskExecutor where delegated tasks run
     * @param onTaskDone called on the executor's thread when the tasks are done; it must make the owning thread call
     *     {@code unwrap(emptyBuffer, sink)}, even when the status no longer says {@link TlsStatus#AWAITING_TASK}
     */
    public TlsAdapter(SSLEngine engine, Executor taskExecutor, Runnable onTaskDone) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.taskExecutor = Objects.requireNonNull(taskExecutor, "taskExecutor");
        this.onTaskDone = Objects.requireNonNull(onTaskDone, "onTaskDone");
    }

    /**
     * Starts the handshake. A client queues its ClientHello in {@link #output()}; a server waits for one. Calling it
     * is optional: the first {@link #unwrap} or {@link #wrap} starts the handshake too.
     *
     * @return the status
     * @throws SSLException when the engine fails
     */
    public TlsStatus begin() throws SSLException {
        if (!taskRunning) {
            try {
                start();
                handshakeWraps();
            } catch (SSLException e) {
                throw failed(e);
            }
        }
        return finish();
    }

    /**
     * Takes bytes read from the network. Every byte given is consumed: complete records are unwrapped in place (no
     * copy), a trailing partial record is copied and kept. Plaintext goes to the sink, in order, as a buffer in read
     * mode that is valid only during the call: the sink must consume (or copy) all of it, and may call {@link #wrap}
     * or {@link #close()} but not {@code unwrap} or {@link #release()}. Handshake messages that answer the input are
     * queued in {@link #output()}. Bytes after the peer's close_notify are discarded.
     *
     * @param netIn bytes from the network, between position and limit; an empty buffer resumes after a task
     * @param appSink receives application data
     * @return the status; the first {@link TlsStatus#OPEN} says the handshake just finished
     * @throws SSLException when the handshake fails or the input is not TLS; the message says why
     */
    public TlsStatus unwrap(ByteBuffer netIn, Consumer<? super ByteBuffer> appSink) throws SSLException {
        Objects.requireNonNull(appSink, "appSink");
        if (taskRunning) {
            keep(netIn);
            return TlsStatus.AWAITING_TASK;
        }
        try {
            start();
            while (in != null) {
                int copied = topUp(netIn);
                int used = feed(in, appSink);
                if (!in.hasRemaining()) {
                    in = BufferPool.give(in);
                } else if (copied + used == 0 || !netIn.hasRemaining() || taskRunning || engine.isInboundDone()) {
                    break;
                }
            }
            if (in == null) {
                feed(netIn, appSink);
            }
            keep(netIn);
            if (app != null && app.position() > 0) {
                deliver(appSink);
            }
            return finish();
        } catch (SSLException e) {
            throw failed(e);
        } finally {
            app = BufferPool.give(app);
        }
    }

    /**
     * Encrypts application bytes into {@link #output()}. Consumes as much as fits: when {@code src} still has bytes on
     * return, write the output and call again. Before the handshake finished, and after our close_notify, nothing is
     * consumed.
     *
     * @param src the bytes between position and limit
     * @return the status
     * @throws SSLException when the engine fails
     */
    public TlsStatus wrap(ByteBuffer src) throws SSLException {
        single[0] = src;
        try {
            return wrap(single, 0, 1);
        } finally {
            single[0] = null;
        }
    }

    /**
     * Encrypts application bytes from several buffers (a gathering wrap: small frames share one TLS record) into
     * {@link #output()}, like {@link #wrap(ByteBuffer)}.
     *
     * @param srcs the buffers
     * @param offset the first buffer to use
     * @param length how many buffers to use
     * @return the status
     * @throws SSLException when the engine fails
     */
    public TlsStatus wrap(ByteBuffer[] srcs, int offset, int length) throws SSLException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (taskRunning) {
            return TlsStatus.AWAITING_TASK;
        }
        try {
            start();
            while (handshakeWraps() && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && hasRemaining(srcs, offset, length)) {
                SSLEngineResult r = wrapInto(srcs, offset, length, false);
                if (r.getStatus() != Status.OK || r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    break;
                }
            }
        } catch (SSLException e) {
            throw failed(e);
        }
        return finish();
    }

    /**
     * Closes our sending side: queues close_notify in {@link #output()} (RFC 5246 section 7.2.1, RFC 8446 section
     * 6.1). Application bytes are no longer accepted; the peer's close_notify may still arrive through
     * {@link #unwrap}.
     *
     * @return the status
     * @throws SSLException when the engine fails
     */
    public TlsStatus close() throws SSLException {
        if (!taskRunning) {
            engine.closeOutbound();
            try {
                handshakeWraps();
            } catch (SSLException e) {
                throw failed(e);
            }
        }
        return finish();
    }

    /**
     * Reports that the network reached end of stream and closes the engine's inbound side. Never throws: an end of
     * stream without close_notify (a truncation, common after a completed WebSocket close) only returns false.
     *
     * @return true when the peer closed TLS properly (its close_notify arrived) before the end of stream
     */
    public boolean eof() {
        in = BufferPool.give(in);
        if (taskRunning) {
            return false;
        }
        boolean clean = engine.isInboundDone();
        if (!clean) {
            try {
                engine.closeInbound();
            } catch (SSLException truncated) {
                LOG.log(System.Logger.Level.DEBUG, "TLS end of stream without close_notify: {0}",
                        truncated.getMessage());
            }
        }
        return clean;
    }

    /**
     * Releases buffers that are empty and says whether network bytes wait to be written.
     *
     * @return true when {@link #output()} has bytes to write
     */
    public boolean hasOutput() {
        if (out != null && !out.hasRemaining()) {
            out = BufferPool.give(out);
        }
        return out != null;
    }

    /**
     * The network bytes to write, between position and limit. Write as many as the socket takes (advancing the
     * position), then ask {@link #hasOutput()} again. Valid until the next call on this adapter.
     *
     * @return the pending output, possibly empty
     */
    public ByteBuffer output() {
        return out != null ? out : EMPTY;
    }

    /** @return the current status */
    public TlsStatus status() {
        if (taskRunning) {
            return TlsStatus.AWAITING_TASK;
        }
        boolean inDone = engine.isInboundDone();
        boolean outDone = engine.isOutboundDone();
        if (inDone || outDone) {
            return inDone && outDone ? TlsStatus.CLOSED : inDone ? TlsStatus.INBOUND_CLOSED : TlsStatus.OUTBOUND_CLOSED;
        }
        if (!handshakeDone && begun && engine.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
            handshakeDone = true;
        }
        return handshakeDone ? TlsStatus.OPEN : TlsStatus.HANDSHAKING;
    }

    /** Drops pending input and output and returns the buffers to the pool; call when the connection is gone. */
    public void release() {
        in = BufferPool.give(in);
        out = BufferPool.give(out);
    }

    /** @return the capacity of the buffers this adapter holds right now (for tests) */
    int heldBytes() {
        return (in == null ? 0 : in.capacity()) + (out == null ? 0 : out.capacity());
    }

    private void start() throws SSLException {
        Throwable failure = taskFailure;
        if (failure != null) {
            throw new SSLException("TLS delegated task failed: " + failure, failure);
        }
        if (!begun) {
            begun = true;
            engine.beginHandshake();
        }
    }

    private TlsStatus finish() {
        hasOutput();
        return status();
    }

    /** Runs tasks and handshake wraps; false when a task runs on the executor. */
    private boolean handshakeWraps() throws SSLException {
        while (!taskRunning) { // a task that finished already lets us go on at once
            HandshakeStatus hs = engine.getHandshakeStatus();
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (hs != HandshakeStatus.NEED_WRAP) {
                return true;
            } else {
                SSLEngineResult r = wrapInto(NO_DATA, 0, 1, true);
                if (r.bytesProduced() == 0 && r.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                    return true; // no progress possible
                }
            }
        }
        return false;
    }

    /** Unwraps the records in src, handing plaintext to the sink; returns how many bytes were consumed. */
    private int feed(ByteBuffer src, Consumer<? super ByteBuffer> sink) throws SSLException {
        int consumed = 0;
        while (handshakeWraps() && src.hasRemaining() && !engine.isInboundDone()) {
            if (app == null) {
                app = BufferPool.take(engine.getSession().getApplicationBufferSize());
            }
            SSLEngineResult r = engine.unwrap(src, app);
            consumed += r.bytesConsumed();
            noteFinished(r);
            if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                if (app.position() > 0) {
                    deliver(sink);
                } else {
                    app = grow(app, Math.max(2 * app.capacity(), engine.getSession().getApplicationBufferSize()));
                }
            } else if (r.getStatus() != Status.OK || r.bytesConsumed() == 0 && r.bytesProduced() == 0
                    && r.getHandshakeStatus() != HandshakeStatus.NEED_TASK
                    && r.getHandshakeStatus() != HandshakeStatus.NEED_WRAP) {
                break; // BUFFER_UNDERFLOW: a partial record; CLOSED: close_notify came; or no progress
            }
        }
        return consumed;
    }

    private void deliver(Consumer<? super ByteBuffer> sink) {
        app.flip();
        try {
            sink.accept(app);
        } finally {
            app.clear();
        }
    }

    /** Wraps into the output buffer; handshake and alert records may grow it, application data waits for room. */
    private SSLEngineResult wrapInto(ByteBuffer[] srcs, int offset, int length, boolean handshake)
            throws SSLException {
        int packet = engine.getSession().getPacketBufferSize();
        out = out == null ? BufferPool.take(2 * packet) : toWriteMode(out);
        try {
            for (;;) {
                SSLEngineResult r = engine.wrap(srcs, offset, length, out);
                noteFinished(r);
                if (r.getStatus() != Status.BUFFER_OVERFLOW || !handshake && out.position() > 0) {
                    return r; // an overflow with pending bytes means: write them first
                }
                packet = engine.getSession().getPacketBufferSize();
                int capacity = Math.max(out.position() + 2 * packet, 2 * out.capacity());
                if (capacity > MAX_OUTPUT) {
                    throw new SSLException("TLS output would exceed " + MAX_OUTPUT + " bytes (" + out.position()
                            + " pending: not being written?)");
                }
                out = grow(out, capacity);
            }
        } finally {
            out.flip();
        }
    }

    /** Moves a write-mode buffer's bytes into a bigger one (write mode) and pools the old one. */
    private static ByteBuffer grow(ByteBuffer buffer, int capacity) {
        ByteBuffer bigger = BufferPool.take(capacity);
        bigger.put(buffer.flip());
        BufferPool.give(buffer);
        return bigger;
    }

    /** Switches a read-mode buffer to write mode after its pending bytes, without copying when they start at 0. */
    private static ByteBuffer toWriteMode(ByteBuffer buffer) {
        return buffer.position() == 0 ? buffer.position(buffer.limit()).limit(buffer.capacity()) : buffer.compact();
    }

    private void noteFinished(SSLEngineResult r) {
        if (r.getHandshakeStatus() == HandshakeStatus.FINISHED) {
            handshakeDone = true;
        }
    }

    private void runTasks() {
        if (taskExecutor == null) {
            runDelegatedTasks();
            return;
        }
        taskRunning = true;
        try {
            taskExecutor.execute(() -> {
                try {
                    runDelegatedTasks();
                } catch (RuntimeException | Error e) {
                    taskFailure = e;
                } finally {
                    taskRunning = false;
                    onTaskDone.run();
                }
            });
        } catch (RejectedExecutionException e) {
            taskRunning = false;
            runDelegatedTasks();
        }
    }

    private void runDelegatedTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** Copies from src the bytes that complete the first record held in {@link #in}; returns how many. */
    private int topUp(ByteBuffer src) throws SSLException {
        int before = src.remaining();
        if (in.remaining() < HEADER) {
            append(src, HEADER - in.remaining(), 0);
        }
        if (in.remaining() >= HEADER) {
            int size = recordSize(in);
            append(src, size - in.remaining(), size);
        }
        return before - src.remaining();
    }

    /** The size of the record starting at the buffer's position, header included (TLS, or an SSLv2-format hello). */
    private static int recordSize(ByteBuffer b) {
        int p = b.position();
        int first = b.get(p) & 0xFF;
        if ((first & 0x80) != 0) {
            return 2 + (((first & 0x7F) << 8) | (b.get(p + 1) & 0xFF));
        }
        return HEADER + (((b.get(p + 3) & 0xFF) << 8) | (b.get(p + 4) & 0xFF));
    }

    /** Keeps what is left of src for later, or drops it after the peer's close_notify. */
    private void keep(ByteBuffer src) throws SSLException {
        if (!taskRunning && engine.isInboundDone()) {
            in = BufferPool.give(in);
            src.position(src.limit());
        } else {
            append(src, src.remaining(), 0);
        }
    }

    /** Appends up to count bytes of src to {@link #in}, sized for at least the given capacity. */
    private void append(ByteBuffer src, int count, int capacity) throws SSLException {
        int n = Math.min(count, src.remaining());
        if (n <= 0) {
            return;
        }
        int total = (in == null ? 0 : in.remaining()) + n;
        if (total > MAX_BUFFERED_INPUT) {
            throw new SSLException("more than " + MAX_BUFFERED_INPUT + " bytes of TLS input buffered");
        }
        if (in == null) { // no engine call while a task runs: the engine is locked
            int packet = taskRunning ? 0 : engine.getSession().getPacketBufferSize();
            in = BufferPool.take(Math.max(Math.max(total, capacity), packet));
        } else if (in.capacity() < total) {
            in = grow(toWriteMode(in), Math.max(total, capacity));
        } else {
            toWriteMode(in);
        }
        in.put(in.position(), src, src.position(), n).position(in.position() + n).flip();
        src.position(src.position() + n);
    }

    private static boolean hasRemaining(ByteBuffer[] srcs, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (srcs[i].hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Queues the alert the engine wants to send, drops pending input, and hands the exception back. */
    private SSLException failed(SSLException e) {
        in = BufferPool.give(in);
        try {
            for (int i = 0; i < 4 && !taskRunning && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP; i++) {
                wrapInto(NO_DATA, 0, 1, true);
            }
        } catch (SSLException | RuntimeException alertFailed) {
            e.addSuppressed(alertFailed);
        }
        hasOutput();
        return e;
    }
}
