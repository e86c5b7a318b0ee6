package io.github.rfc6455.core.fuzz;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.Opcode;
import io.github.rfc6455.core.fuzz.FrameParserFuzzTest.Event;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What an engine must make of a sequence of received frames (RFC 6455 sections 5.4, 5.5, 7 and 8.1), worked out the
 * plain way from the frames the reference decoder found: the messages it must deliver, the frames it must send back
 * (pongs, then one Close) and the close code it ends with. Written independently of the engine, to compare with it.
 */
final class EngineModel {
    /** A delivered message. */
    record Message(boolean text, byte[] data) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.text == text && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return (text ? "text " : "binary ") + data.length + " bytes";
        }
    }

    /** A frame the engine sends: a pong with its payload, or a close with its code. */
    record Sent(int opcode, byte[] payload, int closeCode) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Sent s && s.opcode == opcode && s.closeCode == closeCode
                    && (opcode == Opcode.CLOSE || Arrays.equals(s.payload, payload));
        }

        @Override
        public int hashCode() {
            return opcode * 31 + closeCode;
        }

        @Override
        public String toString() {
            return opcode == Opcode.CLOSE ? "close " + closeCode : Opcode.name(opcode) + " " + payload.length;
        }
    }

    final List<Message> messages = new ArrayList<>();
    final List<Sent> sent = new ArrayList<>();
    /** The code this side failed with, or 0. */
    int failure;
    /** The code of the peer's valid Close, or 0. */
    int closeReceived;

    private final long maxMessage;
    private final int maxFragments;
    private boolean inMessage;
    private boolean text;
    private int fragments;
    private final ByteArrayOutputStream message = new ByteArrayOutputStream();

    private EngineModel(long maxMessage, int maxFragments) {
        this.maxMessage = maxMessage;
        this.maxFragments = maxFragments;
    }

    /**
     * @param frames what the reference decoder found, the last one possibly partial or an error
     * @return the model after all of them
     */
    static EngineModel run(List<Event> frames, long maxMessage, int maxFragments) {
        EngineModel model = new EngineModel(maxMessage, maxFragments);
        for (Event frame : frames) {
            if (!model.step(frame)) {
                break;
            }
        }
        return model;
    }

    /** @return false when the connection stops reading */
    private boolean step(Event frame) {
        if (frame.errorCode() != 0) {
            return fail(frame.errorCode());
        }
        if (Opcode.isControl(frame.opcode())) {
            return !frame.complete() || control(frame);
        }
        if (frame.opcode() == Opcode.CONTINUATION) {
            if (!inMessage) {
                return fail(CloseCodes.PROTOCOL_ERROR);
            }
        } else {
            if (inMessage) {
                return fail(CloseCodes.PROTOCOL_ERROR);
            }
            inMessage = true;
            text = frame.opcode() == Opcode.TEXT;
            fragments = 0;
            message.reset();
        }
        if (++fragments > maxFragments) {
            return fail(CloseCodes.MESSAGE_TOO_BIG);
        }
        // the announced length is checked before the payload arrives
        if (message.size() + frame.length() > maxMessage) {
            return fail(CloseCodes.MESSAGE_TOO_BIG);
        }
        message.writeBytes(frame.payload());
        if (text && !Utf8Oracle.canStillBeValid(message.toByteArray())) {
            return fail(CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
        }
        if (frame.complete() && frame.fin()) {
            byte[] bytes = message.toByteArray();
            if (text && !Utf8Oracle.valid(bytes)) {
                return fail(CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
            }
            messages.add(new Message(text, bytes));
            inMessage = false;
        }
        return true;
    }

    private boolean control(Event frame) {
        byte[] payload = frame.payload();
        switch (frame.opcode()) {
            case Opcode.PING -> {
                sent.add(new Sent(Opcode.PONG, payload, 0));
                return true;
            }
            case Opcode.PONG -> {
                return true;
            }
            default -> {
                if (payload.length == 0) {
                    return closed(CloseCodes.NO_STATUS_RECEIVED);
                }
                if (payload.length == 1) {
                    return fail(CloseCodes.PROTOCOL_ERROR);
                }
                int code = (payload[0] & 0xFF) << 8 | (payload[1] & 0xFF);
                if (!(code >= 1000 && code <= 1003) && !(code >= 1007 && code <= 1014)
                        && !(code >= 3000 && code <= 4999)) {
                    return fail(CloseCodes.PROTOCOL_ERROR);
                }
                if (!Utf8Oracle.valid(Arrays.copyOfRange(payload, 2, payload.length))) {
                    return fail(CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
                }
                return closed(code);
            }
        }
    }

    private boolean closed(int code) {
        closeReceived = code;
        sent.add(new Sent(Opcode.CLOSE, null, code == CloseCodes.NO_STATUS_RECEIVED ? CloseCodes.NORMAL_CLOSURE : code));
        return false;
    }

    private boolean fail(int code) {
        failure = code;
        sent.add(new Sent(Opcode.CLOSE, null, code));
        return false;
    }
}
