package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The header forms of RFC 6455 section 5.2 ("the minimal number of bytes") and the masked copy of section 5.3. */
class FrameEncoderTest {

    @ParameterizedTest(name = "length {0}")
    @CsvSource({
        "0, 80 00",
        "1, 80 01",
        "125, 80 7d",
        "126, 80 7e 00 7e",
        "127, 80 7e 00 7f",
        "65535, 80 7e ff ff",
        "65536, 80 7f 00 00 00 00 00 01 00 00",
        "4294967296, 80 7f 00 00 00 01 00 00 00 00",
        "9223372036854775807, 80 7f 7f ff ff ff ff ff ff ff"})
    void headerUsesTheShortestLengthForm(long length, String expected) {
        ByteBuffer out = ByteBuffer.allocate(20);
        FrameEncoder.encodeHeader(out, true, 0, Opcode.CONTINUATION, length, false, 0);
        assertEquals(expected, Hex.of(Hex.remaining(out.flip())));
        assertEquals(out.limit(), FrameEncoder.headerLength(length, false));
        assertEquals(out.limit() + 4, FrameEncoder.headerLength(length, true));
    }

    @Test
    void headerCarriesFinRsvOpcodeMaskBitAndKey() {
        ByteBuffer out = ByteBuffer.allocate(20);
        FrameEncoder.encodeHeader(out, false, 0x50, Opcode.BINARY, 3, true, 0x01020304);
        assertEquals("52 83 01 02 03 04", Hex.of(Hex.remaining(out.flip())));
        out.clear();
        FrameEncoder.encodeHeader(out, true, 0x20, Opcode.PONG, 126, true, 0xfffefdfc);
        assertEquals("aa fe 00 7e ff fe fd fc", Hex.of(Hex.remaining(out.flip())));
    }

    @Test
    void headerIgnoresBitsOutsideTheirFields() {
        ByteBuffer out = ByteBuffer.allocate(20);
        FrameEncoder.encodeHeader(out, false, 0xFF, 0xF1, 0, false, 0xFFFFFFFF);
        assertEquals("71 00", Hex.of(Hex.remaining(out.flip())), "rsv masked to 0x70, opcode to 4 bits, no key");
    }

    @Test
    void encodeWritesAtThePositionAndLeavesThePayloadAlone() {
        byte[] data = Rfc6455ExamplesTest.pattern(300);
        ByteBuffer payload = ByteBuffer.wrap(Hex.concat(new byte[3], data, new byte[2])).position(3).limit(303);
        ByteBuffer out = ByteBuffer.allocate(400).position(10);
        FrameEncoder.encode(out, true, 0, Opcode.BINARY, payload, true, 0x11223344);
        assertEquals(3, payload.position());
        assertEquals(303, payload.limit());
        assertEquals(10 + 8 + 300, out.position());
        byte[] expected = data.clone();
        naiveMask(expected, 0x11223344);
        byte[] written = new byte[300];
        out.get(18, written);
        assertArrayEquals(expected, written);
        assertEquals("82 fe 01 2c 11 22 33 44", Hex.of(java.util.Arrays.copyOfRange(out.array(), 10, 18)));
    }

    @Test
    void encodeIntoDirectSlicedAndLittleEndianBuffersGivesTheSameBytes() {
        byte[] data = Rfc6455ExamplesTest.pattern(1000);
        ByteBuffer reference = ByteBuffer.allocate(1100);
        FrameEncoder.encode(reference, true, 0, Opcode.TEXT, ByteBuffer.wrap(data), true, 0xcafebabe);
        byte[] expected = Hex.remaining(reference.flip());

        ByteBuffer direct = ByteBuffer.allocateDirect(1100).order(ByteOrder.LITTLE_ENDIAN);
        FrameEncoder.encode(direct, true, 0, Opcode.TEXT, ByteBuffer.wrap(data), true, 0xcafebabe);
        assertArrayEquals(expected, Hex.remaining(direct.flip()));

        ByteBuffer slice = ByteBuffer.allocate(1200).position(37).slice();
        FrameEncoder.encode(slice, true, 0, Opcode.TEXT, ByteBuffer.allocateDirect(1000).put(data).flip(), true,
                0xcafebabe);
        assertArrayEquals(expected, Hex.remaining(slice.flip()));
    }

    @Test
    void unmaskedEncodeCopiesThePayloadVerbatim() {
        byte[] data = Rfc6455ExamplesTest.pattern(70000);
        ByteBuffer out = ByteBuffer.allocate(70010);
        FrameEncoder.encode(out, true, 0, Opcode.BINARY, ByteBuffer.wrap(data), false, 0x12345678);
        out.flip();
        assertEquals("82 7f 00 00 00 00 00 01 11 70", Hex.of(java.util.Arrays.copyOf(out.array(), 10)));
        assertArrayEquals(data, java.util.Arrays.copyOfRange(out.array(), 10, 70010));
    }

    static void naiveMask(byte[] bytes, int key) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] ^= (byte) (key >>> (24 - 8 * (i & 3)));
        }
    }
}
