package io.github.rfc6455.core.frame;

import io.github.rfc6455.core.Role;
import java.nio.ByteBuffer;

/**
 * An incremental parser of WebSocket frames (RFC 6455 section 5.2) over input split at any byte. It never copies a
 * payload: it unmasks each chunk in place (section 5.3) and hands it to a {@link FrameListener} as a window of the
 * input buffer. Only a partial header (at most 14 bytes) is kept between calls, so the parser holds no buffer and
 * every call consumes all the input it is given.
 *
 * <p>Frame-level rules checked here: reserved bits not allowed by the negotiated extensions (5.2), reserved opcodes
 * (5.2), fragmented or oversized control frames (5.5), the masking rule for the receiving role (5.1), a 64-bit length
 * with the most significant bit set (5.2), and the configured maximum frame payload (section 10.4). Message-level
 * rules (continuations, UTF-8, message size) belong to the caller.
 *
 * <p>Not thread-safe: one parser belongs to one connection and is driven by one thread at a time.
 */
public final class FrameParser {
    private static final byte HEADER = 0;
    private static final byte PAYLOAD = 1;
    private static final byte STOPPED = 2;

    private static final int MAX_CONTROL_PAYLOAD = 125;

    private final boolean expectMasked;
    private final long maxFramePayload;
    private int allowedRsv;

    private byte state = HEADER;
    /** How many bytes of a header split across reads are buffered (0 on the fast path). */
    private byte headerBytes;
    /** The current frame's first byte: FIN, RSV1-3, opcode. */
    private byte firstByte;
    private boolean masked;
    private int maskKey;
    /**
     * The current frame's payload length and the bytes of it still to come. While a split header is buffered, the two
     * fields hold its bytes instead, big-endian: bytes 0-7 in {@code payloadLength}, bytes 8-13 in {@code remaining}
     * (the previous frame is complete by then, so nothing else needs them; this keeps an idle parser small).
     */
    private long payloadLength;
    private long remaining;

    /**
     * @param receiver the role of the endpoint that receives these frames: a {@link Role#SERVER} requires masked
     *                 frames, a {@link Role#CLIENT} rejects them
     * @param maxFramePayload the largest payload accepted in one frame; larger ones fail with 1009
     * @param allowedRsv the RSV bits ({@code 0x40}, {@code 0x20}, {@code 0x10}) that negotiated extensions may set
     *                   on data frames; any other set RSV bit fails with 1002
     */
    public FrameParser(Role receiver, long maxFramePayload, int allowedRsv) {
        if (maxFramePayload < MAX_CONTROL_PAYLOAD) {
            throw new IllegalArgumentException("maxFramePayload must be at least 125: " + maxFramePayload);
        }
        this.expectMasked = receiver.expectsMaskedIncoming();
        this.maxFramePayload = maxFramePayload;
        this.allowedRsv = allowedRsv & 0x70;
    }

    /**
     * Changes the RSV bits data frames may carry, once extensions are negotiated.
     *
     * @param allowedRsv RSV bits in header position
     */
    public void allowRsv(int allowedRsv) {
        this.allowedRsv = allowedRsv & 0x70;
    }

    /**
     * Parses all of {@code in}, reporting frames to {@code listener}. On return the buffer's position equals its limit,
     * unless the parser stopped (an error, or {@link #stop()} called from a listener).
     *
     * @param in the received bytes; masked payload bytes are unmasked in place
     * @param listener receives headers, payload chunks and errors
     */
    public void parse(ByteBuffer in, FrameListener listener) {
        while (true) {
            if (state == PAYLOAD) {
                if (!deliverPayload(in, listener)) {
                    return;
                }
            } else if (state == HEADER) {
                if (!parseHeader(in, listener)) {
                    return;
                }
            } else {
                return;
            }
        }
    }

    /**
     * Stops parsing for good: the current {@link #parse} call returns after the listener call in progress and later
     * calls consume nothing. Used when a higher layer fails the connection.
     */
    public void stop() {
        state = STOPPED;
    }

    /** @return the FIN bit of the current frame (valid from {@link FrameListener#onFrameHeader} until the next one) */
    public boolean fin() {
        return (firstByte & 0x80) != 0;
    }

    /** @return the opcode of the current frame (valid from {@link FrameListener#onFrameHeader} until the next one) */
    public int opcode() {
        return firstByte & 0x0F;
    }

    /** @return the payload length of the current frame (valid from {@link FrameListener#onFrameHeader} on) */
    public long payloadLength() {
        return payloadLength;
    }

    /**
     * @return the payload bytes of the current frame still to come after the chunk being delivered (valid during
     *         {@link FrameListener#onFramePayload})
     */
    public long remaining() {
        return remaining;
    }

    /** @return true when the parser is between frames (no partial header or payload pending) */
    public boolean atFrameBoundary() {
        return state == HEADER && headerBytes == 0;
    }

    private boolean deliverPayload(ByteBuffer in, FrameListener listener) {
        int start = in.position();
        int limit = in.limit();
        int available = limit - start;
        if (available == 0 && remaining != 0) {
            return false;
        }
        int n = remaining < available ? (int) remaining : available;
        int end = start + n;
        if (masked && n != 0) {
            Masking.mask(in, start, end, maskKey, payloadLength - remaining);
        }
        remaining -= n;
        boolean complete = remaining == 0;
        if (complete) {
            state = HEADER;
        }
        in.limit(end);
        listener.onFramePayload(in, complete);
        in.limit(limit);
        in.position(end);
        return complete && state == HEADER;
    }

