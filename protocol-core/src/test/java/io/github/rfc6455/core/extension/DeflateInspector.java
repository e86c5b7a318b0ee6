package io.github.rfc6455.core.extension;

import java.util.Arrays;

/**
 * A small independent DEFLATE decoder (RFC 1951, written after Mark Adler's {@code puff.c}) that checks every
 * back-reference against a window size: it inflates permessage-deflate messages the way a peer limited to
 * {@code 2^windowBits} bytes of LZ77 window would, and fails on any distance longer than that (or longer than the
 * output so far). It also records the longest distance seen. Test code only; it favours clarity over speed.
 *
 * <p>Not thread-safe.
 */
final class DeflateInspector {
    private static final int[] LENGTH_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
        67, 83, 99, 115, 131, 163, 195, 227, 258};
    private static final int[] LENGTH_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
        5, 5, 5, 5, 0};
    private static final int[] DISTANCE_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
        513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    private static final int[] DISTANCE_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
        10, 11, 11, 12, 12, 13, 13};
    private static final int[] CODE_LENGTH_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

    /** A DEFLATE stream that is invalid, or uses a distance the window does not allow. */
    static final class DeflateViolation extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeflateViolation(String message) {
            super(message);
        }
    }

    private final int windowSize;
    private byte[] history = new byte[1024];
    private int historyLength;
    private int maxDistance;

    private byte[] in;
    private int pos;
    private int bitBuffer;
    private int bitCount;

    /** @param windowBits the window of the decoder this one imitates, 2^windowBits bytes (8 to 15) */
    DeflateInspector(int windowBits) {
        this.windowSize = 1 << windowBits;
    }

    /**
     * Inflates one message as RFC 7692 section 7.2.2 says: its payload with {@code 00 00 FF FF} appended, as a run of
     * DEFLATE blocks that must end exactly there. The history of earlier messages stays available (context takeover)
     * until {@link #reset}.
     *
     * @param payload the compressed payload as sent
     * @return the inflated message
     * @throws DeflateViolation when the data is invalid or reaches beyond the window
     */
    byte[] inflateMessage(byte[] payload) {
        in = Arrays.copyOf(payload, payload.length + 4);
        in[payload.length + 2] = (byte) 0xFF;
        in[payload.length + 3] = (byte) 0xFF;
        pos = 0;
        bitBuffer = 0;
        bitCount = 0;
        int start = historyLength;
        while (pos < in.length || bitCount >= 8) {
            boolean last = bits(1) == 1;
            int type = bits(2);
            switch (type) {
                case 0 -> stored();
                case 1 -> codes(fixedLiteralLengths(), fixedDistances());
                case 2 -> dynamic();
                default -> throw new DeflateViolation("invalid block type 3");
            }
            if (last) {
                throw new DeflateViolation("unexpected final block (BFINAL) in a permessage-deflate message");
            }
        }
        if (bitCount != 0 && bitBuffer != 0) {
            throw new DeflateViolation("message does not end on a block boundary");
        }
        return Arrays.copyOfRange(history, start, historyLength);
    }

    /** Forgets the history: the next message starts a new context. */
    void reset() {
        historyLength = 0;
    }

    /** @return the longest back-reference distance seen */
    int maxDistance() {
        return maxDistance;
    }

    private int bits(int need) {
        int value = bitBuffer;
        while (bitCount < need) {
            if (pos >= in.length) {
                throw new DeflateViolation("data ends inside a block");
            }
            value |= (in[pos++] & 0xFF) << bitCount;
            bitCount += 8;
        }
        bitBuffer = value >>> need;
        bitCount -= need;
        return value & ((1 << need) - 1);
    }

    private void stored() {
        bitBuffer = 0;
        bitCount = 0;
        if (pos + 4 > in.length) {
            throw new DeflateViolation("stored block header cut short");
        }
        int length = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
        int complement = (in[pos + 2] & 0xFF) | (in[pos + 3] & 0xFF) << 8;
        pos += 4;
        if (length != (~complement & 0xFFFF)) {
            throw new DeflateViolation("stored block length does not match its complement");
        }
        if (pos + length > in.length) {
            throw new DeflateViolation("stored block cut short");
        }
        for (int i = 0; i < length; i++) {
            emit(in[pos++]);
        }
    }

    private void dynamic() {
        int literalCount = bits(5) + 257;
        int distanceCount = bits(5) + 1;
        int codeCount = bits(4) + 4;
        if (literalCount > 286 || distanceCount > 30) {
            throw new DeflateViolation("too many length or distance codes");
        }
        int[] lengths = new int[19];
        for (int i = 0; i < codeCount; i++) {
            lengths[CODE_LENGTH_ORDER[i]] = bits(3);
        }
        Huffman lengthCode = new Huffman(lengths, 0, 19);
        int[] all = new int[literalCount + distanceCount];
        int index = 0;
        while (index < all.length) {
            int symbol = lengthCode.decode();
            if (symbol < 16) {
                all[index++] = symbol;
                continue;
            }
            int repeat;
            int value = 0;
            if (symbol == 16) {
                if (index == 0) {
                    throw new DeflateViolation("repeat with no previous length");
                }
                value = all[index - 1];
                repeat = 3 + bits(2);
            } else if (symbol == 17) {
                repeat = 3 + bits(3);
            } else {
                repeat = 11 + bits(7);
            }
            if (index + repeat > all.length) {
                throw new DeflateViolation("too many code lengths");
            }
            while (repeat-- > 0) {
                all[index++] = value;
            }
        }
        if (all[256] == 0) {
            throw new DeflateViolation("no end-of-block code");
        }
        codes(new Huffman(all, 0, literalCount), new Huffman(all, literalCount, distanceCount));
    }

    private void codes(Huffman literals, Huffman distances) {
        while (true) {
            int symbol = literals.decode();
            if (symbol < 256) {
                emit((byte) symbol);
            } else if (symbol == 256) {
                return;
            } else {
                symbol -= 257;
                if (symbol >= 29) {
                    throw new DeflateViolation("invalid length symbol");
                }
                int length = LENGTH_BASE[symbol] + bits(LENGTH_EXTRA[symbol]);
                int distanceSymbol = distances.decode();
                if (distanceSymbol >= 30) {
                    throw new DeflateViolation("invalid distance symbol");
                }
                int distance = DISTANCE_BASE[distanceSymbol] + bits(DISTANCE_EXTRA[distanceSymbol]);
                if (distance > historyLength) {
                    throw new DeflateViolation("distance " + distance + " reaches before the start of the stream");
                }
                if (distance > windowSize) {
                    throw new DeflateViolation("distance " + distance + " exceeds the " + windowSize + "-byte window");
                }
                maxDistance = Math.max(maxDistance, distance);
                for (int i = 0; i < length; i++) {
                    emit(history[historyLength - distance]);
                }
            }
        }
    }

    private void emit(byte b) {
        if (historyLength == history.length) {
            history = Arrays.copyOf(history, history.length * 2);
        }
        history[historyLength++] = b;
    }

    private Huffman fixedLiteralLengths() {
        int[] lengths = new int[288];
        Arrays.fill(lengths, 0, 144, 8);
        Arrays.fill(lengths, 144, 256, 9);
        Arrays.fill(lengths, 256, 280, 7);
        Arrays.fill(lengths, 280, 288, 8);
        return new Huffman(lengths, 0, 288);
    }

    private Huffman fixedDistances() {
        int[] lengths = new int[30];
        Arrays.fill(lengths, 5);
        return new Huffman(lengths, 0, 30);
    }

    /** A canonical Huffman code (RFC 1951 section 3.2.2) read one bit at a time. */
    private final class Huffman {
        private final int[] count = new int[16];
        private final int[] symbols;

        Huffman(int[] lengths, int offset, int n) {
            symbols = new int[n];
            for (int i = 0; i < n; i++) {
                count[lengths[offset + i]]++;
            }
            int left = 1;
            for (int len = 1; len < 16; len++) {
                left = (left << 1) - count[len];
                if (left < 0) {
                    throw new DeflateViolation("over-subscribed Huffman code");
                }
            }
            int[] offsets = new int[16];
            for (int len = 1; len < 15; len++) {
                offsets[len + 1] = offsets[len] + count[len];
            }
            for (int i = 0; i < n; i++) {
                if (lengths[offset + i] != 0) {
                    symbols[offsets[lengths[offset + i]]++] = i;
                }
            }
        }

        int decode() {
            int code = 0;
            int first = 0;
            int index = 0;
            for (int len = 1; len < 16; len++) {
                code |= bits(1);
                int c = count[len];
                if (code - c < first) {
                    return symbols[index + (code - first)];
                }
                index += c;
                first += c;
                first <<= 1;
                code <<= 1;
            }
            throw new DeflateViolation("invalid Huffman code");
        }
    }
}
