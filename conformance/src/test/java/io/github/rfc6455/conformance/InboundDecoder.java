package io.github.rfc6455.conformance;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.DataFormatException;

/**
 * The kit's own frame parser and message assembler (RFC 6455 sections 5 and 6.2, RFC 7692 section 6), checking the
 * peer's frames exactly as the official fuzzer does: RSV bits, masking direction, reserved opcodes, control frame
 * rules, fragmentation order, minimal length encoding, UTF-8 of text messages and close reasons.
 *
 * <p>A violation is reported and parsing goes on, as the official fuzzer does with {@code failByDrop = false}; the
 * session then stops delivering messages. Not thread-safe: one connection's reactor thread feeds it.
 */
final class InboundDecoder {

    /** What the decoder reports. */
    interface Handler {

        /** The peer broke a rule; {@code code} is the close code to fail with (1002 or 1007). */
        void violation(int code, String reason);

        void onMessage(byte[] payload, boolean binary);

        void onPing(byte[] payload);

        void onPong(byte[] payload);

        /** A close frame: the code ({@code null} for an empty body) and the raw reason octets (maybe empty). */
        void onClose(Integer code, byte[] reason);
    }

    /** Largest frame the kit buffers; anything larger ends the decoding. */
    static final long MAX_FRAME = 128L << 20;

    private final boolean fuzzerIsServer;
    private final DeflateCodec deflate;
    private final Handler handler;
    private final Utf8Validator utf8 = new Utf8Validator();

    private byte[] buf = new byte[8192];
    private int start;
    private int end;
    private boolean stopped;

    private boolean headerChecked;
    private boolean insideMessage;
    private boolean messageBinary;
    private boolean messageText;
    private boolean messageCompressed;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();

    InboundDecoder(boolean fuzzerIsServer, DeflateCodec deflate, Handler handler) {
        this.fuzzerIsServer = fuzzerIsServer;
        this.deflate = deflate;
        this.handler = handler;
    }

    /** Stops decoding; further input is ignored. */
    void stop() {
        stopped = true;
    }

    void feed(byte[] data, int offset, int length) {
        if (stopped) {
            return;
        }
        append(data, offset, length);
        while (!stopped && parseOne()) {
            // keep going while complete frames are buffered
        }
        if (start == end) {
            start = 0;
            end = 0;
        }
    }