    private boolean parseHeader(ByteBuffer in, FrameListener listener) {
        if (headerBytes == 0) {
            int pos = in.position();
            int available = in.limit() - pos;
            if (available >= 2) {
                int b0 = in.get(pos) & 0xFF;
                int b1 = in.get(pos + 1) & 0xFF;
                int needed = headerLength(b1);
                if (available >= needed) {
                    int at = pos + 2;
                    int len7 = b1 & 0x7F;
                    long length;
                    if (len7 < 126) {
                        length = len7;
                    } else if (len7 == 126) {
                        length = (in.get(at) & 0xFF) << 8 | (in.get(at + 1) & 0xFF);
                        at += 2;
                    } else {
                        length = bigEndianLong(in, at);
                        at += 8;
                    }
                    int key = (b1 & 0x80) != 0 ? bigEndianInt(in, at) : 0;
                    in.position(pos + needed);
                    return onHeader(b0, b1, length, key, listener);
                }
            }
        }
        return bufferHeader(in, listener);
    }

    /** Slow path: accumulates a header that arrives split across reads, without allocating. */
    private boolean bufferHeader(ByteBuffer in, FrameListener listener) {
        int needed = headerBytes < 2 ? 2 : headerLength((int) headerByte(1));
        while (headerBytes < needed && in.hasRemaining()) {
            appendHeaderByte(in.get() & 0xFF);
            if (headerBytes == 2) {
                needed = headerLength((int) headerByte(1));
            }
        }
        if (headerBytes < needed) {
            return false;
        }
        int b0 = (int) headerByte(0);
        int b1 = (int) headerByte(1);
        int len7 = b1 & 0x7F;
        int at = 2;
        long length = len7;
        if (len7 == 126) {
            length = headerBytes(at, 2);
            at += 2;
        } else if (len7 == 127) {
            length = headerBytes(at, 8);
            at += 8;
        }
        int key = (b1 & 0x80) != 0 ? (int) headerBytes(at, 4) : 0;
        headerBytes = 0;
        return onHeader(b0, b1, length, key, listener);
    }

    private void appendHeaderByte(int b) {
        if (headerBytes == 0) {
            payloadLength = 0;
            remaining = 0;
        }
        if (headerBytes < 8) {
            payloadLength = (payloadLength << 8) | b;
        } else {
            remaining = (remaining << 8) | b;
        }
        headerBytes++;
    }

    private long headerByte(int i) {
        if (i < 8) {
            int inFirst = Math.min(headerBytes, 8);
            return (payloadLength >>> ((inFirst - 1 - i) << 3)) & 0xFF;
        }
        return (remaining >>> ((headerBytes - 1 - i) << 3)) & 0xFF;
    }

    private long headerBytes(int from, int count) {
        long value = 0;
        for (int i = 0; i < count; i++) {
            value = (value << 8) | headerByte(from + i);
        }
        return value;
    }

    private static long bigEndianLong(ByteBuffer in, int at) {
        long value = in.getLong(at);
        return in.order() == java.nio.ByteOrder.BIG_ENDIAN ? value : Long.reverseBytes(value);
    }

    private static int bigEndianInt(ByteBuffer in, int at) {
        int value = in.getInt(at);
        return in.order() == java.nio.ByteOrder.BIG_ENDIAN ? value : Integer.reverseBytes(value);
    }

    private static int headerLength(int b1) {
        int len7 = b1 & 0x7F;
        int n = len7 < 126 ? 2 : len7 == 126 ? 4 : 10;
        return (b1 & 0x80) != 0 ? n + 4 : n;
    }

    private boolean onHeader(int b0, int b1, long length, int key, FrameListener listener) {
        boolean fin = (b0 & 0x80) != 0;
        int rsv = b0 & 0x70;
        int opcode = b0 & 0x0F;
        firstByte = (byte) b0;
        masked = (b1 & 0x80) != 0;
        maskKey = key;
        String error = check(fin, rsv, opcode, length);
        if (error != null) {
            state = STOPPED;
            listener.onFrameError(error == TOO_BIG ? CloseCodes.MESSAGE_TOO_BIG : CloseCodes.PROTOCOL_ERROR, error);
            return false;
        }
        payloadLength = length;
        remaining = length;
        state = PAYLOAD;
        listener.onFrameHeader(fin, rsv, opcode, length);
        return state == PAYLOAD;
    }

    private static final String TOO_BIG = "frame payload exceeds the configured maximum frame size";

    /** @return null when the header is acceptable, else the reason (constant strings: no allocation). */
    private String check(boolean fin, int rsv, int opcode, long length) {
        if (length < 0) {
            return "64-bit payload length with the most significant bit set (RFC 6455 section 5.2)";
        }
        if (!Opcode.isDefined(opcode)) {
            return "reserved opcode (RFC 6455 section 5.2)";
        }
        if (Opcode.isControl(opcode)) {
            if (!fin) {
                return "fragmented control frame (RFC 6455 section 5.5)";
            }
            if (length > MAX_CONTROL_PAYLOAD) {
                return "control frame payload longer than 125 bytes (RFC 6455 section 5.5)";
            }
            if (rsv != 0) {
                return "reserved bit set on a control frame (RFC 6455 section 5.2)";
            }
        } else if ((rsv & ~allowedRsv) != 0) {
            return "reserved bit set without a negotiated extension (RFC 6455 section 5.2)";
        }
        if (masked != expectMasked) {
            return expectMasked
                    ? "unmasked frame from a client (RFC 6455 section 5.1)"
                    : "masked frame from a server (RFC 6455 section 5.1)";
        }
        if (length > maxFramePayload) {
            return TOO_BIG;
        }
        return null;
    }
}
