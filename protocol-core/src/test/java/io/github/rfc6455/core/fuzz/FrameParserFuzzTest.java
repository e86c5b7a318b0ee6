package io.github.rfc6455.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import io.github.rfc6455.core.frame.Opcode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fuzzes {@link FrameParser} in both roles, with fuzzer-chosen frame size limits, allowed RSV bits, cuts and buffer
 * kinds (heap at an offset, direct, either byte order). Invariants: the {@link FrameListener} contract (a header
 * before its payload, chunks adding up to the announced length, exactly one chunk flagged complete, nothing after an
 * error, all input consumed unless stopped); the frames, unmasked payloads and error code equal those of a plain
 * byte-at-a-time reference decoder written from RFC 6455 section 5.2 (so a 64-bit length with the top bit set is
 * 1002, a length over the limit 1009, and never a negative or truncated length); and the result does not depend on
 * the cuts.
 *
 * <p>Input layout: the frame bytes, then a byte for the role (lowest bit: client receives), a byte of allowed RSV
 * bits, 4 bytes lowering the frame limit from 16 MiB, then 8 bytes seeding the cuts. Seeds:
 * {@code FrameParserFuzzTestInputs/fuzz/}.
 */
class FrameParserFuzzTest {
    /** A frame or the part of one received so far; or an error. */
    record Event(boolean fin, int rsv, int opcode, long length, byte[] payload, boolean complete, int errorCode) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Event e && e.fin == fin && e.rsv == rsv && e.opcode == opcode && e.complete == complete
                    && e.length == length && e.errorCode == errorCode && Arrays.equals(e.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload) + errorCode;
        }

        @Override
        public String toString() {
            return errorCode != 0 ? "error " + errorCode : Opcode.name(opcode) + (fin ? " fin" : "") + " rsv=" + rsv
                    + " " + payload.length + " of " + length + " bytes" + (complete ? "" : " (partial)");
        }
    }

    @FuzzTest
    void fuzz(FuzzedDataProvider data) {
        long cuts = data.consumeLong(0, Long.MAX_VALUE);
        long maxFrame = (16L << 20) - data.consumeLong(0, (16L << 20) - 125);
        int allowedRsv = data.consumeByte() & 0x70;
        Role receiver = data.consumeBoolean() ? Role.CLIENT : Role.SERVER;
        byte[] input = data.consumeRemainingAsBytes();

        Result expected = reference(input, receiver, maxFrame, allowedRsv);
        Result whole = parse(input, 0, receiver, maxFrame, allowedRsv);
        assertEquals(expected, whole, "the parser disagrees with the reference decoder");
        Result cut = parse(input, cuts, receiver, maxFrame, allowedRsv);
        assertEquals(expected, cut, "the result depends on how the input was cut");
    }

    /** The events, and whether the input ended exactly between two frames. */
    record Result(List<Event> events, boolean atBoundary) {
    }

    private static Result parse(byte[] input, long cuts, Role receiver, long maxFrame, int allowedRsv) {
        FrameParser parser = new FrameParser(receiver, maxFrame, allowedRsv);
        Recorder recorder = new Recorder();
        Chunks.feed(input, cuts, chunk -> {
            parser.parse(chunk, recorder);
            assertTrue(recorder.stopped || !chunk.hasRemaining(), "input left unconsumed while not stopped");
        });
        return new Result(recorder.events(), !recorder.stopped && parser.atFrameBoundary());
    }

    /** Records frames and checks the listener contract. */
    private static final class Recorder implements FrameListener {
        private final List<Event> events = new ArrayList<>();
        private ByteArrayOutputStream current;
        private boolean fin;
        private int rsv;
        private int opcode;
        private long announced;
        private boolean stopped;

        @Override
        public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
            assertTrue(!stopped && current == null, "header after an error or inside a frame");
            assertTrue(payloadLength >= 0, "negative length");
            this.fin = fin;
            this.rsv = rsv;
            this.opcode = opcode;
            this.announced = payloadLength;
            current = new ByteArrayOutputStream();
        }

        @Override
        public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
            assertTrue(!stopped && current != null, "payload after an error or without a header");
            byte[] chunk = new byte[payload.remaining()];
            payload.get(chunk);
            current.writeBytes(chunk);
            assertTrue(current.size() <= announced, "more payload than announced");
            assertEquals(current.size() == announced, frameComplete, "complete flag wrong");
            if (frameComplete) {
                events.add(new Event(fin, rsv, opcode, announced, current.toByteArray(), true, 0));
                current = null;
            }
        }

        @Override
        public void onFrameError(int closeCode, String message) {
            assertTrue(!stopped, "second error");
            assertTrue(closeCode == CloseCodes.PROTOCOL_ERROR || closeCode == CloseCodes.MESSAGE_TOO_BIG);
            assertTrue(message != null && !message.isEmpty());
            stopped = true;
            events.add(new Event(false, 0, 0, 0, new byte[0], true, closeCode));
        }

        List<Event> events() {
            List<Event> all = new ArrayList<>(events);
            if (current != null) {
                all.add(new Event(fin, rsv, opcode, announced, current.toByteArray(), false, 0));
            }
            return all;
        }
    }

    /** RFC 6455 section 5.2, decoded the plain way from the whole input. */
    static Result reference(byte[] in, Role receiver, long maxFrame, int allowedRsv) {
        List<Event> events = new ArrayList<>();
        int p = 0;
        while (p < in.length) {
            if (in.length - p < 2) {
                break;
            }
            int b0 = in[p] & 0xFF;
            int b1 = in[p + 1] & 0xFF;
            boolean masked = (b1 & 0x80) != 0;
            int len7 = b1 & 0x7F;
            int extra = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
            int header = 2 + extra + (masked ? 4 : 0);
            if (in.length - p < header) {
                break;
            }
            long length = len7;
            if (extra > 0) {
                length = 0;
                for (int i = 0; i < extra; i++) {
                    length = (length << 8) | (in[p + 2 + i] & 0xFF);
                }
            }
            boolean fin = (b0 & 0x80) != 0;
            int rsv = b0 & 0x70;
            int opcode = b0 & 0x0F;
            boolean control = opcode >= 8;
            boolean defined = opcode <= 2 || (opcode >= 8 && opcode <= 10);
            int error = 0;
            if (length < 0 || !defined
                    || (control && (!fin || length > 125 || rsv != 0))
                    || (!control && (rsv & ~allowedRsv) != 0)
                    || masked != (receiver == Role.SERVER)) {
                error = CloseCodes.PROTOCOL_ERROR;
            } else if (length > maxFrame) {
                error = CloseCodes.MESSAGE_TOO_BIG;
            }
            if (error != 0) {
                events.add(new Event(false, 0, 0, 0, new byte[0], true, error));
                return new Result(events, false);
            }
            int start = p + header;
            int available = (int) Math.min(length, in.length - start);
            byte[] payload = Arrays.copyOfRange(in, start, start + available);
            if (masked) {
                for (int i = 0; i < available; i++) {
                    payload[i] ^= in[p + header - 4 + (i & 3)];
                }
            }
            events.add(new Event(fin, rsv, opcode, length, payload, available == length, 0));
            p = start + available;
            if (available < length) {
                return new Result(events, false);
            }
        }
        return new Result(events, p == in.length);
    }
}
