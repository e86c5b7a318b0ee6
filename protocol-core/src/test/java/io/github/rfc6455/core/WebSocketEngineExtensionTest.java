package io.github.rfc6455.core;

import static io.github.rfc6455.core.PeerFrames.concat;
import static io.github.rfc6455.core.PeerFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.extension.MessageExtension;
import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the engine drives a per-message extension (RFC 6455 section 9, RFC 7692 section 6): the RSV bit on the first
 * frame only, decoded bytes under the message limit, decoding errors, release at the end. The extension here is a
 * stand-in that "compresses" by writing each byte twice, so decoded sizes differ from wire sizes.
 */
class WebSocketEngineExtensionTest {
    private final EngineEvents events = new EngineEvents();
    private final EngineWire wire = new EngineWire();
    private final Doubling extension = new Doubling();

    /** Encodes each byte as two copies; decoding keeps every second byte and fails on a mismatched pair. */
    static final class Doubling implements MessageExtension {
        int closed;
        private int pending = -1;

        @Override
        public int rsvBits() {
            return 0x40;
        }

        @Override
        public int decode(ByteBuffer chunk, boolean endOfMessage, DecodedSink sink) {
            ByteBuffer decoded = ByteBuffer.allocate(chunk.remaining() / 2 + 1);
            while (chunk.hasRemaining()) {
                int b = chunk.get() & 0xFF;
                if (pending < 0) {
                    pending = b;
                } else if (pending != b) {
                    return CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
                } else {
                    decoded.put((byte) b);
                    pending = -1;
                }
            }
            if (endOfMessage && pending >= 0) {
                return CloseCodes.INVALID_FRAME_PAYLOAD_DATA;
            }
            return sink.accept(decoded.flip(), endOfMessage);
        }

        @Override
        public boolean shouldEncode(int length, boolean text) {
            return length > 0;
        }

        @Override
        public ByteBuffer encode(ByteBuffer payload) {
            ByteBuffer out = ByteBuffer.allocate(payload.remaining() * 2);
            while (payload.hasRemaining()) {
                byte b = payload.get();
                out.put(b).put(b);
            }
            return out.flip();
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private WebSocketEngine open(WebSocketConfig config) {
        return WebSocketEngine.open(Role.SERVER, config, extension, events, wire);
    }

    private static byte[] doubled(String s) {
        return new Doubling().encode(ByteBuffer.wrap(utf8(s))).array();
    }

    @Test
    void transformedMessagesAreDecodedAndOthersPassThrough() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        PeerFrames peer = PeerFrames.toServer();
        byte[] hello = doubled("Hello");
        receive(engine, peer.frame(true, 0x40, Opcode.TEXT, hello), peer.text("plain"),
                peer.frame(false, 0x40, Opcode.BINARY, java.util.Arrays.copyOf(hello, 3)),
                peer.frame(true, 0, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(hello, 3, hello.length)));
        assertEquals(List.of("text Hello", "text plain", "binary 48 65 6c 6c 6f"), events.take());
    }

    @Test
    void reservedBitOnAContinuationFails() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, 0x40, Opcode.TEXT, doubled("a")), peer.frame(true, 0x40, Opcode.CONTINUATION,
                doubled("b")));
        assertEquals(List.of("failure 1002"), events.take());
        wire.assertOnlyClose(Role.SERVER, CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void reservedBitsTheExtensionDoesNotUseFail() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        receive(engine, PeerFrames.toServer().frame(true, 0x20, Opcode.TEXT, utf8("x")));
        assertEquals(List.of("failure 1002"), events.take());
        wire.assertOnlyClose(Role.SERVER, CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void decodedSizeIsWhatTheMessageLimitCounts() {
        WebSocketEngine engine = open(WebSocketConfig.builder().maxMessageSize(4).build());
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(true, 0x40, Opcode.BINARY, doubled("abcd")));
        assertEquals(List.of("binary 61 62 63 64"), events.take(), "8 bytes on the wire, 4 decoded: fits");
        receive(engine, peer.frame(true, 0x40, Opcode.BINARY, doubled("abcde")));
        assertEquals(List.of("failure 1009"), events.take());
        wire.assertOnlyClose(Role.SERVER, CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void undecodableDataFailsWith1007() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        receive(engine, PeerFrames.toServer().frame(true, 0x40, Opcode.BINARY, utf8("ab")));
        assertEquals(List.of("failure 1007"), events.take());
        wire.assertOnlyClose(Role.SERVER, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void decodedTextIsValidatedAsUtf8() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        receive(engine, PeerFrames.toServer().frame(true, 0x40, Opcode.TEXT, new byte[] {(byte) 0xC0, (byte) 0xC0,
            (byte) 0xAF, (byte) 0xAF}));
        assertEquals(List.of("failure 1007"), events.take());
        wire.assertOnlyClose(Role.SERVER, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void outgoingMessagesCarryTheBitOnTheirFirstFrameOnly() {
        WebSocketEngine engine = open(WebSocketConfig.builder().outgoingFrameSize(4).build());
        engine.sendText("abc", null);
        engine.sendBinary(ByteBuffer.allocate(0), null);
        engine.ping(ByteBuffer.wrap(utf8("p")));
        assertEquals(List.of(new Frame(false, 0x40, Opcode.TEXT, utf8("aabb")),
                new Frame(true, 0, Opcode.CONTINUATION, utf8("cc")),
                new Frame(true, 0, Opcode.BINARY, new byte[0]),
                new Frame(true, 0, Opcode.PING, utf8("p"))), wire.frames(Role.SERVER));
    }

    @Test
    void theExtensionIsReleasedOnceAtTheEnd() {
        WebSocketEngine engine = open(WebSocketConfig.DEFAULT);
        receive(engine, PeerFrames.toServer().close(1000, ""));
        assertEquals(0, extension.closed);
        engine.transportClosed();
        engine.transportClosed();
        assertEquals(1, extension.closed);
    }

    @Test
    void chunkingDoesNotChangeDecodedMessages() {
        PeerFrames peer = PeerFrames.toServer();
        byte[] text = doubled("κόσμε and more text");
        byte[] input = concat(peer.frame(false, 0x40, Opcode.TEXT, java.util.Arrays.copyOf(text, 7)),
                peer.ping("x"), peer.frame(true, 0, Opcode.CONTINUATION, java.util.Arrays.copyOfRange(text, 7, text.length)));
        for (int cut = 0; cut <= input.length; cut++) {
            EngineEvents ev = new EngineEvents();
            WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, new Doubling(), ev,
                    new EngineWire());
            byte[] copy = input.clone();
            engine.receive(ByteBuffer.wrap(copy, 0, cut));
            engine.receive(ByteBuffer.wrap(copy, cut, copy.length - cut));
            assertEquals(List.of("ping 78", "text κόσμε and more text"), ev.log, "cut " + cut);
        }
    }

    private static void receive(WebSocketEngine engine, byte[]... parts) {
        engine.receive(ByteBuffer.wrap(concat(parts)));
    }
}
