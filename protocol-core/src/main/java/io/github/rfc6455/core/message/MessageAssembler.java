package io.github.rfc6455.core.message;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Assembles the fragments of one inbound message (RFC 6455 section 5.4) under the configured limits: it counts
 * fragments, counts bytes (after decompression, when the message was compressed), validates text as it streams
 * (section 8.1, failing at the first invalid byte) and, only when a message spans several chunks, copies it into
 * storage that grows up to the message limit and is released when the message ends.
 *
 * <p>Not thread-safe: one assembler belongs to one connection's receiving side.
 */
public final class MessageAssembler {
    /** Result of the checks: the message may go on. */
    public static final int OK = 0;

    private static final int MIN_CAPACITY = 256;
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private final long maxMessageSize;
    private final int maxFragments;

    private int opcode = -1;
    private boolean compressed;
    private int fragments;
    private long length;
    private byte[] storage;
    private int stored;
    /** UTF-8 state of a text message, see {@link Utf8Validator#advance}. */
    private int utf8;

    /**
     * @param maxMessageSize the largest message in bytes (1009 beyond)
     * @param maxFragments the most frames per message (1009 beyond)
     */
    public MessageAssembler(long maxMessageSize, int maxFragments) {
        this.maxMessageSize = maxMessageSize;
        this.maxFragments = maxFragments;
    }

    /** @return true between {@link #begin} and {@link #reset} */
    public boolean inMessage() {
        return opcode >= 0;
    }

    /** @return {@link Opcode#TEXT} or {@link Opcode#BINARY} for the message in progress */
    public int opcode() {
        return opcode;
    }

    /** @return true when the message in progress is a text message */
    public boolean isText() {
        return opcode == Opcode.TEXT;
    }

    /** @return whether the message in progress was marked as transformed by an extension */
    public boolean compressed() {
        return compressed;
    }

    /** @return the bytes of the message counted so far */
    public long length() {
        return length;
    }

    /**
     * Starts a message.
     *
     * @param messageOpcode {@link Opcode#TEXT} or {@link Opcode#BINARY}
     * @param isCompressed whether an extension transformed it
     */
    public void begin(int messageOpcode, boolean isCompressed) {
        opcode = messageOpcode;
        compressed = isCompressed;
        fragments = 0;
        length = 0;
        stored = 0;
        utf8 = Utf8Validator.ACCEPT;
    }

    /**
     * Counts a frame of the message.
     *
     * @return false when the message now has more frames than allowed (fail with 1009)
     */
    public boolean countFrame() {
        return ++fragments <= maxFragments;
    }

    /**
     * For an untransformed message, checks a frame's announced length up front, so an oversized message fails
     * before its payload arrives.
     *
     * @param framePayloadLength the frame's announced payload length
     * @return false when the message would exceed the limit (fail with 1009)
     */
    public boolean fits(long framePayloadLength) {
        return compressed || length + framePayloadLength <= maxMessageSize;
    }

    /**
     * Counts and checks the next bytes of the message without storing them (position not moved).
     *
     * @param chunk the bytes between position and limit
     * @return {@link #OK}, {@link CloseCodes#MESSAGE_TOO_BIG} or {@link CloseCodes#INVALID_FRAME_PAYLOAD_DATA}
     */
    public int check(ByteBuffer chunk) {
        length += chunk.remaining();
        if (length > maxMessageSize) {
            return CloseCodes.MESSAGE_TOO_BIG;
        }
        if (opcode == Opcode.TEXT && (utf8 = Utf8Validator.advance(utf8, chunk)) == Utf8Validator.REJECT) {
            return CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
        }
        return OK;
    }

    /**
     * Checks, then stores the next bytes of the message, consuming them.
     *
     * @param chunk the bytes between position and limit
     * @param sizeHint the total size the message is expected to have, or -1 when unknown
     * @return as {@link #check}
     */
    public int append(ByteBuffer chunk, long sizeHint) {
        int code = check(chunk);
        if (code != OK) {
            return code;
        }
        int n = chunk.remaining();
        if (n == 0) {
            return OK;
        }
        if (stored + (long) n > MAX_ARRAY) {
            return CloseCodes.MESSAGE_TOO_BIG;
        }
        ensureCapacity(stored + n, sizeHint);
        chunk.get(storage, stored, n);
        stored += n;
        return OK;
    }

    /** @return true when nothing of the message has been stored yet */
    public boolean nothingStored() {
        return stored == 0;
    }

    /**
     * Checks that the message may end here.
     *
     * @return {@link #OK}, or {@link CloseCodes#INVALID_FRAME_PAYLOAD_DATA} when a text message ends inside a UTF-8
     *         sequence
     */
    public int checkEnd() {
        return opcode == Opcode.TEXT && utf8 != Utf8Validator.ACCEPT ? CloseCodes.INVALID_FRAME_PAYLOAD_DATA : OK;
    }

    /** @return the stored message bytes, valid until {@link #reset} */
    public ByteBuffer content() {
        return storage == null ? ByteBuffer.allocate(0) : ByteBuffer.wrap(storage, 0, stored);
    }

    /** @return the stored message decoded as UTF-8 (validated on the way in) */
    public String text() {
        return storage == null ? "" : new String(storage, 0, stored, StandardCharsets.UTF_8);
    }

    /** Ends the message in progress and releases its storage. */
    public void reset() {
        opcode = -1;
        compressed = false;
        storage = null;
        stored = 0;
        length = 0;
        fragments = 0;
    }

    /**
     * Grows the storage by doubling. An announced size only caps the growth: it is never reserved up front, so a
     * peer cannot make the connection hold memory for bytes it has not sent (a 14-byte header announcing 16 MiB).
     */
    private void ensureCapacity(int needed, long sizeHint) {
        if (storage != null && storage.length >= needed) {
            return;
        }
        long capacity = Math.max(needed, Math.max(MIN_CAPACITY, storage == null ? 0 : 2L * storage.length));
        if (sizeHint >= needed) {
            capacity = Math.min(capacity, sizeHint);
        }
        capacity = Math.min(capacity, Math.min(maxMessageSize, MAX_ARRAY));
        capacity = Math.max(capacity, needed);
        byte[] grown = new byte[(int) capacity];
        if (storage != null) {
            System.arraycopy(storage, 0, grown, 0, stored);
        }
        storage = grown;
    }
}
