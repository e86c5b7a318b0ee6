package io.github.rfc6455.core.message;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A streaming UTF-8 validator (RFC 3629 section 4; required for text messages by RFC 6455 section 8.1) that accepts
 * input split at any byte and reports an invalid sequence at the first byte that makes it invalid, so a connection can
 * be failed in the middle of a fragment (the fail-fast behaviour the Autobahn cases 6.4.x check).
 *
 * <p>It is a shift-based DFA: each byte value maps to one {@code long} row holding, for every state, the offset of
 * the next state, so a step is one table load, one shift and one mask. ASCII runs are skipped eight bytes at a time.
 * Overlong encodings, surrogates (U+D800-U+DFFF) and code points above U+10FFFF are rejected.
 *
 * <p>Not thread-safe: an instance holds the state of one text message. The static {@link #isValid} is thread-safe.
 */
public final class Utf8Validator {
    /** The DFA state at a character boundary; also the initial state. */
    static final int ACCEPT = 0;
    /** The DFA state once the input cannot be valid UTF-8. */
    static final int REJECT = 6;
    private static final int TAIL1 = 12;   // one more continuation byte
    private static final int TAIL2 = 18;   // two more
    private static final int TAIL3 = 24;   // three more
    private static final int AFTER_E0 = 30; // next in A0..BF (no overlong 3-byte)
    private static final int AFTER_ED = 36; // next in 80..9F (no surrogates)
    private static final int AFTER_F0 = 42; // next in 90..BF (no overlong 4-byte)
    private static final int AFTER_F4 = 48; // next in 80..8F (nothing above U+10FFFF)

    private static final long[] ROWS = new long[256];
    private static final long ASCII_MASK = 0x8080_8080_8080_8080L;
    private static final VarHandle LONGS_IN_ARRAY =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static {
        for (int b = 0; b < 256; b++) {
            long row = transition(REJECT, REJECT);
            for (int s = ACCEPT; s <= AFTER_F4; s += 6) {
                row |= transition(s, next(s, b));
            }
            ROWS[b] = row;
        }
    }

    private static long transition(int state, int next) {
        return (long) next << state;
    }

    private static int next(int state, int b) {
        boolean cont = b >= 0x80 && b <= 0xBF;
        switch (state) {
            case ACCEPT:
                if (b < 0x80) {
                    return ACCEPT;
                } else if (b >= 0xC2 && b <= 0xDF) {
                    return TAIL1;
                } else if (b == 0xE0) {
                    return AFTER_E0;
                } else if (b == 0xED) {
                    return AFTER_ED;
                } else if (b >= 0xE1 && b <= 0xEF) {
                    return TAIL2;
                } else if (b == 0xF0) {
                    return AFTER_F0;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    return TAIL3;
                } else if (b == 0xF4) {
                    return AFTER_F4;
                }
                return REJECT;
            case TAIL1:
                return cont ? ACCEPT : REJECT;
            case TAIL2:
                return cont ? TAIL1 : REJECT;
            case TAIL3:
                return cont ? TAIL2 : REJECT;
            case AFTER_E0:
                return b >= 0xA0 && b <= 0xBF ? TAIL1 : REJECT;
            case AFTER_ED:
                return b >= 0x80 && b <= 0x9F ? TAIL1 : REJECT;
            case AFTER_F0:
                return b >= 0x90 && b <= 0xBF ? TAIL2 : REJECT;
            case AFTER_F4:
                return b >= 0x80 && b <= 0x8F ? TAIL2 : REJECT;
            default:
                return REJECT;
        }
    }

    private int state = ACCEPT;

    /** Creates a validator at the start of a text. */
    public Utf8Validator() {
    }

    /**
     * Validates the bytes between the buffer's position and limit as the continuation of the text seen so far.
     * The buffer's position is not moved.
     *
     * @param bytes the next bytes of the text
     * @return false as soon as the text seen so far cannot be the prefix of valid UTF-8; the validator then stays
     *         invalid until {@link #reset()}
     */
    public boolean update(ByteBuffer bytes) {
        state = advance(state, bytes);
        return state != REJECT;
    }

    /**
     * Runs the DFA over the bytes between position and limit (position not moved), for holders of their own state.
     *
     * @param s the state so far ({@link #ACCEPT} at the start of a text)
     * @param bytes the next bytes
     * @return the new state; {@link #REJECT} once the input cannot be valid
     */
    static int advance(int s, ByteBuffer bytes) {
        if (s == REJECT) {
            return REJECT;
        }
        return bytes.hasArray()
                ? run(s, bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.arrayOffset() + bytes.limit())
                : run(s, bytes, bytes.position(), bytes.limit());
    }

    /**
     * Validates {@code bytes[from, to)} as the continuation of the text seen so far.
     *
     * @param bytes the array
     * @param from first index
     * @param to index after the last byte
     * @return false as soon as the text cannot be valid UTF-8
     */
    public boolean update(byte[] bytes, int from, int to) {
        int s = state;
        if (s != REJECT) {
            s = run(s, bytes, from, to);
            state = s;
        }
        return s != REJECT;
    }

    /** @return true when the bytes seen so far are complete, valid UTF-8 (no sequence left open) */
    public boolean isComplete() {
        return state == ACCEPT;
    }

    /** @return true when the bytes seen so far are not the prefix of any valid UTF-8 */
    public boolean isInvalid() {
        return state == REJECT;
    }

    /** Starts a new text. */
    public void reset() {
        state = ACCEPT;
    }

    /**
     * @param bytes the bytes between position and limit (position not moved)
     * @return true when they are complete, valid UTF-8
     */
    public static boolean isValid(ByteBuffer bytes) {
        Utf8Validator v = new Utf8Validator();
        return v.update(bytes) && v.isComplete();
    }

    /** How many bytes the DFA takes between two checks for rejection and for a return to ASCII. */
    private static final int DFA_STRETCH = 32;

    /*
     * The DFA step is s = (int) (ROWS[byte] >>> s): a long shift uses only the low 6 bits of its distance, so the
     * garbage above the state's 6 bits never matters and is masked off only where the state is compared. Rejection is
     * absorbing, so it is checked once per stretch, not once per byte. At a character boundary, runs of ASCII are
     * skipped 64 and then 16 bytes at a time; short ASCII runs between other characters simply go through the DFA,
     * which is faster there than stopping and starting an ASCII scan.
     */
    private static int run(int s, byte[] a, int i, int end) {
        while (i < end) {
            if ((s & 63) == ACCEPT) {
                while (i + 64 <= end && (((long) LONGS_IN_ARRAY.get(a, i) | (long) LONGS_IN_ARRAY.get(a, i + 8)
                        | (long) LONGS_IN_ARRAY.get(a, i + 16) | (long) LONGS_IN_ARRAY.get(a, i + 24)
                        | (long) LONGS_IN_ARRAY.get(a, i + 32) | (long) LONGS_IN_ARRAY.get(a, i + 40)
                        | (long) LONGS_IN_ARRAY.get(a, i + 48) | (long) LONGS_IN_ARRAY.get(a, i + 56))
                        & ASCII_MASK) == 0) {
                    i += 64;
                }
                while (i + 16 <= end
                        && (((long) LONGS_IN_ARRAY.get(a, i) | (long) LONGS_IN_ARRAY.get(a, i + 8)) & ASCII_MASK) == 0) {
                    i += 16;
                }
            }
            int stop = Math.min(end, i + DFA_STRETCH);
            while (i < stop) {
                s = (int) (ROWS[a[i++] & 0xFF] >>> s);
            }
            if ((s & 63) == REJECT) {
                return REJECT;
            }
        }
        return s & 63;
    }

    private static int run(int s, ByteBuffer b, int i, int end) {
        while (i < end) {
            if ((s & 63) == ACCEPT) {
                while (i + 64 <= end && ((b.getLong(i) | b.getLong(i + 8) | b.getLong(i + 16) | b.getLong(i + 24)
                        | b.getLong(i + 32) | b.getLong(i + 40) | b.getLong(i + 48) | b.getLong(i + 56))
                        & ASCII_MASK) == 0) {
                    i += 64;
                }
                while (i + 16 <= end && ((b.getLong(i) | b.getLong(i + 8)) & ASCII_MASK) == 0) {
                    i += 16;
                }
            }
            int stop = Math.min(end, i + DFA_STRETCH);
            while (i < stop) {
                s = (int) (ROWS[b.get(i++) & 0xFF] >>> s);
            }
            if ((s & 63) == REJECT) {
                return REJECT;
            }
        }
        return s & 63;
    }
}
