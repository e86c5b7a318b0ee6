package io.github.rfc6455.bench;

import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import io.github.rfc6455.core.frame.MaskKeys;
import io.github.rfc6455.core.frame.Masking;
import io.github.rfc6455.core.frame.Opcode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * One load-tool connection on a non-blocking socket: opens with {@link ClientHandshake}, then keeps {@code depth}
 * messages in flight, each a masked frame written with protocol-core's {@link FrameEncoder} and {@link Masking}, and
 * checks every echoed byte with protocol-core's {@link FrameParser} and a {@link MessagePattern}. Answers pings,
 * closes with 1000 when the run drains. Any surprise fails the connection and counts one error.
 *
 * <p>Not thread-safe: driven by its {@link LoadWorker}'s selector thread only.
 */
final class LoadConnection implements FrameListener {
    private enum State { CONNECTING, HANDSHAKING, OPEN, CLOSING, CLOSED }

    private static final int CLOSE_NORMAL = 1000;
    /** The longest close frame this tool sends: header, key and a 2-byte status code. */
    private static final int CLOSE_FRAME = FrameEncoder.MAX_HEADER_LENGTH + 2;
    /** Room data frames leave free in the output buffer for a pong and a close frame. */
    private static final int CONTROL_RESERVE = 2 * (FrameEncoder.MAX_HEADER_LENGTH + 125);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final LoadWorker worker;
    private final SocketChannel channel;
    private final ClientHandshake handshake;
    private final MessagePattern pattern;
    private final ByteBuffer templateView;
    private final FrameParser parser;
    private final ByteBuffer in;
    /** Bytes waiting to be written, kept in fill mode (position = end of the pending bytes). */
    private final ByteBuffer out;
    private final int opcode;
    private final int size;
    private final int frameLength;
    private final long[] sendTimes;
    private SelectionKey key;
    private State state = State.CONNECTING;
    private boolean settled;

    private long sendSeq;
    private long receiveSeq;
    private int owed;

    private int frameOpcode;
    private boolean frameFin;
    private boolean inMessage;
    private int messageOffset;
    private final byte[] control = new byte[125];
    private int controlLength;
    private final byte[] pong = new byte[125];
    private int pongLength = -1;

    LoadConnection(LoadWorker worker, LoadOptions options, MessagePattern pattern) throws IOException {
        this.worker = worker;
        this.pattern = pattern;
        this.templateView = pattern.newTemplateView();
        this.handshake = new ClientHandshake(options.host() + ":" + options.port(), options.path());
        this.size = options.size();
        this.opcode = options.binary() ? Opcode.BINARY : Opcode.TEXT;
        this.frameLength = FrameEncoder.headerLength(size, true) + size;
        this.sendTimes = new long[options.depth()];
        this.parser = new FrameParser(Role.CLIENT, Math.max(size, 125), 0);
        this.in = ByteBuffer.allocateDirect(Math.max(BUFFER_SIZE, ClientHandshake.MAX_HEAD));
        this.out = ByteBuffer.allocateDirect(Math.max(BUFFER_SIZE, frameLength) + CONTROL_RESERVE);
        this.channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    }

