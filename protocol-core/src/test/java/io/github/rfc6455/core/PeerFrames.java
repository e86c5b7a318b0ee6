package io.github.rfc6455.core;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.MaskKeys;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Frames as the peer of an engine sends them: masked with a fresh key when the peer is a client. */
final class PeerFrames {
    private final boolean masked;

    private PeerFrames(boolean masked) {
        this.masked = masked;
    }

    /** @return frames from a client, for a server engine */
    static PeerFrames toServer() {
        return new PeerFrames(true);
    }

    /** @return frames from a server, for a client engine */
    static PeerFrames toClient() {
        return new PeerFrames(false);
    }

    /** @return frames as the peer of an engine with that role sends them */
    static PeerFrames to(Role engineRole) {
        return engineRole == Role.SERVER ? toServer() : toClient();
    }

    byte[] frame(boolean fin, int rsv, int opcode, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.headerLength(payload.length, masked) + payload.length);
        FrameEncoder.encode(out, fin, rsv, opcode, ByteBuffer.wrap(payload), masked, MaskKeys.next());
        return out.array();
    }

    byte[] frame(boolean fin, int opcode, byte[] payload) {
        return frame(fin, 0, opcode, payload);
    }

    byte[] text(String text) {
        return frame(true, Opcode.TEXT, utf8(text));
    }

    byte[] binary(byte[] data) {
        return frame(true, Opcode.BINARY, data);
    }

    byte[] ping(String payload) {
        return frame(true, Opcode.PING, utf8(payload));
    }

    byte[] close(int code, String reason) {
        byte[] r = utf8(reason);
        return frame(true, Opcode.CLOSE, ByteBuffer.allocate(2 + r.length).putShort((short) code).put(r).array());
    }

    byte[] closeWithBody(byte[] body) {
        return frame(true, Opcode.CLOSE, body);
    }

    /** @return a raw header (no payload) with any first byte and length, masked as this peer masks */
    byte[] header(int firstByte, long length) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH);
        FrameEncoder.encodeHeader(out, (firstByte & 0x80) != 0, firstByte & 0x70, firstByte & 0x0F, length, masked,
                MaskKeys.next());
        return Hex.remaining(out.flip());
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        return Hex.concat(parts);
    }
}
