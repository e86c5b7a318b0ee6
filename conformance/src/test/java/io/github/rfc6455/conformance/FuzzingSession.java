package io.github.rfc6455.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One fuzzing connection after its opening handshake: the kit's own WebSocket endpoint with the official fuzzer's
 * semantics (autobahn {@code WebSocketProtocol} with {@code failByDrop = false}, as in the standard spec files).
 *
 * <p>All protocol state lives on one reactor thread per connection, like the official single-threaded reactor; a
 * reader thread only moves bytes from the socket to the reactor. The closing rules are the official ones: 1 s for the
 * peer to answer a close frame, 1 s for a server to close TCP after the closing handshake; a server (the kit in client
 * tests) closes TCP itself right after the handshake.
 *
 * <p>Thread-safe in the sense that every entry point hands its work to the reactor thread.
 */
final class FuzzingSession implements Fuzzer, InboundDecoder.Handler {

    /** {@code closeHandshakeTimeout} of the official fuzzer. */
    static final long CLOSE_HANDSHAKE_TIMEOUT_MS = 1000;
    /** {@code serverConnectionDropTimeout} of the official fuzzer. */
    static final long SERVER_DROP_TIMEOUT_MS = 1000;

    private enum State { CONNECTING, OPEN, CLOSING, CLOSED }

    private final String name;
    private final Socket socket;
    private final InputStream in;
    private final WireWriter writer;
    private final boolean isServer;
    private final SessionScript script;
    private final DeflateCodec deflate;
    private final InboundDecoder decoder;
    private final ScheduledThreadPoolExecutor reactor;
    private final CompletableFuture<ConnectionFacts> done = new CompletableFuture<>();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    private State state = State.CONNECTING;
    private boolean wasOpen;
    private boolean closedByMe;
    private boolean failedByMe;
    private boolean droppedByMe;
    private boolean wasClean;
    private String wasNotCleanReason;
    private Integer localCloseCode;
    private Integer remoteCloseCode;
    private String remoteCloseReason;
    private int textFramesSent;
    private int continuationFramesSent;
    private boolean finished;

    private int autoFragmentSize;
    private int streamOpcode;
    private boolean streamStarted;
    private byte[] streamKey;
    private long streamPosition;
    private ScheduledFuture<?> closeHandshakeTimer;
    private ScheduledFuture<?> serverDropTimer;
    private volatile long openedNanos;
    private volatile long closedNanos;