    /** Starts connecting; the selector reports the rest. */
    void connect(Selector selector, InetSocketAddress address) {
        try {
            boolean connected = channel.connect(address);
            key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, this);
            if (connected) {
                onConnected();
            }
        } catch (IOException e) {
            fail("cannot connect to " + address + ": " + e);
        }
    }

    /** @return true once the connection is closed (normally or by a failure) */
    boolean isClosed() {
        return state == State.CLOSED;
    }

    /** Handles what the selector found ready. */
    void onReady(SelectionKey ready) {
        try {
            if (!ready.isValid()) {
                return;
            }
            int ops = ready.readyOps();
            if ((ops & SelectionKey.OP_CONNECT) != 0) {
                if (!channel.finishConnect()) {
                    return;
                }
                onConnected();
            }
            if ((ops & SelectionKey.OP_READ) != 0 && state != State.CLOSED) {
                onReadable();
            }
            if ((ops & SelectionKey.OP_WRITE) != 0 && state != State.CLOSED) {
                fillOutput();
                flush();
            }
        } catch (IOException e) {
            fail("I/O error: " + e);
        }
    }

    /**
     * Stops sending and starts the closing handshake (RFC 6455 section 7.1.2), or gives up on a connection that never
     * opened.
     */
    void startClose() {
        if (state == State.OPEN) {
            ByteBuffer reason = ByteBuffer.allocate(2).putShort(0, (short) CLOSE_NORMAL);
            FrameEncoder.encode(out, true, 0, Opcode.CLOSE, reason, true, MaskKeys.next());
            state = State.CLOSING;
            try {
                flush();
            } catch (IOException e) {
                fail("I/O error while closing: " + e);
            }
        } else if (state == State.CONNECTING || state == State.HANDSHAKING) {
            fail("did not open before the run ended");
        }
    }

    /** Closes the socket without a closing handshake (end of the run). */
    void abort() {
        closeChannel();
    }

    private void onConnected() throws IOException {
        state = State.HANDSHAKING;
        out.put(handshake.request());
        flush();
    }

    private void onReadable() throws IOException {
        int n = channel.read(in);
        if (n < 0) {
            if (state == State.CLOSING) {
                closeChannel();
            } else {
                fail("the server closed the TCP connection");
            }
            return;
        }
        if (state == State.HANDSHAKING) {
            int head = ClientHandshake.headLength(in);
            if (head < 0) {
                if (in.position() >= ClientHandshake.MAX_HEAD) {
                    fail("handshake response head longer than " + ClientHandshake.MAX_HEAD + " bytes");
                }
                return;
            }
            String problem = handshake.check(in, head);
            if (problem != null) {
                fail(problem);
                return;
            }
            state = State.OPEN;
            settle();
            owed = worker.sending() ? sendTimes.length : 0;
            in.flip().position(head);
        } else {
            in.flip();
        }
        parser.parse(in, this);
        in.clear();
        if (state == State.OPEN || state == State.CLOSING) {
            fillOutput();
            flush();
        }
    }

    private void fillOutput() {
        if (pongLength >= 0 && out.remaining() >= FrameEncoder.MAX_HEADER_LENGTH + pongLength + CLOSE_FRAME) {
            FrameEncoder.encode(out, true, 0, Opcode.PONG, ByteBuffer.wrap(pong, 0, pongLength), true,
                    MaskKeys.next());
            pongLength = -1;
        }
        if (state != State.OPEN || !worker.sending()) {
            return;
        }
        while (owed > 0 && out.remaining() - CONTROL_RESERVE >= frameLength) {
            int maskKey = MaskKeys.next();
            FrameEncoder.encodeHeader(out, true, 0, opcode, size, true, maskKey);
            int start = out.position();
            pattern.write(out, sendSeq);
            Masking.mask(out, start, start + size, maskKey, 0);
            sendTimes[(int) (sendSeq % sendTimes.length)] = System.nanoTime();
            sendSeq++;
            owed--;
        }
    }

    private void flush() throws IOException {
        boolean pending = false;
        if (out.position() > 0) {
            out.flip();
            channel.write(out);
            pending = out.hasRemaining();
            out.compact();
        }
        int ops = pending ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    @Override
    public void onFrameHeader(boolean fin, int rsv, int frameOpcode, long payloadLength) {
        this.frameOpcode = frameOpcode;
        this.frameFin = fin;
        if (Opcode.isControl(frameOpcode)) {
            controlLength = 0;
        } else if (frameOpcode == opcode) {
            if (inMessage) {
                fail("a new message began before the previous echo ended");
            }
            inMessage = true;
            messageOffset = 0;
        } else if (frameOpcode == Opcode.CONTINUATION) {
            if (!inMessage) {
                fail("continuation frame outside a message");
            }
        } else {
            fail("echo is " + Opcode.name(frameOpcode) + " but " + Opcode.name(opcode) + " was sent");
        }
    }

    @Override
    public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
        if (state == State.CLOSED) {
            return;
        }
        int n = payload.remaining();
        if (Opcode.isControl(frameOpcode)) {
            payload.get(control, controlLength, n);
            controlLength += n;
            if (frameComplete) {
                onControlFrame();
            }
            return;
        }
        if (receiveSeq >= sendSeq) {
            fail("echo of a message that was never sent");
            return;
        }
        if (!pattern.matches(payload, receiveSeq, messageOffset, templateView)) {
            fail("echo of message " + receiveSeq + " differs from what was sent in bytes " + messageOffset + ".."
                    + (messageOffset + n));
            return;
        }
        messageOffset += n;
        if (frameComplete && frameFin) {
            if (messageOffset != size) {
                fail("echo of message " + receiveSeq + " has " + messageOffset + " bytes, " + size + " were sent");
                return;
            }
            inMessage = false;
            long latency = System.nanoTime() - sendTimes[(int) (receiveSeq % sendTimes.length)];
            receiveSeq++;
            worker.onMessage(latency);
            if (state == State.OPEN && worker.sending()) {
                owed++;
            }
        }
    }

    private void onControlFrame() {
        switch (frameOpcode) {
            case Opcode.PING -> {
                System.arraycopy(control, 0, pong, 0, controlLength);
                pongLength = controlLength;
            }
            case Opcode.CLOSE -> {
                if (state == State.CLOSING) {
                    closeChannel();
                } else {
                    int code = controlLength >= 2 ? (control[0] & 0xFF) << 8 | (control[1] & 0xFF) : 1005;
                    fail("the server closed the connection with " + code);
                }
            }
            default -> {
                // an unsolicited pong needs no answer (RFC 6455 section 5.5.3)
            }
        }
    }

    @Override
    public void onFrameError(int closeCode, String message) {
        fail("bad frame from the server (" + closeCode + "): " + message);
    }

    private void fail(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        worker.onError(reason);
        parser.stop();
        closeChannel();
    }

    private void settle() {
        if (!settled) {
            settled = true;
            worker.onSettled();
        }
    }

    private void closeChannel() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        settle();
        if (key != null) {
            key.cancel();
        }
        try {
            channel.close();
        } catch (IOException e) {
            // closing anyway; nothing to report
        }
        worker.onClosed();
    }
}
