package io.github.rfc6455.conformance;

import java.nio.charset.StandardCharsets;

/**
 * One frame exactly as a case wants it on the wire, valid or not (the official {@code sendFrame} arguments).
 *
 * @param opcode any 4-bit opcode, reserved ones included (RFC 6455 section 5.2)
 * @param payload the payload, or the pattern repeated to {@code repeatLength}
 * @param fin the FIN bit
 * @param rsv the three RSV bits as a number 0..7
 * @param repeatLength when non-negative, the payload length: {@code payload} is repeated (and cut) to that length
 * @param chopSize when positive, the encoded frame is written in pieces of this many octets, each its own write
 * @param sync whether the frame is written as its own write before anything that follows
 */
record OutFrame(int opcode, byte[] payload, boolean fin, int rsv, int repeatLength, int chopSize, boolean sync) {

    /** An empty, final, unchopped frame. */
    static OutFrame of(int opcode) {
        return new OutFrame(opcode, new byte[0], true, 0, -1, 0, false);
    }

    OutFrame payload(byte[] bytes) {
        return new OutFrame(opcode, bytes, fin, rsv, repeatLength, chopSize, sync);
    }

    OutFrame payload(String utf8) {
        return payload(utf8.getBytes(StandardCharsets.UTF_8));
    }

    OutFrame fin(boolean value) {
        return new OutFrame(opcode, payload, value, rsv, repeatLength, chopSize, sync);
    }

    OutFrame rsv(int value) {
        return new OutFrame(opcode, payload, fin, value, repeatLength, chopSize, sync);
    }

    OutFrame repeatTo(int length) {
        return new OutFrame(opcode, payload, fin, rsv, length, chopSize, sync);
    }

    OutFrame chop(int size) {
        return new OutFrame(opcode, payload, fin, rsv, repeatLength, size, sync);
    }

    OutFrame sync(boolean value) {
        return new OutFrame(opcode, payload, fin, rsv, repeatLength, chopSize, value);
    }

    /** The payload actually sent: {@code payload}, or the pattern repeated to {@code repeatLength}. */
    byte[] effectivePayload() {
        return repeatLength < 0 ? payload : WireFrames.repeat(payload, repeatLength);
    }
}
