package io.github.rfc6455.core.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The reference for the validator: the JDK's strict UTF-8 decoder ({@link CodingErrorAction#REPORT}). A prefix "can
 * still be valid" when some completion makes the JDK accept it; completions need at most three continuation bytes,
 * and 0x80, 0x90 and 0xA0 between them hit every range a continuation byte may be restricted to (80-8F after F4,
 * 80-9F after ED, 90-BF after F0, A0-BF after E0, 80-BF otherwise).
 */
final class Utf8Reference {
    private static final byte[][] COMPLETIONS = completions();

    private Utf8Reference() {
    }

    /** @return true when the JDK's strict decoder accepts {@code bytes[0, length)} */
    static boolean jdkAccepts(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(length + 1);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, true);
        if (result.isError()) {
            return false;
        }
        return !decoder.flush(out).isError();
    }

    /** @return true when {@code bytes[0, length)} is the prefix of some valid UTF-8 */
    static boolean canStillBeValid(byte[] bytes, int length) {
        byte[] candidate = new byte[length + 3];
        System.arraycopy(bytes, 0, candidate, 0, length);
        for (byte[] completion : COMPLETIONS) {
            System.arraycopy(completion, 0, candidate, length, completion.length);
            if (jdkAccepts(candidate, length + completion.length)) {
                return true;
            }
        }
        return false;
    }

    /** @return the index of the first byte at which the input can no longer be valid UTF-8, or -1 */
    static int firstInvalidByte(byte[] bytes) {
        if (canStillBeValid(bytes, bytes.length)) {
            return -1;
        }
        int lo = 0; // canStillBeValid(lo) holds
        int hi = bytes.length; // canStillBeValid(hi) fails
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (canStillBeValid(bytes, mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi - 1;
    }

    private static byte[][] completions() {
        byte[] values = {(byte) 0x80, (byte) 0x90, (byte) 0xA0};
        java.util.List<byte[]> list = new java.util.ArrayList<>();
        list.add(new byte[0]);
        for (byte a : values) {
            list.add(new byte[] {a});
            for (byte b : values) {
                list.add(new byte[] {a, b});
                for (byte c : values) {
                    list.add(new byte[] {a, b, c});
                }
            }
        }
        return list.toArray(new byte[0][]);
    }
}