    FuzzingSession(String name, Socket socket, InputStream in, OutputStream out, boolean isServer,
                   DeflateParams deflateParams, SessionScript script) {
        this.name = name;
        this.socket = socket;
        this.in = in;
        this.writer = new WireWriter(out, (nanos, task) -> schedule(nanos, task) != null, notes::add);
        this.isServer = isServer;
        this.script = script;
        this.deflate = deflateParams == null ? null : new DeflateCodec(deflateParams, isServer);
        this.decoder = new InboundDecoder(isServer, deflate, this);
        this.reactor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fuzz-reactor-" + name);
            t.setDaemon(true);
            return t;
        });
        reactor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        reactor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        reactor.setRemoveOnCancelPolicy(true);
    }

    /** Opens the session: the script's {@code onOpen} runs, and bytes start to flow. Call once. */
    CompletableFuture<ConnectionFacts> start() {
        submit(() -> {
            state = State.OPEN;
            wasOpen = true;
            openedNanos = System.nanoTime();
            script.onOpen(this);
        });
        Thread reader = new Thread(this::readLoop, "fuzz-reader-" + name);
        reader.setDaemon(true);
        reader.start();
        return done;
    }

    /** Ends the connection from outside (watchdog): the TCP connection is closed now, whatever the reactor does. */
    void abort(String reason) {
        notes.add(reason);
        submit(() -> {
            if (wasNotCleanReason == null) {
                wasNotCleanReason = reason;
            }
            dropConnection(true);
        });
        closeQuietly();
    }

    /** Remarks collected while the connection ran (peer violations, timers); complete once the future completed. */
    List<String> notes() {
        synchronized (notes) {
            return List.copyOf(notes);
        }
    }

    /** Milliseconds from the open to the end of the TCP connection (0 when it never opened). */
    long durationMs() {
        return openedNanos == 0 || closedNanos == 0 ? 0 : (closedNanos - openedNanos) / 1_000_000;
    }

    // ---- reactor plumbing

    private void submit(Runnable task) {
        try {
            reactor.execute(() -> runTask(task));
        } catch (RejectedExecutionException e) {
            // the connection is finished; late bytes and timers are dropped
        }
    }

    private ScheduledFuture<?> schedule(long nanos, Runnable task) {
        try {
            return reactor.schedule(() -> runTask(task), nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private void runTask(Runnable task) {
        try {
            task.run();
            writer.flush();
        } catch (RuntimeException e) {
            notes.add("kit error: " + e);
            if (wasNotCleanReason == null) {
                wasNotCleanReason = "kit error: " + e;
            }
            dropConnection(true);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[1 << 16];
        String end = null;
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                byte[] chunk = Arrays.copyOf(buffer, n);
                submit(() -> onBytes(chunk));
            }
        } catch (IOException e) {
            end = "read failed: " + e.getMessage(); // closed by us, or reset by the peer
        }
        String reason = end;
        submit(() -> transportLost(reason));
    }

    private void onBytes(byte[] chunk) {
        if (state == State.OPEN || state == State.CLOSING) {
            decoder.feed(chunk, 0, chunk.length);
        }
    }

    private void sendData(byte[] data, boolean sync, int chopSize) {
        if (state != State.CLOSED) {
            writer.send(data, sync, chopSize);
        }
    }

    // ---- Fuzzer

    @Override
    public boolean isServer() {
        return isServer;
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    @Override
    public boolean compressionActive() {
        return deflate != null;
    }

    @Override
    public void setAutoFragmentSize(int size) {
        autoFragmentSize = size;
    }

    @Override
    public void sendFrame(OutFrame frame) {
        byte[] raw = WireFrames.encode(frame.opcode(), frame.effectivePayload(), frame.fin(), frame.rsv(), newMask());
        if (frame.opcode() == 1) {
            textFramesSent++;
        } else if (frame.opcode() == 0) {
            continuationFramesSent++;
        }
        sendData(raw, frame.sync(), frame.chopSize());
    }

    private byte[] newMask() {
        if (isServer) {
            return null;
        }
        byte[] key = new byte[4];
        ThreadLocalRandom.current().nextBytes(key);
        return key;
    }

    @Override
    public void sendMessage(byte[] payload, boolean binary) {
        sendMessage(payload, binary, 0);
    }

    @Override
    public void sendMessage(byte[] payload, boolean binary, int fragmentSize) {
        if (state != State.OPEN) {
            return;
        }
        int opcode = binary ? 2 : 1;
        boolean compressed = deflate != null;
        byte[] data = compressed ? deflate.compress(payload) : payload;
        int rsv = compressed ? 4 : 0;
        int size = fragmentSize > 0 ? fragmentSize : autoFragmentSize;
        if (size <= 0 || data.length <= size) {
            sendFrame(OutFrame.of(opcode).payload(data).rsv(rsv));
            return;
        }
        // the official loop: a payload that is a multiple of the size ends with an empty final frame
        boolean first = true;
        for (int i = 0; ; i += size) {
            int j = i + size;
            boolean last = j > data.length;
            byte[] part = Arrays.copyOfRange(data, i, Math.min(j, data.length));
            sendFrame(OutFrame.of(first ? opcode : 0).payload(part).fin(last).rsv(first ? rsv : 0));
            first = false;
            if (last) {
                break;
            }
        }
    }

    @Override
    public void sendClose(Integer code, String reason) {
        byte[] utf8 = null;
        if (reason != null) {
            utf8 = truncateUtf8(reason, 123);
        }
        sendCloseFrame(code, utf8, false);
    }

    @Override
    public void sendCloseFrame(Integer code, byte[] reason) {
        sendCloseFrame(code, reason, false);
    }

    private void sendCloseFrame(Integer code, byte[] reason, boolean isReply) {
        if (state != State.OPEN) {
            return;
        }
        int length = (code == null ? 0 : 2) + (reason == null ? 0 : reason.length);
        byte[] payload = new byte[length];
        int offset = 0;
        if (code != null) {
            payload[0] = (byte) (code >>> 8);
            payload[1] = (byte) (int) code;
            offset = 2;
        }
        if (reason != null) {
            System.arraycopy(reason, 0, payload, offset, reason.length);
        }
        sendFrame(OutFrame.of(8).payload(payload));
        state = State.CLOSING;
        closedByMe = !isReply;
        localCloseCode = code;
        if (closedByMe) {
            closeHandshakeTimer = schedule(TimeUnit.MILLISECONDS.toNanos(CLOSE_HANDSHAKE_TIMEOUT_MS),
                    this::onCloseHandshakeTimeout);
        }
    }

    @Override
    public void beginMessage(boolean binary) {
        if (state != State.OPEN) {
            return;
        }
        streamOpcode = binary ? 2 : 1;
        streamStarted = false;
    }

    @Override
    public void beginMessageFrame(long length) {
        if (state != State.OPEN) {
            return;
        }
        streamKey = newMask();
        streamPosition = 0;
        int opcode = streamStarted ? 0 : streamOpcode;
        streamStarted = true;
        if (opcode == 1) {
            textFramesSent++;
        } else if (opcode == 0) {
            continuationFramesSent++;
        }
        sendData(WireFrames.header(opcode, length, false, 0, streamKey), false, 0);
    }

    @Override
    public void sendMessageFrameData(byte[] data) {
        if (state != State.OPEN) {
            return;
        }
        byte[] copy = data.clone();
        if (streamKey != null) {
            WireFrames.mask(copy, 0, copy.length, streamKey, streamPosition);
        }
        streamPosition += copy.length;
        sendData(copy, false, 0);
    }

    @Override
    public void endMessage() {
        if (state != State.OPEN) {
            return;
        }
        sendFrame(OutFrame.of(0));
    }

    @Override
    public void killAfter(double seconds) {
        schedule(seconds(seconds), () -> {
            if (state != State.CLOSED) {
                notes.add("case timeout after " + seconds + " s: failing the connection");
                failConnection(1001, "Going Away");
            }
        });
    }

    @Override
    public void closeAfter(double seconds) {
        schedule(seconds(seconds), () -> {
            if (state != State.CLOSED) {
                sendClose(null, null);
            }
        });
    }

    @Override
    public void continueLater(double seconds, Runnable action) {
        schedule(seconds(seconds), () -> {
            if (state != State.CLOSED) {
                action.run();
            }
        });
    }

    private static long seconds(double seconds) {
        return (long) (seconds * 1e9);
    }

    // ---- InboundDecoder.Handler

    @Override
    public void violation(int code, String reason) {
        notes.add("peer: " + reason);
        failConnection(code, reason);
    }

    private void failConnection(int code, String reason) {
        if (state == State.CLOSED) {
            return;
        }
        failedByMe = true;
        if (state != State.CLOSING) {
            sendCloseFrame(code, truncateUtf8(reason, 123), false);
        } else {
            dropConnection(false);
        }
    }

    @Override
    public void onMessage(byte[] payload, boolean binary) {
        if (!failedByMe) {
            script.onMessage(payload, binary);
        }
    }

    @Override
    public void onPing(byte[] payload) {
        if (state == State.OPEN) {
            sendFrame(OutFrame.of(10).payload(payload));
        }
    }

    @Override
    public void onPong(byte[] payload) {
        script.onPong(payload);
    }

    @Override
    public void onClose(Integer code, byte[] reason) {
        remoteCloseCode = code;
        remoteCloseReason = null;
        if (code != null && !validCloseCode(code)) {
            violation(1002, "invalid close code " + code + " (RFC 6455 section 7.4)");
        }
        if (reason.length > 0) {
            if (Utf8Validator.isValid(reason)) {
                remoteCloseReason = new String(reason, StandardCharsets.UTF_8);
            } else {
                violation(1007, "invalid close reason (non-UTF-8 payload, RFC 6455 section 5.5.1)");
            }
        }
        switch (state) {
            case CLOSING -> {
                cancel(closeHandshakeTimer);
                wasClean = true;
                if (isServer) {
                    dropConnection(true);
                } else {
                    serverDropTimer = schedule(TimeUnit.MILLISECONDS.toNanos(SERVER_DROP_TIMEOUT_MS),
                            this::onServerConnectionDropTimeout);
                }
            }
            case OPEN -> {
                wasClean = true;
                sendCloseFrame(1000, null, true);
                if (isServer) {
                    dropConnection(false);
                } else {
                    // not in the official fuzzer (it relies on the case timers): bound the wait for the server
                    serverDropTimer = schedule(TimeUnit.MILLISECONDS.toNanos(SERVER_DROP_TIMEOUT_MS),
                            this::onServerKeptConnectionAfterReply);
                }
            }
            default -> wasClean = false;
        }
    }

    /** Close codes a peer may send (RFC 6455 section 7.4, IANA registry). */
    static boolean validCloseCode(int code) {
        if (code >= 3000 && code <= 4999) {
            return true;
        }
        return code == 1000 || code == 1001 || code == 1002 || code == 1003 || (code >= 1007 && code <= 1014);
    }

    // ---- closing

    private void onCloseHandshakeTimeout() {
        if (state != State.CLOSED) {
            wasClean = false;
            wasNotCleanReason = "peer did not respond (in time) in closing handshake";
            dropConnection(true);
        }
    }

    private void onServerConnectionDropTimeout() {
        if (state != State.CLOSED) {
            wasClean = false;
            wasNotCleanReason = "server did not drop TCP connection (in time)";
            dropConnection(true);
        }
    }

    private void onServerKeptConnectionAfterReply() {
        if (state != State.CLOSED) {
            wasNotCleanReason = "server did not drop TCP connection (in time) after its closing handshake";
            dropConnection(true);
        }
    }

    private void dropConnection(boolean abort) {
        if (state == State.CLOSED) {
            return;
        }
        if (!abort) {
            writer.drain();
        }
        droppedByMe = true;
        state = State.CLOSED;
        writer.stop();
        closeQuietly();
        finish();
    }

    private void transportLost(String reason) {
        if (state == State.CLOSED) {
            finish();
            return;
        }
        if (reason != null) {
            notes.add(reason);
            if (wasNotCleanReason == null && !wasClean) {
                wasNotCleanReason = reason;
            }
        }
        state = State.CLOSED;
        closeQuietly();
        finish();
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        closedNanos = System.nanoTime();
        cancel(closeHandshakeTimer);
        cancel(serverDropTimer);
        decoder.stop();
        writer.stop();
        if (!wasClean && !droppedByMe && wasNotCleanReason == null) {
            wasNotCleanReason = "peer dropped the TCP connection without previous WebSocket closing handshake";
        }
        ConnectionFacts facts = new ConnectionFacts(wasOpen, isServer, closedByMe, failedByMe, droppedByMe, wasClean,
                wasNotCleanReason, localCloseCode, remoteCloseCode, remoteCloseReason, textFramesSent,
                continuationFramesSent);
        try {
            script.onConnectionLost(facts);
        } catch (RuntimeException e) {
            notes.add("kit error while judging the case: " + e);
        } finally {
            if (deflate != null) {
                deflate.close();
            }
            reactor.shutdown();
            done.complete(facts);
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }

    static byte[] truncateUtf8(String text, int maxOctets) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= maxOctets) {
            return utf8;
        }
        int end = maxOctets;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(utf8, end);
    }
}
