package io.github.rfc6455.nio;

import io.github.rfc6455.core.ConnectionState;
import io.github.rfc6455.core.Outbound;
import io.github.rfc6455.core.SendCallback;
import io.github.rfc6455.core.WebSocketEngine;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.tls.TlsAdapter;
import io.github.rfc6455.core.tls.TlsStatus;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.function.Consumer;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Moves bytes between a non-blocking {@link SocketChannel} and a {@link WebSocketEngine}, optionally through TLS:
 * reads into its event loop's shared buffer and hands them to the engine; queues what the engine sends and writes it
 * with gathering writes. It applies backpressure (stops reading above the high watermark, resumes below the low one,
 * closes a peer that lets more than the hard limit pile up with 1008), runs the connect, handshake, close, idle and
 * keepalive timers on its loop's tick, and closes TCP the way RFC 6455 section 7.1.1 asks: a server shuts down its
 * output once its last bytes are written and reads until the client closes (so the client sees the Close frame, not a
 * reset); a client that completed the closing handshake waits for the server to close first.
 *
 * <p>Thread-safety: {@link #write}, {@link #closeTransport}, {@link #bufferedAmount()} and {@link #close()} may be
 * called from any thread; everything else runs on the connection's event loop.
 */
public final class Connection implements Outbound, Selectable {
    private static final System.Logger LOG = System.getLogger(Connection.class.getName());
    private static final int MAX_GATHER = 1024;
    private static final int MAX_READS_PER_EVENT = 16;
    /** The callback of a frame header queued with its payload: nothing to tell, and the payload must not be dropped. */
    private static final SendCallback JOINED = failure -> { };

    private enum Phase { NEW, CONNECTING, PREAMBLE, OPEN, AWAIT_PEER_CLOSE, CLOSE_AFTER_FLUSH, LINGER, CLOSED }

    private final EventLoop loop;
    private final SocketChannel channel;
    private final TransportConfig config;
    private final TransportListener listener;
    private final TlsAdapter tls;
    private final Consumer<ByteBuffer> tlsSink;
    private WebSocketEngine engine;
    private SelectionKey key;
    private TransportPreamble preamble;
    private ByteBuffer rawOut;

    private volatile Phase phase = Phase.NEW;
    // Times on a cheap int clock (see clock()), so that an idle connection stays small.
    private int phaseStart;
    private int lastRead;
    private int pingSent;
    private int closingSince;
    private boolean pingOutstanding;
    private boolean closingTimed;
    /** Bytes were read since the last tick; a connection quiet for a whole tick trims its receiving state. */
    private boolean readSinceTick;
    private boolean reading;
    private boolean needFlush;
    private boolean readPaused;
    private boolean tlsClosed;
    private int interest = -1;

    // Outbound queue, guarded by this.
    private ByteBuffer[] queue;
    private SendCallback[] callbacks;
    private int head;
    private int tail;
    private volatile long queuedBytes;
    private boolean flushScheduled;
    private boolean rejectWrites;
    /** The last buffer written whole was a header queued with its payload (callback {@link #JOINED}). */
    private boolean frameOpen;
    /** Something was queued since the last tick; an idle connection gives its queue arrays back. */
    private boolean queueUsed;

    /**
     * @param loop the event loop the connection lives on
     * @param channel an open channel (connected for a server, unconnected for a client)
     * @param config transport limits and timers
     * @param sslEngine the TLS engine for {@code wss}, or null for plain TCP
     * @param listener told about transport failures and the end of the connection
     */
    public Connection(EventLoop loop, SocketChannel channel, TransportConfig config, SSLEngine sslEngine,
                      TransportListener listener) {
        this.loop = loop;
        this.channel = channel;
        this.config = config;
        this.listener = listener;
        this.tls = sslEngine == null ? null : new TlsAdapter(sslEngine);
        this.tlsSink = sslEngine == null ? null : this::deliverPlaintext;
    }

    /**
     * Attaches the engine this connection serves; call once, before starting.
     *
     * @param webSocketEngine the engine, created with this connection as its {@link Outbound}
     */
    public void attach(WebSocketEngine webSocketEngine) {
        if (this.engine != null) {
            throw new IllegalStateException("engine already attached");
        }
        this.engine = webSocketEngine;
    }

    /** @return the engine */
    public WebSocketEngine engine() {
        return engine;
    }

    /** @return the event loop this connection runs on */
    public EventLoop loop() {
        return loop;
    }

    /** @return true for a TLS connection */
    public boolean secure() {
        return tls != null;
    }

    /** @return the bytes queued for sending and not yet written (like the browser's {@code bufferedAmount}) */
    public long bufferedAmount() {
        return queuedBytes;
    }

    // ------------------------------------------------------------------------------------------------ starting

    /**
     * Server: starts serving an accepted channel. Call on the loop thread.
     *
     * @throws IOException when the channel cannot be registered
     */
    public void startAccepted() throws IOException {
        prepare(channel);
        key = loop.register(channel, SelectionKey.OP_READ, this);
        interest = SelectionKey.OP_READ;
        enterPhase(Phase.OPEN);
        lastRead = phaseStart;
        readSinceTick = true;
        if (tls != null) {
            try {
                tls.begin();
            } catch (SSLException e) {
                closeNow("TLS failed: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Client: connects to {@code remote}, runs the preamble if any, starts TLS if configured, then the engine's
     * opening handshake. Call on the loop thread.
     *
     * @param remote the address to connect to (a proxy's, when there is a preamble)
     * @param tunnel an exchange to run first, such as an HTTP CONNECT, or null
     */
    public void connect(SocketAddress remote, TransportPreamble tunnel) {
        this.preamble = tunnel;
        enterPhase(Phase.CONNECTING);
        try {
            prepare(channel);
            if (channel.connect(remote)) {
                key = loop.register(channel, 0, this);
                onConnected();
            } else {
                key = loop.register(channel, SelectionKey.OP_CONNECT, this);
                interest = SelectionKey.OP_CONNECT;
            }
        } catch (IOException | RuntimeException e) {
            closeNow("cannot connect to " + remote + ": " + describe(e), e);
        }
    }

    private void onConnected() {
        lastRead = clock(System.nanoTime());
        if (preamble != null) {
            enterPhase(Phase.PREAMBLE);
            rawOut = preamble.request();
            flush();
        } else {
            startProtocol();
        }
    }

    private void startProtocol() {
        enterPhase(Phase.OPEN);
        try {
            if (tls != null) {
                tls.begin();
            }
        } catch (SSLException e) {
            closeNow("TLS failed: " + e.getMessage(), e);
            return;
        }
        engine.start();
        flush();
    }

    private void enterPhase(Phase next) {
        phase = next;
        phaseStart = clock(System.nanoTime());
    }

    // ------------------------------------------------------------------------------------------------ events

    @Override
    public void onSelected(SelectionKey selected) {
        if (!selected.isValid()) {
            return;
        }
        int ready = selected.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            try {
                if (!channel.finishConnect()) {
                    return;
                }
            } catch (IOException e) {
                closeNow("cannot connect: " + describe(e), e);
                return;
            }
            onConnected();
            updateInterest();
            return;
        }
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            flush();
        }
        if ((ready & SelectionKey.OP_READ) != 0 && phase != Phase.CLOSED) {
            onReadable();
        }
    }

    private void onReadable() {
        ByteBuffer buffer = loop.readBuffer();
        reading = true;
        try {
            // While open, stop as soon as the replies queued by this event pass the high watermark: a peer that
            // sends without reading cannot make one event queue more than one read buffer beyond it. Once closing,
            // always read (updateInterest keeps OP_READ then), or a readable channel would spin.
            for (int i = 0; i < MAX_READS_PER_EVENT && phase != Phase.CLOSED && (phase.compareTo(Phase.OPEN) > 0
                    || (!readPaused && queuedBytes <= config.highWatermark())); i++) {
                buffer.clear();
                int n;
                try {
                    n = channel.read(buffer);
                } catch (IOException e) {
                    closeNow("read failed: " + describe(e), e);
                    return;
                }
                if (n < 0) {
                    onEndOfStream();
                    return;
                }
                if (n == 0) {
                    break;
                }
                lastRead = clock(System.nanoTime());
                readSinceTick = true;
                pingOutstanding = false;
                buffer.flip();
                deliver(buffer);
                if (n < buffer.capacity()) {
                    break;
                }
            }
        } finally {
            reading = false;
            buffer.clear();
        }
        if (needFlush && phase != Phase.CLOSED) {
            flush();
        } else {
            updateInterest();
        }
    }

    private void deliver(ByteBuffer in) {
        if (phase == Phase.PREAMBLE) {
            try {
                if (!preamble.receive(in)) {
                    return;
                }
            } catch (IOException e) {
                closeNow(e.getMessage(), e);
                return;
            }
            preamble = null;
            startProtocol();
            if (!in.hasRemaining() || phase == Phase.CLOSED) {
                return;
            }
        }
        if (phase == Phase.LINGER) {
            return; // output shut down: discard until the peer closes
        }
        if (tls == null) {
            engine.receive(in);
            return;
        }
        try {
            TlsStatus status = tls.unwrap(in, tlsSink);
            needFlush = true;
            if (status == TlsStatus.INBOUND_CLOSED || status == TlsStatus.CLOSED) {
                // close_notify: no more application data will come
                if (engine.state() == ConnectionState.CONNECTING || engine.state() == ConnectionState.OPEN) {
                    closeAfterFlush();
                }
            }
        } catch (SSLException e) {
            flushQuietly();
            closeNow("TLS failed: " + e.getMessage(), e);
        }
    }

    private void deliverPlaintext(ByteBuffer plaintext) {
        engine.receive(plaintext);
    }

    private void onEndOfStream() {
        boolean tlsHandshaking = tls != null && tls.status() == TlsStatus.HANDSHAKING;
        if (tls != null) {
            tls.eof();
        }
        if (phase == Phase.CONNECTING || phase == Phase.PREAMBLE) {
            closeNow("connection closed by the peer before the handshake completed", null);
        } else if (tlsHandshaking) {
            // Typically a peer that refused our certificate and hung up without an alert.
            String why = "connection closed by the peer during the TLS handshake";
            closeNow(why, new SSLHandshakeException(why));
        } else {
            closeNow(null, null);
        }
    }

    // ------------------------------------------------------------------------------------------------ writing

    @Override
    public void write(ByteBuffer bytes, SendCallback callback) {
        queueWrite(bytes, null, callback);
    }

    @Override
    public void write(ByteBuffer header, ByteBuffer payload, SendCallback callback) {
        queueWrite(header, Objects.requireNonNull(payload, "payload"), callback);
    }

    /** Queues {@code first} and, when not null, {@code second} as one unit: both or neither. */
    private void queueWrite(ByteBuffer first, ByteBuffer second, SendCallback callback) {
        boolean schedule = false;
        IOException refused = null;
        synchronized (this) {
            long n = first.remaining() + (second == null ? 0 : second.remaining());
            if (phase == Phase.CLOSED || rejectWrites) {
                refused = new ClosedChannelException();
            } else if (queuedBytes + n > config.maxQueuedBytes()) {
                rejectWrites = true;
                refused = new IOException("peer too slow: more than " + config.maxQueuedBytes() + " bytes queued");
            } else {
                if (second == null) {
                    enqueue(first, callback);
                } else {
                    enqueue(first, JOINED);
                    enqueue(second, callback);
                }
                queuedBytes += n;
                if (!flushScheduled) {
                    flushScheduled = true;
                    schedule = true;
                }
            }
        }
        if (refused != null) {
            // Outside the lock: completing a future runs the application's continuations, which may send elsewhere.
            if (callback != null) {
                callback.onComplete(refused);
            }
            if (!(refused instanceof ClosedChannelException)) {
                loop.execute(this::onSlowConsumer);
            }
        } else if (schedule) {
            if (loop.inEventLoop()) {
                if (reading) {
                    needFlush = true;
                } else {
                    flush();
                }
            } else {
                loop.execute(this::flush); // a task per batch of writes from other threads, no field per connection
            }
        }
    }

    private void enqueue(ByteBuffer bytes, SendCallback callback) {
        queueUsed = true;
        if (queue == null) {
            queue = new ByteBuffer[8];
            callbacks = new SendCallback[8];
        } else if (tail == queue.length) {
            int count = tail - head;
            if (head > queue.length / 2) {
                System.arraycopy(queue, head, queue, 0, count);
                System.arraycopy(callbacks, head, callbacks, 0, count);
                java.util.Arrays.fill(queue, count, tail, null);
                java.util.Arrays.fill(callbacks, count, tail, null);
            } else {
                ByteBuffer[] q = new ByteBuffer[queue.length * 2];
                SendCallback[] c = new SendCallback[queue.length * 2];
                System.arraycopy(queue, head, q, 0, count);
                System.arraycopy(callbacks, head, c, 0, count);
                queue = q;
                callbacks = c;
            }
            head = 0;
            tail = count;
        }
        queue[tail] = bytes;
        callbacks[tail] = callback;
        tail++;
    }

    private void onSlowConsumer() {
        synchronized (this) {
            dropUnstarted(new IOException("peer too slow"));
            rejectWrites = false;
        }
        LOG.log(System.Logger.Level.DEBUG, "closing a peer that does not read: {0} bytes queued", queuedBytes);
        if (engine.state() == ConnectionState.OPEN) {
            engine.fail(CloseCodes.POLICY_VIOLATION, "peer too slow: more than " + config.maxQueuedBytes()
                    + " bytes queued");
        } else {
            closeNow("peer too slow", null);
        }
    }

    /** Drops queued buffers of which nothing was written yet. Call holding the lock. */
    private void dropUnstarted(Throwable why) {
        int keep = head;
        // Queued buffers are freshly encoded and start at position 0, so a moved position means a partial write; a
        // payload whose header already went out (frameOpen) is started too. Finish what was started, with the payload
        // of a started header, so that the stream stays a sequence of whole frames.
        if (head < tail && (queue[head].position() > 0 || frameOpen)) {
            keep = head + 1;
            while (keep < tail && callbacks[keep - 1] == JOINED) {
                keep++;
            }
        }
        for (int i = keep; i < tail; i++) {
            queuedBytes -= queue[i].remaining();
            SendCallback cb = callbacks[i];
            queue[i] = null;
            callbacks[i] = null;
            if (cb != null && cb != JOINED) {
                loop.execute(() -> cb.onComplete(why));
            }
        }
        tail = keep;
    }

    /** Writes what is queued, as much as the socket takes. Runs on the loop thread. */
    private void flush() {
        needFlush = false;
        synchronized (this) {
            flushScheduled = false;
        }
        if (phase == Phase.CLOSED || phase == Phase.NEW || phase == Phase.CONNECTING) {
            return;
        }
        try {
            if (rawOut != null) {
                channel.write(rawOut);
                if (rawOut.hasRemaining()) {
                    updateInterest();
                    return;
                }
                rawOut = null;
            }
            if (phase != Phase.PREAMBLE) {
                if (tls == null) {
                    flushPlain();
                } else {
                    flushTls();
                }
            }
        } catch (IOException e) {
            closeNow("write failed: " + describe(e), e);
            return;
        }
        if (phase == Phase.CLOSE_AFTER_FLUSH && !hasPendingOutput()) {
            finishClose();
        }
        if (phase != Phase.CLOSED) {
            updateInterest();
        }
    }

    private void flushPlain() throws IOException {
        while (true) {
            long written;
            synchronized (this) {
                if (head == tail) {
                    return;
                }
                written = channel.write(queue, head, Math.min(tail - head, MAX_GATHER));
                queuedBytes -= written;
            }
            completeWritten();
            if (written == 0) {
                return;
            }
        }
    }

    private void flushTls() throws IOException {
        while (drainTlsOutput()) {
            boolean wrapped;
            synchronized (this) {
                if (head == tail || tlsClosed || tls.status() != TlsStatus.OPEN) {
                    return;
                }
                int n = Math.min(tail - head, MAX_GATHER);
                long before = remaining(head, n);
                tls.wrap(queue, head, n);
                queuedBytes -= before - remaining(head, n);
                wrapped = tls.hasOutput();
            }
            completeWritten();
            if (!wrapped) {
                return;
            }
        }
    }

    /** Call holding the lock. */
    private long remaining(int from, int count) {
        long sum = 0;
        for (int i = from; i < from + count; i++) {
            sum += queue[i].remaining();
        }
        return sum;
    }

    /** @return true when all TLS output was written */
    private boolean drainTlsOutput() throws IOException {
        while (tls.hasOutput()) {
            if (channel.write(tls.output()) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Pops fully written buffers and completes their callbacks outside the lock. */
    private void completeWritten() {
        while (true) {
            SendCallback done;
            synchronized (this) {
                if (head == tail || queue[head].hasRemaining()) {
                    return;
                }
                done = callbacks[head];
                frameOpen = done == JOINED; // a header went out: its payload must follow
                queue[head] = null;
                callbacks[head] = null;
                head++;
                if (head == tail) {
                    head = 0;
                    tail = 0;
                }
            }
            if (done != null) {
                done.onComplete(null);
            }
        }
    }

    private boolean hasPendingOutput() {
        synchronized (this) {
            if (head != tail) {
                return true;
            }
        }
        return rawOut != null || (tls != null && tls.hasOutput());
    }

    private void flushQuietly() {
        if (tls != null) {
            try {
                drainTlsOutput();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "could not send the TLS alert", e);
            }
        }
    }

    private void updateInterest() {
        if (key == null || !key.isValid()) {
            return;
        }
        long queued = queuedBytes;
        if (!readPaused && queued > config.highWatermark()) {
            readPaused = true;
        } else if (readPaused && queued <= config.lowWatermark()) {
            readPaused = false;
        }
        int ops = 0;
        if (phase == Phase.CONNECTING) {
            ops = SelectionKey.OP_CONNECT;
        } else {
            if (!readPaused || phase.compareTo(Phase.OPEN) > 0) {
                ops |= SelectionKey.OP_READ;
            }
            if (hasPendingOutput()) {
                ops |= SelectionKey.OP_WRITE;
            }
        }
        if (ops != interest) {
            interest = ops;
            key.interestOps(ops);
        }
    }

    // ------------------------------------------------------------------------------------------------ closing

    @Override
    public void closeTransport(boolean awaitPeerFirst) {
        if (!loop.inEventLoop()) {
            loop.execute(() -> closeTransport(awaitPeerFirst));
            return;
        }
        if (awaitPeerFirst) {
            if (phase == Phase.OPEN) {
                enterPhase(Phase.AWAIT_PEER_CLOSE);
                flush();
            }
        } else {
            closeAfterFlush();
        }
    }

    private void closeAfterFlush() {
        if (phase == Phase.OPEN || phase == Phase.AWAIT_PEER_CLOSE || phase == Phase.PREAMBLE) {
            enterPhase(Phase.CLOSE_AFTER_FLUSH);
            if (reading) {
                needFlush = true;
            } else {
                flush();
            }
        } else if (phase == Phase.NEW || phase == Phase.CONNECTING) {
            closeNow(null, null);
        }
    }

    /** All output written: send close_notify, shut down our side, and read until the peer closes (or times out). */
    private void finishClose() {
        try {
            if (tls != null && !tlsClosed) {
                tlsClosed = true;
                tls.close();
                if (!drainTlsOutput()) {
                    return; // the rest goes out on OP_WRITE, then we come back here
                }
            }
            channel.shutdownOutput();
            enterPhase(Phase.LINGER);
        } catch (IOException e) {
            closeNow(null, null);
        }
    }

    /**
     * Closes the channel now, without waiting for anything, and releases everything: for a peer that vanished, an
     * expired timer, or a shutdown that cannot wait.
     */
    public void close() {
        if (!loop.inEventLoop()) {
            loop.execute(this::close);
            return;
        }
        closeNow(null, null);
    }

    private void closeNow(String failure, Throwable cause) {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        if (failure != null) {
            LOG.log(System.Logger.Level.DEBUG, "connection failed: {0}", failure);
            listener.onTransportFailure(failure, cause);
        }
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the channel", e);
        }
        if (tls != null) {
            tls.release();
        }
        ClosedChannelException closed = null;
        while (true) {
            SendCallback cb;
            synchronized (this) {
                if (head == tail) {
                    releaseQueue();
                    queuedBytes = 0;
                    break;
                }
                cb = callbacks[head];
                queue[head] = null;
                callbacks[head] = null;
                head++;
            }
            if (cb != null) {
                if (closed == null) {
                    closed = new ClosedChannelException();
                }
                cb.onComplete(closed);
            }
        }
        rawOut = null;
        if (engine != null) {
            engine.transportClosed();
        }
        listener.onTransportClosed();
    }

    // ------------------------------------------------------------------------------------------------ timers

    @Override
    public void onTick(long nowNanos) {
        int now = clock(nowNanos);
        releaseIdleQueue();
        switch (phase) {
            case CONNECTING:
                if (expired(now, phaseStart, config.connectTimeout())) {
                    closeNow("connect timed out after " + config.connectTimeout().toMillis() + " ms", null);
                }
                break;
            case PREAMBLE:
            case OPEN:
                checkOpen(now);
                break;
            case AWAIT_PEER_CLOSE:
            case CLOSE_AFTER_FLUSH:
            case LINGER:
                if (expired(now, phaseStart, config.closeTimeout())) {
                    closeNow(null, null);
                }
                break;
            default:
                break;
        }
    }

    private void checkOpen(int now) {
        ConnectionState state = engine.state();
        if (state == ConnectionState.CONNECTING || phase == Phase.PREAMBLE) {
            if (expired(now, phaseStart, config.handshakeTimeout())) {
                closeNow("opening handshake timed out after " + config.handshakeTimeout().toMillis() + " ms", null);
            }
            return;
        }
        if (state == ConnectionState.CLOSING) {
            if (!closingTimed) {
                closingTimed = true;
                closingSince = now;
            } else if (expired(now, closingSince, config.closeTimeout())) {
                closeNow(null, null); // the peer never answered our Close frame
            }
            return;
        }
        if (readSinceTick) {
            readSinceTick = false;
        } else {
            engine.trimIdle(); // quiet for a whole tick: hold no parser or assembler until bytes come again
        }
        if (expired(now, lastRead, config.idleTimeout())) {
            engine.close(CloseCodes.GOING_AWAY, "idle timeout");
            return;
        }
        if (!config.pingInterval().isZero()) {
            if (!pingOutstanding && expired(now, lastRead, config.pingInterval())) {
                pingOutstanding = true;
                pingSent = now;
                engine.ping(ByteBuffer.allocate(0));
            } else if (pingOutstanding && expired(now, pingSent, config.pongTimeout())) {
                closeNow("no answer to a keepalive ping within " + config.pongTimeout().toMillis() + " ms", null);
            }
        }
    }

    /** Gives the queue arrays back when nothing was queued for a whole tick, so an idle connection holds none. */
    private void releaseIdleQueue() {
        synchronized (this) {
            if (queueUsed) {
                queueUsed = false;
            } else if (queue != null && head == tail) {
                releaseQueue();
            }
        }
    }

    /** Forgets the (empty) queue's arrays. Call holding the lock. */
    private void releaseQueue() {
        queue = null;
        callbacks = null;
        head = 0;
        tail = 0;
        frameOpen = false;
    }

    /**
     * A cheap clock for deadlines: {@link System#nanoTime()} in units of 2^20 ns (about 1.05 ms) as an int. It wraps
     * after about 26 days; times are only ever compared by subtraction, which stays right across the wrap.
     */
    private static int clock(long nanos) {
        return (int) (nanos >> 20);
    }

    /** @return true when {@code timeout} (zero: never) has passed between {@code since} and {@code now} */
    private static boolean expired(int now, int since, java.time.Duration timeout) {
        if (timeout.isZero()) {
            return false;
        }
        long units = (timeout.toNanos() + (1 << 20) - 1) >> 20;
        return now - since >= Math.min(units, Integer.MAX_VALUE);
    }

    @Override
    public void onLoopClosed() {
        closeNow(null, null);
    }

    /** Non-blocking, and no Nagle delay: a frame is written whole, so there is nothing to wait for. */
    private static void prepare(SocketChannel channel) throws IOException {
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    /** @return a readable summary, for logs */
    @Override
    public String toString() {
        String remote;
        try {
            remote = String.valueOf(channel.getRemoteAddress());
        } catch (IOException e) {
            remote = "?";
        }
        return "Connection[" + remote + ", " + phase + (tls != null ? ", tls" : "") + ", queued=" + queuedBytes + "]";
    }
}
