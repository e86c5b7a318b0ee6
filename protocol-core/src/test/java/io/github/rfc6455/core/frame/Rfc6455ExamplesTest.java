package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example frames of RFC 6455 section 5.7: each one parses to exactly the frames the RFC describes, and encoding
 * those frames (with the RFC's masking key 0x37fa213d where masked) gives exactly the RFC's bytes.
 */
class Rfc6455ExamplesTest {
    private static final int RFC_MASK_KEY = 0x37fa213d;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** A section 5.7 example: its wire bytes, whether masked, and the frames it holds. */
    record Example(String name, byte[] wire, boolean masked, List<Frame> frames) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> examples() {
        byte[] binary256 = pattern(256);
        byte[] binary64k = pattern(65536);
        return Stream.of(
                new Example("single-frame unmasked text", Hex.bytes("81 05 48 65 6c 6c 6f"), false,
                        List.of(new Frame(true, 0, Opcode.TEXT, HELLO))),
                new Example("single-frame masked text", Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58"), true,
                        List.of(new Frame(true, 0, Opcode.TEXT, HELLO))),
                new Example("fragmented unmasked text", Hex.bytes("01 03 48 65 6c 80 02 6c 6f"), false,
                        List.of(new Frame(false, 0, Opcode.TEXT, bytes("Hel")),
                                new Frame(true, 0, Opcode.CONTINUATION, bytes("lo")))),
                new Example("unmasked ping", Hex.bytes("89 05 48 65 6c 6c 6f"), false,
                        List.of(new Frame(true, 0, Opcode.PING, HELLO))),
                new Example("masked pong", Hex.bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58"), true,
                        List.of(new Frame(true, 0, Opcode.PONG, HELLO))),
                new Example("256 bytes binary in a single unmasked frame",
                        Hex.concat(Hex.bytes("82 7E 01 00"), binary256), false,
                        List.of(new Frame(true, 0, Opcode.BINARY, binary256))),
                new Example("64KiB binary in a single unmasked frame",
                        Hex.concat(Hex.bytes("82 7F 00 00 00 00 00 01 00 00"), binary64k), false,
                        List.of(new Frame(true, 0, Opcode.BINARY, binary64k))))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesToExactlyTheRfcFrames(Example example) {
        FrameRecorder recorder = FrameRecorder.parse(receiverOf(example), example.wire());
        assertEquals(example.frames(), recorder.frames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesByteByByteToTheSameFrames(Example example) {
        FrameParser parser = new FrameParser(receiverOf(example), Long.MAX_VALUE, 0);
        FrameRecorder recorder = new FrameRecorder();
        byte[] wire = example.wire().clone();
        for (int i = 0; i < wire.length; i++) {
            ByteBuffer one = ByteBuffer.wrap(wire, i, 1);
            parser.parse(one, recorder);
            assertFalse(one.hasRemaining(), "the parser consumes all input");
        }
        assertEquals(example.frames(), recorder.frames());
        assertTrue(parser.atFrameBoundary());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesFromADirectBufferToTheSameFrames(Example example) {
        ByteBuffer direct = ByteBuffer.allocateDirect(example.wire().length).put(example.wire()).flip();
        FrameRecorder recorder = new FrameRecorder();
        new FrameParser(receiverOf(example), Long.MAX_VALUE, 0).parse(direct, recorder);
        assertEquals(example.frames(), recorder.frames());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodesToExactlyTheRfcBytes(Example example) {
        ByteBuffer out = ByteBuffer.allocate(example.wire().length + 16);
        for (Frame frame : example.frames()) {
            ByteBuffer payload = ByteBuffer.wrap(frame.payload());
            FrameEncoder.encode(out, frame.fin(), frame.rsv(), frame.opcode(), payload, example.masked(), RFC_MASK_KEY);
            assertEquals(0, payload.position(), "the payload is left untouched");
        }
        out.flip();
        assertArrayEquals(example.wire(), Hex.remaining(out), () -> Hex.of(Hex.remaining(out)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void encodedHeaderHasTheAnnouncedLength(Example example) {
        int total = 0;
        for (Frame frame : example.frames()) {
            total += FrameEncoder.headerLength(frame.payload().length, example.masked()) + frame.payload().length;
        }
        assertEquals(example.wire().length, total);
    }

    private static Role receiverOf(Example example) {
        return example.masked() ? Role.SERVER : Role.CLIENT;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return {@code n} bytes of a non-repeating-looking pattern */
    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + (i >>> 8) * 7 + 1);
        }
        return b;
    }
}
