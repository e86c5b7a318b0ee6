package io.github.rfc6455.core.frame;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame-level rules of RFC 6455 section 5 as {@link FrameParser} enforces them, and its buffer handling. */
class FrameParserTest {
    private static final int KEY = 0x0badf00d;

    /** A masked (client to server) frame, as a server receives it. */
    static byte[] masked(boolean fin, int rsv, int opcode, byte[] payload) {
        return encode(fin, rsv, opcode, payload, true);
    }

    /** An unmasked (server to client) frame, as a client receives it. */
    static byte[] unmasked(boolean fin, int rsv, int opcode, byte[] payload) {
        return encode(fin, rsv, opcode, payload, false);
    }

    static byte[] encode(boolean fin, int rsv, int opcode, byte[] payload, boolean masked) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH + payload.length);
        FrameEncoder.encode(out, fin, rsv, opcode, ByteBuffer.wrap(payload), masked, KEY);
        return Hex.remaining(out.flip());
    }

    private static FrameRecorder parse(Role receiver, long maxFramePayload, int allowedRsv, byte[] wire) {
        FrameRecorder recorder = new FrameRecorder();
        new FrameParser(receiver, maxFramePayload, allowedRsv).parse(ByteBuffer.wrap(wire.clone()), recorder);
        return recorder;
    }

    private static void assertError(int code, FrameRecorder recorder) {
        assertEquals(code, recorder.error().closeCode(), () -> "events " + recorder.events());
        assertEquals(1, recorder.events().size(), () -> "nothing but the error: " + recorder.events());
    }

    // ------------------------------------------------------------------------------------------- protocol errors

    @Test
    void lengthWithTheTopBitSetIsAProtocolError() {
        // 0x7F then a 64-bit length whose most significant bit is set (RFC 6455 section 5.2).
        assertError(CloseCodes.PROTOCOL_ERROR,
                parse(Role.CLIENT, Long.MAX_VALUE, 0, Hex.bytes("82 7F 80 00 00 00 00 00 00 00")));
        assertError(CloseCodes.PROTOCOL_ERROR,
                parse(Role.CLIENT, Long.MAX_VALUE, 0, Hex.bytes("82 7F FF FF FF FF FF FF FF FF")));
        assertError(CloseCodes.PROTOCOL_ERROR,
                parse(Role.SERVER, Long.MAX_VALUE, 0, Hex.bytes("82 FF 80 00 00 00 00 00 00 01 01 02 03 04")));
    }

    @Test
    void largestLegalLengthIsOnlyLimitedByTheConfiguration() {
        FrameRecorder recorder = parse(Role.CLIENT, Long.MAX_VALUE, 0, Hex.bytes("82 7F 7F FF FF FF FF FF FF FF 01"));
        assertTrue(recorder.events().isEmpty());
        assertTrue(recorder.inFrame(), "the frame with 2^63-1 bytes is in progress");
        assertError(CloseCodes.MESSAGE_TOO_BIG,
                parse(Role.CLIENT, 1 << 20, 0, Hex.bytes("82 7F 7F FF FF FF FF FF FF FF 01")));
    }

    @ParameterizedTest(name = "rsv 0x{0}")
    @ValueSource(ints = {0x40, 0x20, 0x10, 0x60, 0x70})
    void reservedBitsWithoutAnExtensionAreAProtocolError(int rsv) {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, masked(true, rsv, Opcode.TEXT, new byte[3])));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, unmasked(true, rsv, Opcode.BINARY, new byte[0])));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, unmasked(true, rsv, Opcode.PING, new byte[0])));
    }

    @Test
    void reservedBitsOfANegotiatedExtensionAreAllowedOnDataFramesOnly() {
        byte[] rsv1 = masked(true, 0x40, Opcode.TEXT, new byte[] {1, 2});
        assertEquals(List.of(new Frame(true, 0x40, Opcode.TEXT, new byte[] {1, 2})),
                parse(Role.SERVER, 1000, 0x40, rsv1).frames());
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0x40, masked(true, 0x20, Opcode.TEXT, new byte[0])));
        // RFC 7692 section 6: the extension's bit is for data frames; a control frame with RSV1 is a protocol error.
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0x40, masked(true, 0x40, Opcode.PING, new byte[0])));
    }

    @Test
    void allowRsvChangesTheAllowedBitsLater() {
        FrameParser parser = new FrameParser(Role.SERVER, 1000, 0);
        parser.allowRsv(0x40);
        FrameRecorder recorder = new FrameRecorder();
        parser.parse(ByteBuffer.wrap(masked(true, 0x40, Opcode.BINARY, new byte[] {9})), recorder);
        assertEquals(List.of(new Frame(true, 0x40, Opcode.BINARY, new byte[] {9})), recorder.frames());
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
    void reservedOpcodesAreAProtocolError(int opcode) {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, masked(true, 0, opcode, new byte[0])));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, unmasked(true, 0, opcode, new byte[] {1})));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, unmasked(false, 0, opcode, new byte[] {1})));
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.CLOSE, Opcode.PING, Opcode.PONG})
    void controlFrameLongerThan125BytesIsAProtocolError(int opcode) {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, masked(true, 0, opcode, new byte[126])));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1 << 20, 0, masked(true, 0, opcode, new byte[70000])));
        // 125 bytes is the limit itself (section 5.5).
        assertEquals(1, parse(Role.SERVER, 1000, 0, masked(true, 0, opcode, new byte[125])).frames().size());
    }

    @Test
    void controlFrameLengthIsCheckedFromTheHeaderBeforeThePayloadArrives() {
        byte[] header = Hex.bytes("89 7E 00 7E"); // a ping announcing 126 bytes, none of which follow
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, header));
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.CLOSE, Opcode.PING, Opcode.PONG})
    void fragmentedControlFrameIsAProtocolError(int opcode) {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, masked(false, 0, opcode, new byte[] {1})));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, unmasked(false, 0, opcode, new byte[0])));
    }

    @Test
    void unmaskedFrameToAServerIsAProtocolError() {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, unmasked(true, 0, Opcode.TEXT, new byte[] {'a'})));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.SERVER, 1000, 0, unmasked(true, 0, Opcode.CLOSE, new byte[0])));
    }

    @Test
    void maskedFrameToAClientIsAProtocolError() {
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, masked(true, 0, Opcode.TEXT, new byte[] {'a'})));
        assertError(CloseCodes.PROTOCOL_ERROR, parse(Role.CLIENT, 1000, 0, masked(true, 0, Opcode.PING, new byte[0])));
    }

    @Test
    void frameLargerThanMaxFramePayloadIsTooBig() {
        assertError(CloseCodes.MESSAGE_TOO_BIG, parse(Role.SERVER, 1000, 0, masked(true, 0, Opcode.BINARY, new byte[1001])));
        // Checked from the header alone, before the payload arrives.
        assertError(CloseCodes.MESSAGE_TOO_BIG, parse(Role.CLIENT, 1000, 0, Hex.bytes("82 7F 00 00 00 01 00 00 00 00")));
        byte[] exactly = Rfc6455ExamplesTest.pattern(1000);
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, exactly)),
                parse(Role.SERVER, 1000, 0, masked(true, 0, Opcode.BINARY, exactly)).frames());
    }

    @Test
    void maxFramePayloadBelowTheControlLimitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FrameParser(Role.SERVER, 124, 0));
    }

    @Test
    void afterAnErrorNothingMoreIsConsumedOrReported() {
        byte[] good = masked(true, 0, Opcode.TEXT, new byte[] {'x'});
        byte[] bad = unmasked(true, 0, Opcode.TEXT, new byte[] {'y'});
        byte[] wire = Hex.concat(good, bad, good);
        FrameParser parser = new FrameParser(Role.SERVER, 1000, 0);
        FrameRecorder recorder = new FrameRecorder();
        ByteBuffer in = ByteBuffer.wrap(wire);
        parser.parse(in, recorder);
        assertEquals(2, recorder.events().size());
        assertEquals(CloseCodes.PROTOCOL_ERROR, recorder.error().closeCode());
        assertEquals(good.length + 2, in.position(), "stopped just after the offending header");
        ByteBuffer more = ByteBuffer.wrap(good.clone());
        parser.parse(more, recorder);
        assertEquals(0, more.position(), "a stopped parser consumes nothing");
        assertEquals(2, recorder.events().size());
    }

    // ------------------------------------------------------------------------------------------- parsing

    @Test
    void emptyPayloadGivesOneEmptyCompleteChunk() {
        FrameRecorder recorder = parse(Role.SERVER, 1000, 0, masked(true, 0, Opcode.BINARY, new byte[0]));
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, new byte[0])), recorder.frames());
        assertEquals(1, recorder.chunks());
    }

    @Test
    void headerIsReportedBeforeItsPayloadArrivesAndPayloadInChunksAsItComes() {
        byte[] payload = Rfc6455ExamplesTest.pattern(300);
        byte[] wire = masked(true, 0, Opcode.BINARY, payload);
        List<String> calls = new ArrayList<>();
        FrameListener listener = new FrameListener() {
            @Override
            public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
                calls.add("header " + payloadLength);
            }

            @Override
            public void onFramePayload(ByteBuffer chunk, boolean frameComplete) {
                calls.add("chunk " + chunk.remaining() + (frameComplete ? " complete" : ""));
            }

            @Override
            public void onFrameError(int closeCode, String message) {
                calls.add("error " + closeCode);
            }
        };
        FrameParser parser = new FrameParser(Role.SERVER, 1000, 0);
        int headerLength = FrameEncoder.headerLength(300, true);
        parser.parse(ByteBuffer.wrap(wire, 0, headerLength), listener);
        assertEquals(List.of("header 300"), calls);
        assertFalse(parser.atFrameBoundary());
        parser.parse(ByteBuffer.wrap(wire, headerLength, 100), listener);
        parser.parse(ByteBuffer.wrap(wire, headerLength + 100, 200), listener);
        assertEquals(List.of("header 300", "chunk 100", "chunk 200 complete"), calls);
        assertTrue(parser.atFrameBoundary());
        byte[] unmasked = new byte[300];
        System.arraycopy(wire, headerLength, unmasked, 0, 300);
        assertArrayEquals(payload, unmasked, "the payload was unmasked in place, across chunks");
    }

    @Test
    void parsesFromTheBuffersPositionAndConsumesToItsLimit() {
        byte[] frame = masked(true, 0, Opcode.TEXT, new byte[] {'h', 'i'});
        byte[] wire = Hex.concat(new byte[] {7, 7, 7}, frame, new byte[] {7});
        ByteBuffer in = ByteBuffer.wrap(wire, 3, frame.length);
        FrameRecorder recorder = new FrameRecorder();
        new FrameParser(Role.SERVER, 1000, 0).parse(in, recorder);
        assertEquals(List.of(new Frame(true, 0, Opcode.TEXT, new byte[] {'h', 'i'})), recorder.frames());
        assertEquals(3 + frame.length, in.position());
        assertEquals(3 + frame.length, in.limit(), "the limit is restored");
        assertEquals(7, wire[wire.length - 1], "bytes beyond the limit are untouched");
    }

    @Test
    void parsesASliceWithAnArrayOffset() {
        byte[] payload = Rfc6455ExamplesTest.pattern(200);
        byte[] frame = masked(true, 0, Opcode.BINARY, payload);
        ByteBuffer slice = ByteBuffer.wrap(Hex.concat(new byte[5], frame)).position(5).slice();
        FrameRecorder recorder = new FrameRecorder();
        new FrameParser(Role.SERVER, 1000, 0).parse(slice, recorder);
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, payload)), recorder.frames());
    }

    @ParameterizedTest(name = "payload {0}")
    @ValueSource(ints = {0, 125, 126, 65535, 65536})
    void byteOrderOfTheInputBufferDoesNotMatter(int length) {
        byte[] payload = Rfc6455ExamplesTest.pattern(length);
        byte[] wire = Hex.concat(masked(false, 0, Opcode.BINARY, payload), masked(true, 0, Opcode.CONTINUATION, payload));
        for (boolean direct : new boolean[] {false, true}) {
            ByteBuffer in = direct ? ByteBuffer.allocateDirect(wire.length) : ByteBuffer.allocate(wire.length);
            in.order(ByteOrder.LITTLE_ENDIAN).put(wire).flip();
            FrameRecorder recorder = new FrameRecorder();
            new FrameParser(Role.SERVER, 1 << 20, 0).parse(in, recorder);
            assertEquals(List.of(new Frame(false, 0, Opcode.BINARY, payload),
                    new Frame(true, 0, Opcode.CONTINUATION, payload)), recorder.frames(), "direct " + direct);
        }
    }

    @Test
    void stopFromAListenerEndsTheCurrentParseAndLaterOnes() {
        byte[] frame = masked(true, 0, Opcode.TEXT, new byte[] {'a'});
        byte[] wire = Hex.concat(frame, frame, frame);
        FrameParser parser = new FrameParser(Role.SERVER, 1000, 0);
        List<Integer> completed = new ArrayList<>();
        FrameListener stopAfterFirst = new FrameListener() {
            @Override
            public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
            }

            @Override
            public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
                completed.add(payload.remaining());
                parser.stop();
            }

            @Override
            public void onFrameError(int closeCode, String message) {
                throw new AssertionError("no error expected");
            }
        };
        ByteBuffer in = ByteBuffer.wrap(wire);
        parser.parse(in, stopAfterFirst);
        assertEquals(List.of(1), completed);
        assertEquals(frame.length, in.position(), "stopped right after the first frame");
        parser.parse(in, stopAfterFirst);
        assertEquals(List.of(1), completed);
        assertFalse(parser.atFrameBoundary());
    }

    @Test
    void stopFromAHeaderCallbackDeliversNoPayload() {
        FrameParser parser = new FrameParser(Role.SERVER, 1000, 0);
        List<String> calls = new ArrayList<>();
        parser.parse(ByteBuffer.wrap(masked(true, 0, Opcode.TEXT, new byte[] {'a', 'b'})), new FrameListener() {
            @Override
            public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
                calls.add("header");
                parser.stop();
            }

            @Override
            public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
                calls.add("payload");
            }

            @Override
            public void onFrameError(int closeCode, String message) {
                calls.add("error");
            }
        });
        assertEquals(List.of("header"), calls);
    }

    @Test
    void headerSplitAtEveryByteOfEveryLengthFormParses() {
        for (int length : new int[] {0, 5, 125, 126, 65535, 65536}) {
            for (boolean mask : new boolean[] {false, true}) {
                byte[] payload = Rfc6455ExamplesTest.pattern(length);
                byte[] wire = encode(true, 0, Opcode.BINARY, payload, mask);
                int header = FrameEncoder.headerLength(length, mask);
                for (int cut = 0; cut <= header; cut++) {
                    FrameParser parser = new FrameParser(mask ? Role.SERVER : Role.CLIENT, 1 << 20, 0);
                    FrameRecorder recorder = new FrameRecorder();
                    byte[] copy = wire.clone();
                    parser.parse(ByteBuffer.wrap(copy, 0, cut), recorder);
                    parser.parse(ByteBuffer.wrap(copy, cut, copy.length - cut), recorder);
                    assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, payload)), recorder.frames(),
                            "length " + length + " masked " + mask + " cut " + cut);
                }
            }
        }
    }

    @Test
    void headerBytesArrivingOneByOneAfterEmptyReadsParse() {
        byte[] payload = Rfc6455ExamplesTest.pattern(70000);
        byte[] wire = masked(true, 0, Opcode.BINARY, payload);
        FrameParser parser = new FrameParser(Role.SERVER, 1 << 20, 0);
        FrameRecorder recorder = new FrameRecorder();
        for (int i = 0; i < 14; i++) {
            parser.parse(ByteBuffer.allocate(0), recorder);
            parser.parse(ByteBuffer.wrap(wire, i, 1), recorder);
        }
        parser.parse(ByteBuffer.wrap(wire, 14, wire.length - 14), recorder);
        assertEquals(List.of(new Frame(true, 0, Opcode.BINARY, payload)), recorder.frames());
    }
}