    private void append(byte[] data, int offset, int length) {
        if (buf.length - end < length) {
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            }
            if (buf.length - end < length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, end + length));
            }
        }
        System.arraycopy(data, offset, buf, end, length);
        end += length;
    }

    /** Parses one frame if it is complete; returns whether it did. */
    private boolean parseOne() {
        int available = end - start;
        if (available < 2) {
            return false;
        }
        int b0 = buf[start] & 0xFF;
        int b1 = buf[start + 1] & 0xFF;
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 >> 4) & 7;
        int opcode = b0 & 0x0F;
        boolean masked = (b1 & 0x80) != 0;
        int len1 = b1 & 0x7F;
        if (!headerChecked) {
            headerChecked = true;
            checkHeader(fin, rsv, opcode, masked, len1);
            if (stopped) {
                return false;
            }
        }
        int extended = len1 == 126 ? 2 : len1 == 127 ? 8 : 0;
        int headerLength = 2 + extended + (masked ? 4 : 0);
        if (available < headerLength) {
            return false;
        }
        long length = len1;
        if (len1 == 126) {
            length = ((buf[start + 2] & 0xFF) << 8) | (buf[start + 3] & 0xFF);
        } else if (len1 == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | (buf[start + 2 + i] & 0xFF);
            }
        }
        if (!checkLength(len1, length) || available < headerLength + length) {
            return false;
        }
        int payloadStart = start + headerLength;
        byte[] payload = Arrays.copyOfRange(buf, payloadStart, payloadStart + (int) length);
        if (masked) {
            byte[] key = Arrays.copyOfRange(buf, payloadStart - 4, payloadStart);
            WireFrames.mask(payload, 0, payload.length, key, 0);
        }
        start = payloadStart + (int) length;
        headerChecked = false;
        lengthChecked = false;
        if (opcode > 7) {
            control(opcode, payload);
        } else {
            data(fin, rsv, opcode, payload);
        }
        return true;
    }

    private boolean lengthChecked;

    /** Length rules (RFC 6455 section 5.2); returns false when decoding must stop. */
    private boolean checkLength(int len1, long length) {
        if (lengthChecked) {
            return true;
        }
        lengthChecked = true;
        if ((len1 == 126 && length < 126) || (len1 == 127 && length >= 0 && length < 65536)) {
            handler.violation(1002, "invalid frame length (not using minimal length encoding)");
        }
        if (length < 0) {
            handler.violation(1002, "invalid frame length (>2^63)");
            stopped = true;
            return false;
        }
        if (length > MAX_FRAME) {
            handler.violation(1009, "frame of " + length + " octets is larger than the kit buffers");
            stopped = true;
            return false;
        }
        return true;
    }

    private void checkHeader(boolean fin, int rsv, int opcode, boolean masked, int len1) {
        if (rsv != 0 && !(deflate != null && rsv == 4)) {
            handler.violation(1002, "RSV = " + rsv + " and no extension negotiated");
        }
        if (fuzzerIsServer && !masked) {
            handler.violation(1002, "unmasked client-to-server frame (RFC 6455 section 5.1)");
        }
        if (!fuzzerIsServer && masked) {
            handler.violation(1002, "masked server-to-client frame (RFC 6455 section 5.1)");
        }
        if (opcode > 7) {
            if (!fin) {
                handler.violation(1002, "fragmented control frame (RFC 6455 section 5.5)");
            }
            if (len1 > 125) {
                handler.violation(1002, "control frame with payload length > 125 octets (RFC 6455 section 5.5)");
            }
            if (opcode != 8 && opcode != 9 && opcode != 10) {
                handler.violation(1002, "control frame using reserved opcode " + opcode);
            }
            if (opcode == 8 && len1 == 1) {
                handler.violation(1002, "close frame with payload length 1 (RFC 6455 section 5.5.1)");
            }
            if (deflate != null && rsv == 4) {
                handler.violation(1002, "compressed control frame (RFC 7692 section 6.1)");
            }
        } else {
            if (opcode > 2) {
                handler.violation(1002, "data frame using reserved opcode " + opcode);
            }
            if (!insideMessage && opcode == 0) {
                handler.violation(1002, "continuation frame outside a fragmented message (RFC 6455 section 5.4)");
            }
            if (insideMessage && opcode != 0) {
                handler.violation(1002, "new data frame inside a fragmented message (RFC 6455 section 5.4)");
            }
            if (deflate != null && rsv == 4 && insideMessage) {
                handler.violation(1002, "continuation frame with the compression bit set (RFC 7692 section 6.1)");
            }
        }
    }

    private void control(int opcode, byte[] payload) {
        switch (opcode) {
            case 8 -> {
                Integer code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : null;
                byte[] reason = payload.length > 2 ? Arrays.copyOfRange(payload, 2, payload.length) : new byte[0];
                handler.onClose(code, reason);
            }
            case 9 -> handler.onPing(payload);
            case 10 -> handler.onPong(payload);
            default -> {
                // reserved control opcode: already reported, nothing to deliver
            }
        }
    }

    private void data(boolean fin, int rsv, int opcode, byte[] payload) {
        if (!insideMessage) {
            insideMessage = true;
            messageBinary = opcode == 2;
            messageText = opcode == 1;
            messageCompressed = deflate != null && (rsv & 4) != 0;
            message.reset();
            utf8.reset();
        }
        message.writeBytes(payload);
        if (messageText && !messageCompressed && !utf8.feed(payload)) {
            handler.violation(1007, "invalid UTF-8 in text message at payload octet " + utf8.position());
            messageText = false;
        }
        if (!fin) {
            return;
        }
        insideMessage = false;
        byte[] complete = message.toByteArray();
        message.reset();
        if (messageCompressed) {
            try {
                complete = deflate.decompress(complete);
            } catch (DataFormatException e) {
                handler.violation(1007, "invalid compressed message: " + e.getMessage());
                return;
            }
            if (messageText && !utf8.feed(complete)) {
                handler.violation(1007, "invalid UTF-8 in text message at payload octet " + utf8.position());
                return;
            }
        }
        if (messageText && !utf8.complete()) {
            handler.violation(1007, "text message ended within a code point at payload octet " + utf8.position());
            return;
        }
        handler.onMessage(complete, messageBinary);
    }
}
