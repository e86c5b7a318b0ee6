package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Close frame bodies (RFC 6455 section 5.5.1) and status codes (section 7.4). */
class CloseFramesTest {
    static final int[] INVALID_CODES = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535};
    static final int[] VALID_CODES = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000,
        3999, 4000, 4999};

    @Test
    void exactlyTheCodesOfSection7_4AndTheIanaRegistryAreValidOnTheWire() {
        Set<Integer> defined = Set.of(1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014);
        for (int code = 0; code <= 0xFFFF; code++) {
            boolean expected = defined.contains(code) || (code >= 3000 && code <= 4999);
            assertEquals(expected, CloseCodes.isValidOnWire(code), "code " + code);
        }
        assertFalse(CloseCodes.isValidOnWire(-1));
        assertFalse(CloseCodes.isValidOnWire(65536 + 1000));
    }

    @Test
    void emptyBodyMeansNoStatus() {
        assertEquals(CloseCodes.NO_STATUS_RECEIVED, CloseFrames.code(ByteBuffer.allocate(0)));
        assertEquals("", CloseFrames.reason(ByteBuffer.allocate(0)));
    }

    @Test
    void oneByteBodyIsInvalid() {
        assertEquals(-1, CloseFrames.code(ByteBuffer.wrap(new byte[] {0x03})));
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void invalidCodesAreRefused(int code) {
        assertEquals(-1, CloseFrames.code(body(code, "")));
        assertThrows(IllegalArgumentException.class, () -> CloseFrames.body(code == 1005 ? 1006 : code, "x"));
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void validCodesAreReadAndWritten(int code) {
        ByteBuffer body = CloseFrames.body(code, "bye");
        assertEquals(5, body.remaining());
        assertEquals(code, CloseFrames.code(body));
        assertEquals("bye", CloseFrames.reason(body));
        assertEquals(0, body.position(), "reading does not move the body");
    }

    @Test
    void codeIsReadFromThePosition() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {9, 9, 0x03, (byte) 0xE8, 'o', 'k'}).position(2);
        assertEquals(1000, CloseFrames.code(body));
        assertEquals("ok", CloseFrames.reason(body));
        assertEquals(2, body.position());
    }

    @Test
    void reasonMustBeValidUtf8() {
        assertNull(CloseFrames.reason(ByteBuffer.wrap(new byte[] {0x03, (byte) 0xE8, (byte) 0xCE, (byte) 0xBA,
            (byte) 0xE1, (byte) 0xBD, (byte) 0xB9, (byte) 0xCF, (byte) 0x83, (byte) 0xCE, (byte) 0xBC, (byte) 0xCE,
            (byte) 0xB5, (byte) 0xED, (byte) 0xA0, (byte) 0x80, 0x65, 0x64, 0x69, 0x74, 0x65, 0x64})));
        assertNull(CloseFrames.reason(ByteBuffer.wrap(new byte[] {0x03, (byte) 0xE8, (byte) 0xC3})), "truncated");
        assertEquals("κόσμε", CloseFrames.reason(body(1000, "κόσμε")));
    }

    @Test
    void noStatusBuildsAnEmptyBody() {
        assertEquals(0, CloseFrames.body(CloseCodes.NO_STATUS_RECEIVED, "ignored").remaining());
        assertEquals(2, CloseFrames.body(1000, null).remaining());
    }

    @Test
    void reasonIsCutTo123BytesAtACharacterBoundary() {
        assertEquals(123, reasonBytes("a".repeat(200)));
        assertEquals(123, reasonBytes("a".repeat(123)));
        assertEquals(122, reasonBytes("a".repeat(122) + "é"), "a 2-byte character that would end at byte 124");
        assertEquals(123, reasonBytes("€".repeat(41)), "41 3-byte characters fill 123 bytes exactly");
        assertEquals(123, reasonBytes("€".repeat(42)), "the cut falls between two characters");
        assertEquals(120, reasonBytes("😀".repeat(31)), "4-byte characters: 30 fit");
        ByteBuffer body = CloseFrames.body(1001, "é".repeat(100));
        assertEquals("é".repeat(61), CloseFrames.reason(body));
        assertTrue(body.remaining() <= 125);
    }

    private static int reasonBytes(String reason) {
        ByteBuffer body = CloseFrames.body(1000, reason);
        String decoded = CloseFrames.reason(body);
        assertTrue(reason.startsWith(decoded), "a prefix of the reason, cut at a character boundary");
        return body.remaining() - 2;
    }

    private static ByteBuffer body(int code, String reason) {
        byte[] text = reason.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + text.length).putShort((short) code).put(text).flip();
    }
}
