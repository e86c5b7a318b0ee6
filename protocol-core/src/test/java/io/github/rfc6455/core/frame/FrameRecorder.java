package io.github.rfc6455.core.frame;

import io.github.rfc6455.core.Role;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link FrameListener} that records whole frames (payload chunks joined) and errors, and checks the listener
 * contract on the way: a header before its payload, payload chunks adding up to the announced length, exactly one
 * chunk flagged complete, nothing after an error.
 */
public final class FrameRecorder implements FrameListener {

    /** A recorded frame. */
    public record Frame(boolean fin, int rsv, int opcode, byte[] payload) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.fin == fin && f.rsv == rsv && f.opcode == opcode
                    && Arrays.equals(f.payload, payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload) * 31 + opcode;
        }

        @Override
        public String toString() {
            String p = payload.length <= 32 ? Hex.of(payload) : payload.length + " bytes, hash " + Arrays.hashCode(payload);
            return "Frame[fin=" + fin + ", rsv=0x" + Integer.toHexString(rsv) + ", " + Opcode.name(opcode) + ", " + p + "]";
        }
    }

    /** A recorded error. */
    public record Error(int closeCode, String message) {
    }

    private final List<Object> events = new ArrayList<>();
    private ByteArrayOutputStream current;
    private boolean fin;
    private int rsv;
    private int opcode;
    private long announced;
    private boolean stopped;
    private int chunks;

    /** Creates an empty recorder. */
    public FrameRecorder() {
    }

    @Override
    public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
        check(!stopped, "header after an error");
        check(current == null, "header while a frame's payload is pending");
        check(payloadLength >= 0, "negative payload length");
        this.fin = fin;
        this.rsv = rsv;
        this.opcode = opcode;
        this.announced = payloadLength;
        this.current = new ByteArrayOutputStream((int) Math.min(payloadLength, 1 << 20));
    }

    @Override
    public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
        check(!stopped, "payload after an error");
        check(current != null, "payload without a header");
        chunks++;
        byte[] chunk = new byte[payload.remaining()];
        payload.get(chunk); // moves the position, which the listener may do
        current.write(chunk, 0, chunk.length);
        check(current.size() <= announced, "more payload than announced");
        if (frameComplete) {
            check(current.size() == announced, "frame complete with " + current.size() + " of " + announced + " bytes");
            events.add(new Frame(fin, rsv, opcode, current.toByteArray()));
            current = null;
        } else {
            check(current.size() < announced, "last chunk not flagged complete");
        }
    }

    @Override
    public void onFrameError(int closeCode, String message) {
        check(!stopped, "second error");
        check(message != null && !message.isEmpty(), "error without a message");
        stopped = true;
        events.add(new Error(closeCode, message));
    }

    /** @return frames and errors in order */
    public List<Object> events() {
        return events;
    }

    /** @return the frames recorded, failing when an error was recorded */
    public List<Frame> frames() {
        List<Frame> frames = new ArrayList<>();
        for (Object e : events) {
            if (e instanceof Error err) {
                throw new AssertionError("unexpected frame error " + err);
            }
            frames.add((Frame) e);
        }
        return frames;
    }

    /** @return the single error recorded, failing when there is none */
    public Error error() {
        Object last = events.isEmpty() ? null : events.get(events.size() - 1);
        if (!(last instanceof Error err)) {
            throw new AssertionError("expected a frame error, got " + events);
        }
        return err;
    }

    /** @return true when a frame's payload is still pending */
    public boolean inFrame() {
        return current != null;
    }

    /** @return how many payload chunks were delivered */
    public int chunks() {
        return chunks;
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("FrameListener contract: " + what);
        }
    }

    /**
     * Parses bytes in one go (copied first: the parser unmasks in place) and records the result. RSV bits on data
     * frames are recorded, not rejected, so that frames of an extension can be checked.
     *
     * @param receiver the receiving role
     * @param bytes the frames
     * @return the recorder
     */
    public static FrameRecorder parse(Role receiver, byte[] bytes) {
        FrameRecorder recorder = new FrameRecorder();
        ByteBuffer in = ByteBuffer.wrap(bytes.clone());
        new FrameParser(receiver, Long.MAX_VALUE, 0x70).parse(in, recorder);
        return recorder;
    }
}
