package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every framing violation a server can commit, sent by a raw-socket server after a valid handshake: the client fails
 * the connection (RFC 6455 section 7.1.7) with the right close code, which the server reads, and ends in ERROR with
 * an error string that names the code.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProtocolViolationTest {
    private static final int FRAME_LIMIT = 1024;
    private static final int MESSAGE_LIMIT = 2000;

    static Stream<Arguments> violations() {
        return Stream.of(
                violation("masked server frame", 1002, 0x81, 0x85, 1, 2, 3, 4, 'h' ^ 1, 'e' ^ 2, 'l' ^ 3, 'l' ^ 4, 'o' ^ 1),
                violation("reserved data opcode 3", 1002, 0x83, 0x00),
                violation("reserved data opcode 7", 1002, 0x87, 0x00),
                violation("reserved control opcode 11", 1002, 0x8B, 0x00),
                violation("reserved control opcode 15", 1002, 0x8F, 0x00),
                violation("RSV1 without a negotiated extension", 1002, 0xC1, 0x01, 'a'),
                violation("RSV2", 1002, 0xA1, 0x01, 'a'),
                violation("RSV3", 1002, 0x91, 0x01, 'a'),
                violation("RSV1 on a control frame", 1002, 0xC9, 0x00),
                violation("fragmented ping", 1002, 0x09, 0x00),
                violation("fragmented close", 1002, 0x08, 0x02, 0x03, 0xE8),
                violation("ping longer than 125 bytes", 1002, concat(new int[] {0x89, 0x7E, 0x00, 0x7E}, 126)),
                violation("continuation without a message", 1002, 0x80, 0x01, 'a'),
                violation("new message inside a fragmented one", 1002, 0x01, 0x01, 'a', 0x81, 0x01, 'b'),
                violation("binary inside a fragmented text", 1002, 0x01, 0x01, 'a', 0x02, 0x01, 'b'),
                violation("64-bit length with the top bit set", 1002, 0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 1),
                violation("invalid UTF-8", 1007, 0x81, 0x02, 0xC3, 0x28),
                violation("invalid UTF-8 across fragments", 1007, 0x01, 0x01, 0xE2, 0x80, 0x02, 0x28, 0x28),
                violation("UTF-8 surrogate", 1007, 0x81, 0x03, 0xED, 0xA0, 0x80),
                violation("UTF-8 overlong encoding", 1007, 0x81, 0x02, 0xC0, 0xAF),
                violation("text ending inside a character", 1007, 0x81, 0x02, 'a', 0xE2),
                violation("close with a 1-byte payload", 1002, 0x88, 0x01, 0x03),
                violation("close code 999", 1002, 0x88, 0x02, 0x03, 0xE7),
                violation("close code 1004", 1002, 0x88, 0x02, 0x03, 0xEC),
                violation("close code 1005", 1002, 0x88, 0x02, 0x03, 0xED),
                violation("close code 1006", 1002, 0x88, 0x02, 0x03, 0xEE),
                violation("close code 1015", 1002, 0x88, 0x02, 0x03, 0xF7),
                violation("close code 2999", 1002, 0x88, 0x02, 0x0B, 0xB7),
                violation("close code 5000", 1002, 0x88, 0x02, 0x13, 0x88),
                violation("close reason not UTF-8", 1007, 0x88, 0x04, 0x03, 0xE8, 0xC3, 0x28),
                violation("frame above the frame limit", 1009, 0x82, 0x7E, (FRAME_LIMIT + 1) >> 8, (FRAME_LIMIT + 1) & 0xFF),
                violation("message above the message limit", 1009, tooBigMessage()));
    }

    private static Arguments violation(String name, int code, int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Arguments.of(name, code, b);
    }

    private static Arguments violation(String name, int code, byte[] bytes) {
        return Arguments.of(name, code, bytes);
    }

    private static byte[] concat(int[] head, int zeros) {
        byte[] b = new byte[head.length + zeros];
        for (int i = 0; i < head.length; i++) {
            b[i] = (byte) head[i];
        }
        return b;
    }

    /** Three frames of 1000 bytes: each under the frame limit, together over the message limit. */
    private static byte[] tooBigMessage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(FakeServer.Conn.encode(0x02, new byte[1000]));
        out.writeBytes(FakeServer.Conn.encode(0x00, new byte[1000]));
        out.writeBytes(FakeServer.Conn.encode(0x80, new byte[1000]));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("violations")
    void failsTheConnectionWithTheRightCloseCode(String name, int expectedCode, byte[] bytes) throws Exception {
        try (FakeServer server = new FakeServer(c -> {
            c.handshake();
            c.write(bytes);
            FakeServer.ClientFrame close = c.readUntilClose();
            assertTrue(close.masked(), "client frames are masked (RFC 6455 section 5.3)");
            return close.closeCode();
        })) {
            WebSocket socket = new WebSocket(WebSocketOptions.builder()
                    .maxAllowedIncomingFrameSize(FRAME_LIMIT)
                    .maxAllowedIncomingMessageSize(MESSAGE_LIMIT)
                    .build());
            Recorder r = Recorder.on(socket);
            socket.open(server.uri());
            assertEquals(expectedCode, server.result(), name);
            assertEquals(WebSocket.Status.ERROR, r.awaitEnd(), name);
            assertTrue(socket.errorString().contains("close code " + expectedCode), socket.errorString());
            assertTrue(r.texts.isEmpty() && r.binaries.isEmpty(), "nothing delivered from a bad message");
        }
    }
}
