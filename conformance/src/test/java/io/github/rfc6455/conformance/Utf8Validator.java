package io.github.rfc6455.conformance;

/**
 * The kit's own incremental UTF-8 validator (RFC 3629 section 4), independent of protocol-core: feed bytes in any
 * split, it stops at the first octet that cannot continue a valid sequence (fail-fast, RFC 6455 section 8.1).
 *
 * <p>Not thread-safe.
 */
final class Utf8Validator {

    private int remaining;
    private int low = 0x80;
    private int high = 0xBF;
    private boolean failed;
    private long position;

    /** Forgets everything; the next byte starts a new text. */
    void reset() {
        remaining = 0;
        low = 0x80;
        high = 0xBF;
        failed = false;
        position = 0;
    }

    /**
     * Validates more octets.
     *
     * @return {@code false} once any octet so far was invalid (sticky)
     */
    boolean feed(byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end && !failed; i++) {
            step(bytes[i] & 0xFF);
        }
        return !failed;
    }

    boolean feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /** Whether everything fed so far is valid and ends on a code point boundary. */
    boolean complete() {
        return !failed && remaining == 0;
    }

    /** How many octets were accepted before the first invalid one (or in total). */
    long position() {
        return position;
    }

    private void step(int b) {
        if (remaining > 0) {
            if (b < low || b > high) {
                failed = true;
                return;
            }
            remaining--;
            low = 0x80;
            high = 0xBF;
        } else if (b >= 0x80) {
            startSequence(b);
            if (failed) {
                return;
            }
        }
        position++;
    }

    private void startSequence(int b) {
        if (b >= 0xC2 && b <= 0xDF) {
            remaining = 1;
        } else if (b == 0xE0) {
            remaining = 2;
            low = 0xA0;
        } else if (b == 0xED) {
            remaining = 2;
            high = 0x9F;
        } else if (b >= 0xE1 && b <= 0xEF) {
            remaining = 2;
        } else if (b == 0xF0) {
            remaining = 3;
            low = 0x90;
        } else if (b >= 0xF1 && b <= 0xF3) {
            remaining = 3;
        } else if (b == 0xF4) {
            remaining = 3;
            high = 0x8F;
        } else {
            failed = true;
        }
    }

    /** Convenience: whether {@code bytes} is complete, valid UTF-8. */
    static boolean isValid(byte[] bytes) {
        Utf8Validator v = new Utf8Validator();
        v.feed(bytes);
        return v.complete();
    }
}
