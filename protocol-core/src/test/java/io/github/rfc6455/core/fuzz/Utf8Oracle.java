package io.github.rfc6455.core.fuzz;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reference for UTF-8: the JDK's strict decoder ({@link CodingErrorAction#REPORT}). A prefix can still be valid
 * when some completion of at most three continuation bytes makes the JDK accept it; 0x80, 0x90 and 0xA0 hit every
 * range a continuation byte may be restricted to (80-8F after F4, 80-9F after ED, 90-BF after F0, A0-BF after E0).
 */
final class Utf8Oracle {
    private static final byte[] CONTINUATIONS = {(byte) 0x80, (byte) 0x90, (byte) 0xA0};

    private Utf8Oracle() {
    }

    /** @return true when the JDK's strict decoder accepts all of {@code bytes} */
    static boolean valid(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        return !result.isError() && !decoder.flush(out).isError();
    }

    /** @return the JDK's decoding of valid UTF-8 */
    static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** @return true when {@code bytes} is the prefix of some valid UTF-8 */
    static boolean canStillBeValid(byte[] bytes) {
        if (valid(bytes)) {
            return true;
        }
        byte[] candidate = java.util.Arrays.copyOf(bytes, bytes.length + 3);
        return completes(candidate, bytes.length, 0);
    }

    private static boolean completes(byte[] candidate, int length, int added) {
        if (added == 3) {
            return false;
        }
        for (byte b : CONTINUATIONS) {
            candidate[length + added] = b;
            if (valid(java.util.Arrays.copyOf(candidate, length + added + 1))
                    || completes(candidate, length, added + 1)) {
                return true;
            }
        }
        return false;
    }
}
