package io.github.rfc6455.core.frame;

/**
 * Frame opcodes of RFC 6455 section 5.2, as the 4-bit values found in the first byte of a frame. Kept as {@code int}
 * constants rather than an enum so that the frame hot path never maps or allocates.
 *
 * <p>Stateless and thread-safe.
 */
public final class Opcode {
    /** %x0: a continuation frame (section 5.4). */
    public static final int CONTINUATION = 0x0;
    /** %x1: the first frame of a text message. */
    public static final int TEXT = 0x1;
    /** %x2: the first frame of a binary message. */
    public static final int BINARY = 0x2;
    /** %x8: a connection close (section 5.5.1). */
    public static final int CLOSE = 0x8;
    /** %x9: a ping (section 5.5.2). */
    public static final int PING = 0x9;
    /** %xA: a pong (section 5.5.3). */
    public static final int PONG = 0xA;

    private Opcode() {
    }

    /**
     * @param opcode a 4-bit opcode
     * @return true for control opcodes (%x8-%xF; section 5.5: the most significant bit of the opcode is set)
     */
    public static boolean isControl(int opcode) {
        return (opcode & 0x8) != 0;
    }

    /**
     * @param opcode a 4-bit opcode
     * @return true for the opcodes RFC 6455 defines; %x3-%x7 and %xB-%xF are reserved (section 5.2)
     */
    public static boolean isDefined(int opcode) {
        return opcode <= BINARY || (opcode >= CLOSE && opcode <= PONG);
    }

    /**
     * @param opcode a 4-bit opcode
     * @return a readable name, for messages and logs
     */
    public static String name(int opcode) {
        switch (opcode) {
            case CONTINUATION: return "continuation";
            case TEXT: return "text";
            case BINARY: return "binary";
            case CLOSE: return "close";
            case PING: return "ping";
            case PONG: return "pong";
            default: return "reserved opcode 0x" + Integer.toHexString(opcode);
        }
    }
}
