package io.github.rfc6455.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** UTF-8 validation (RFC 3629, RFC 6455 section 8.1) with fail-fast at the first impossible byte. */
class Utf8ValidatorTest {

    /** @return the index at which byte-by-byte validation first fails, or -1 */
    static int firstFailure(byte[] bytes) {
        Utf8Validator v = new Utf8Validator();
        for (int i = 0; i < bytes.length; i++) {
            if (!v.update(bytes, i, i + 1)) {
                assertTrue(v.isInvalid());
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        // input hex                                  | first invalid byte (-1: none) | complete
        "''                                           | -1 | true",
        "48 65 6c 6c 6f                               | -1 | true",
        "ce ba e1 bd b9 cf 83 ce bc ce b5              | -1 | true",   // κόσμε, Autobahn 6.2
        "c2 80                                        | -1 | true",   // U+0080
        "df bf                                        | -1 | true",   // U+07FF
        "e0 a0 80                                     | -1 | true",   // U+0800
        "ed 9f bf                                     | -1 | true",   // U+D7FF
        "ee 80 80                                     | -1 | true",   // U+E000
        "ef bf bf                                     | -1 | true",   // U+FFFF
        "f0 90 80 80                                  | -1 | true",   // U+10000
        "f4 8f bf bf                                  | -1 | true",   // U+10FFFF
        "ce                                           | -1 | false",  // truncated, may still complete
        "f4 8f bf                                     | -1 | false",
        "e0                                           | -1 | false",
        "80                                           |  0 | false",  // lone continuation
        "bf                                           |  0 | false",
        "c0 80                                        |  0 | false",  // overlong, C0 never valid
        "c1 bf                                        |  0 | false",
        "e0 80 80                                     |  1 | false",  // overlong 3-byte
        "e0 9f bf                                     |  1 | false",
        "f0 80 80 80                                  |  1 | false",  // overlong 4-byte
        "f0 8f bf bf                                  |  1 | false",
        "ed a0 80                                     |  1 | false",  // U+D800 surrogate
        "ed bf bf                                     |  1 | false",  // U+DFFF
        "f4 90 80 80                                  |  1 | false",  // above U+10FFFF
        "f5 80 80 80                                  |  0 | false",
        "f8 88 80 80 80                               |  0 | false",
        "fe                                           |  0 | false",
        "ff                                           |  0 | false",
        "c2 41                                        |  1 | false",  // missing continuation
        "e1 80 41                                     |  2 | false",
        "ce ba e1 bd b9 cf 83 ce bc ce b5 f4 90 80 80 65 64 69 74 65 64 | 12 | false",  // Autobahn 6.4.1
        "ce ba e1 bd b9 cf 83 ce bc ce b5 ed a0 80 65 64 69 74 65 64    | 12 | false",
        "61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 c3       | -1 | false",
        "61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 61 80       | 18 | false"})
    void vectors(String hex, int firstInvalid, boolean complete) {
        byte[] bytes = Hex.bytes(hex.trim());
        assertEquals(firstInvalid, Utf8Reference.firstInvalidByte(bytes), "the reference agrees with the vector");
        assertEquals(firstInvalid, firstFailure(bytes));
        Utf8Validator v = new Utf8Validator();
        boolean ok = v.update(ByteBuffer.wrap(bytes));
        assertEquals(firstInvalid < 0, ok);
        assertEquals(complete, v.isComplete());
        assertEquals(complete, Utf8Validator.isValid(ByteBuffer.wrap(bytes)));
        assertEquals(complete, Utf8Reference.jdkAccepts(bytes, bytes.length));
    }

    @Test
    void everyOneAndTwoByteInputAgreesWithTheReference() {
        byte[] one = new byte[1];
        for (int a = 0; a < 256; a++) {
            one[0] = (byte) a;
            assertEquals(Utf8Reference.firstInvalidByte(one), firstFailure(one), Hex.of(one));
        }
        byte[] two = new byte[2];
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                two[0] = (byte) a;
                two[1] = (byte) b;
                int expected = Utf8Reference.firstInvalidByte(two);
                assertEquals(expected, firstFailure(two), Hex.of(two));
                assertEquals(Utf8Reference.jdkAccepts(two, 2), Utf8Validator.isValid(ByteBuffer.wrap(two)), Hex.of(two));
            }
        }
    }

    @Test
    void everyThreeByteInputAgreesWithTheJdk() {
        byte[] three = new byte[3];
        for (int a = 0xC0; a < 256; a++) { // below C0 the first byte decides alone (covered above)
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    three[0] = (byte) a;
                    three[1] = (byte) b;
                    three[2] = (byte) c;
                    Utf8Validator v = new Utf8Validator();
                    boolean valid = v.update(three, 0, 3) && v.isComplete();
                    if (valid != Utf8Reference.jdkAccepts(three, 3)) {
                        throw new AssertionError("disagrees with the JDK on " + Hex.of(three));
                    }
                }
            }
        }
    }

    @Test
    void fourByteSequencesFailAtTheFirstImpossibleByte() {
        int[] tails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
        byte[] four = new byte[4];
        for (int a = 0xE0; a < 0xF8; a++) { // F8 and above fail at once
            for (int b : tails) {
                for (int c : tails) {
                    for (int d : tails) {
                        four[0] = (byte) a;
                        four[1] = (byte) b;
                        four[2] = (byte) c;
                        four[3] = (byte) d;
                        assertEquals(Utf8Reference.firstInvalidByte(four), firstFailure(four), Hex.of(four));
                    }
                }
            }
        }
    }

    @Test
    void asciiFastPathNeverSkipsANonAsciiByte() {
        for (int length = 1; length <= 160; length++) { // past the 64- and 16-byte ASCII strides
            for (int at = 0; at < length; at++) {
                for (int bad : new int[] {0x80, 0xC0, 0xFF}) {
                    byte[] bytes = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
                    bytes[at] = (byte) bad;
                    assertEquals(at, firstInvalidInOneUpdate(bytes), "array, length " + length + " at " + at);
                    assertFalse(new Utf8Validator().update(bytes, 0, length), "whole array, length " + length
                            + " at " + at);
                    ByteBuffer direct = ByteBuffer.allocateDirect(length).put(bytes).flip();
                    Utf8Validator v = new Utf8Validator();
                    assertFalse(v.update(direct), "direct, length " + length + " at " + at);
                    assertEquals(0, direct.position());
                }
                byte[] bytes = "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
                bytes[at] = (byte) 0xC3; // a lead byte: the 'a' after it is the first impossible byte
                assertEquals(at == length - 1 ? -1 : at + 1, firstInvalidInOneUpdate(bytes),
                        "lead byte, length " + length + " at " + at);
            }
        }
    }

    /** @return how far a prefix stays valid, found by validating whole prefixes in one update each */
    private static int firstInvalidInOneUpdate(byte[] bytes) {
        for (int n = 1; n <= bytes.length; n++) {
            Utf8Validator v = new Utf8Validator();
            if (!v.update(bytes, 0, n)) {
                return n - 1;
            }
        }
        return -1;
    }

    @Test
    void invalidStaysInvalidUntilReset() {
        Utf8Validator v = new Utf8Validator();
        assertFalse(v.update(new byte[] {(byte) 0xFF}, 0, 1));
        assertFalse(v.update(new byte[] {'a'}, 0, 1));
        assertFalse(v.update(ByteBuffer.wrap(new byte[] {'a'})));
        assertTrue(v.isInvalid());
        assertFalse(v.isComplete());
        v.reset();
        assertTrue(v.isComplete());
        assertTrue(v.update(new byte[] {'a'}, 0, 1));
    }

    @Test
    void sequenceSplitAcrossUpdatesIsCarriedOver() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.update(euro, 0, 1));
        assertFalse(v.isComplete());
        assertTrue(v.update(ByteBuffer.allocateDirect(1).put(euro[1]).flip()));
        assertFalse(v.isComplete());
        assertTrue(v.update(ByteBuffer.wrap(euro, 2, 1)));
        assertTrue(v.isComplete());
    }

    @Test
    void bufferUpdateReadsBetweenPositionAndLimitOnly() {
        byte[] bytes = {(byte) 0xFF, 'o', 'k', (byte) 0xFF};
        ByteBuffer heap = ByteBuffer.wrap(bytes, 1, 2);
        assertTrue(new Utf8Validator().update(heap));
        assertEquals(1, heap.position());
        ByteBuffer slice = ByteBuffer.wrap(bytes).position(1).slice().limit(2);
        assertTrue(new Utf8Validator().update(slice));
        ByteBuffer readOnly = ByteBuffer.wrap(bytes, 1, 2).asReadOnlyBuffer();
        assertTrue(new Utf8Validator().update(readOnly));
        assertTrue(Utf8Validator.isValid(ByteBuffer.wrap(bytes, 1, 2)));
        assertFalse(Utf8Validator.isValid(ByteBuffer.wrap(bytes, 1, 3)));
    }
}
