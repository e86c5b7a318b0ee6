package io.github.rfc6455.core;

import static io.github.rfc6455.core.PeerFrames.concat;
import static io.github.rfc6455.core.PeerFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameRecorder;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per way a peer can violate RFC 6455 or a configured limit. Each checks the exact close code the engine
 * sends on the wire (decoded from its outbound bytes), the single {@link EngineListener#onFailure} call, that the
 * transport is asked to close, that nothing after the violation is delivered, and the final {@code onClose(1006)}.
 */
class WebSocketEngineProtocolErrorTest {
    private static final WebSocketConfig CONFIG = WebSocketConfig.builder()
            .maxFramePayload(1000).maxMessageSize(2000).maxFragmentsPerMessage(5).build();

    private final EngineEvents events = new EngineEvents();
    private final EngineWire wire = new EngineWire();

    private WebSocketEngine open(Role role) {
        return open(role, CONFIG);
    }

    private WebSocketEngine open(Role role, WebSocketConfig config) {
        return WebSocketEngine.open(role, config, null, events, wire);
    }

    private static void receive(WebSocketEngine engine, byte[]... parts) {
        ByteBuffer in = ByteBuffer.wrap(concat(parts));
        engine.receive(in);
        assertFalse(in.hasRemaining(), "receive consumes all input");
    }

    /**
     * Asserts the failure: the events delivered before it and then exactly one failure with {@code code}, exactly one
     * Close frame with {@code code} on the wire, closeTransport(false), state CLOSING; later input ignored; the
     * transport's end reported as 1006.
     */
    private void assertFailed(WebSocketEngine engine, int code, String... deliveredBefore) {
        List<String> expected = new ArrayList<>(List.of(deliveredBefore));
        expected.add("failure " + code);
        assertEquals(expected, events.take());
        assertEquals(1, events.failureMessages.size());
        assertFalse(events.failureMessages.get(0).isBlank());
        wire.assertOnlyClose(engine.role(), code);
        assertEquals(List.of(false), wire.closeTransportCalls());
        assertEquals(ConnectionState.CLOSING, engine.state());

        PeerFrames peer = PeerFrames.to(engine.role());
        receive(engine, peer.text("after the failure"), peer.ping("p"), peer.close(1000, ""));
        assertEquals(List.of(), events.take(), "nothing is delivered after a failure");
        assertEquals(0, wire.drain().length, "nothing is sent after a failure");
        assertFalse(engine.sendText("x", null));

        engine.transportClosed();
        assertEquals(List.of("closed 1006"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
        engine.transportClosed();
        assertEquals(List.of(), events.take(), "onClose is reported once");
    }

    // ------------------------------------------------------------------------------------------- frame level (5.2)

    @ParameterizedTest
    @EnumSource(Role.class)
    void lengthWithTheTopBitSet(Role role) {
        WebSocketEngine engine = open(role);
        receive(engine, role == Role.SERVER ? Hex.bytes("82 FF 80 00 00 00 00 00 00 00 01 02 03 04")
                : Hex.bytes("82 7F 80 00 00 00 00 00 00 00"));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "rsv 0x{0}")
    @ValueSource(ints = {0x40, 0x20, 0x10})
    void reservedBitWithoutAnExtension(int rsv) {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().frame(true, rsv, Opcode.TEXT, utf8("hi")));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {3, 4, 5, 6, 7, 11, 12, 13, 14, 15})
    void reservedOpcode(int opcode) {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.text("before"), peer.frame(true, opcode, utf8("x")), peer.text("after"));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR, "text before");
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.PING, Opcode.PONG, Opcode.CLOSE})
    void controlFrameLongerThan125Bytes(int opcode) {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().frame(true, opcode, new byte[126]));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.PING, Opcode.PONG, Opcode.CLOSE})
    void fragmentedControlFrame(int opcode) {
        WebSocketEngine engine = open(Role.CLIENT);
        PeerFrames peer = PeerFrames.toClient();
        receive(engine, peer.frame(false, opcode, utf8("a")), peer.frame(true, Opcode.CONTINUATION, utf8("b")));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void unmaskedFrameToAServer() {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toClient().text("not masked"));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void maskedFrameToAClient() {
        WebSocketEngine engine = open(Role.CLIENT);
        receive(engine, PeerFrames.toServer().text("masked"));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    // ------------------------------------------------------------------------------------------- fragmentation (5.4)

    @ParameterizedTest
    @EnumSource(Role.class)
    void continuationWithoutAMessageInProgress(Role role) {
        WebSocketEngine engine = open(role);
        PeerFrames peer = PeerFrames.to(role);
        receive(engine, peer.text("done"), peer.frame(true, Opcode.CONTINUATION, utf8("more")));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR, "text done");
    }

    @ParameterizedTest(name = "opcode {0}")
    @ValueSource(ints = {Opcode.TEXT, Opcode.BINARY})
    void newDataFrameInsideAFragmentedMessage(int opcode) {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("frag")), peer.ping("between"));
        assertEquals(List.of(new FrameRecorder.Frame(true, 0, Opcode.PONG, utf8("between"))), wire.frames(Role.SERVER));
        receive(engine, peer.frame(true, opcode, utf8("new")));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR, "ping " + Hex.of(utf8("between")));
    }

    // ------------------------------------------------------------------------------------------- close frames (5.5.1, 7.4)

    @Test
    void closeWithAOneBytePayload() {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().closeWithBody(new byte[] {0x03}));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999, 5000, 65535})
    void closeWithAnInvalidCode(int code) {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().close(code, "reason"));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @ParameterizedTest(name = "code {0}")
    @ValueSource(ints = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014, 3000, 3999, 4000, 4999})
    void closeWithAValidCodeIsEchoed(int code) {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().close(code, "reason"));
        assertEquals(List.of("close received " + code + " reason"), events.take());
        wire.assertOnlyClose(Role.SERVER, code);
        assertEquals(List.of(false), wire.closeTransportCalls());
        engine.transportClosed();
        assertEquals(List.of("closed " + code + " by peer"), events.take());
    }

    @Test
    void closeReasonThatIsNotUtf8() {
        WebSocketEngine engine = open(Role.SERVER);
        byte[] body = concat(Hex.bytes("03 e8"), utf8("κόσμε"), Hex.bytes("ed a0 80"), utf8("edited"));
        receive(engine, PeerFrames.toServer().closeWithBody(body));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void closeReasonLongerThan123Bytes() {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().close(1000, "r".repeat(124)));
        assertFailed(engine, CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void closeReasonOf123BytesIsFine() {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().close(1000, "r".repeat(123)));
        assertEquals(List.of("close received 1000 " + "r".repeat(123)), events.take());
    }

    // ------------------------------------------------------------------------------------------- UTF-8 (8.1)

    @Test
    void invalidUtf8FailsAtTheFirstInvalidByteInTheMiddleOfAFrame() {
        WebSocketEngine engine = open(Role.SERVER);
        byte[] payload = concat(utf8("hello"), Hex.bytes("f4 90 80 80"), utf8("x".repeat(91)));
        byte[] frame = PeerFrames.toServer().frame(true, Opcode.TEXT, payload);
        int header = 2 + 4;
        // Only the header and the first 10 of 100 payload bytes arrive; payload byte 6 (0x90) is the first invalid.
        receive(engine, java.util.Arrays.copyOfRange(frame, 0, header + 10));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void invalidUtf8InTheMiddleOfALaterFragmentDeliversNothingMore() {
        WebSocketEngine engine = open(Role.SERVER, CONFIG.toBuilder().deliverFragments(true).build());
        PeerFrames peer = PeerFrames.toServer();
        byte[] second = peer.frame(false, Opcode.CONTINUATION, concat(utf8("ab"), Hex.bytes("ed a0 80"), utf8("cd")));
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("Hello")), java.util.Arrays.copyOf(second, 6 + 3));
        // The second fragment's first chunk (a, b, ED) can still be valid: it is delivered; A0 is not.
        assertEquals(List.of("fragment text " + Hex.of(utf8("Hello")), "fragment text 61 62 ed"), events.take());
        receive(engine, java.util.Arrays.copyOfRange(second, 6 + 3, second.length),
                peer.frame(true, Opcode.CONTINUATION, utf8("end")));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void invalidUtf8InALaterFragmentOfAnAssembledMessage() {
        WebSocketEngine engine = open(Role.CLIENT);
        PeerFrames peer = PeerFrames.toClient();
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("ok ")), peer.frame(false, Opcode.CONTINUATION, utf8("fine ")),
                peer.frame(true, Opcode.CONTINUATION, Hex.bytes("c0 af")), peer.text("next"));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void textEndingInsideAUtf8SequenceInOneFrame() {
        WebSocketEngine engine = open(Role.SERVER);
        receive(engine, PeerFrames.toServer().frame(true, Opcode.TEXT, Hex.bytes("48 e2 82")));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void textEndingInsideAUtf8SequenceAfterFragments() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, Hex.bytes("48 e2")), peer.frame(true, Opcode.CONTINUATION,
                Hex.bytes("82")));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA);
    }

    @Test
    void textEndingInsideAUtf8SequenceInFragmentMode() {
        WebSocketEngine engine = open(Role.SERVER, CONFIG.toBuilder().deliverFragments(true).build());
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, Hex.bytes("48 e2")), peer.frame(true, Opcode.CONTINUATION,
                Hex.bytes("82")));
        assertFailed(engine, CloseCodes.INVALID_FRAME_PAYLOAD_DATA, "fragment text 48 e2");
    }

    @Test
    void characterSplitAcrossFragmentsIsFine() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, Hex.bytes("e2")), peer.frame(false, Opcode.CONTINUATION,
                Hex.bytes("82")), peer.frame(true, Opcode.CONTINUATION, Hex.bytes("ac")));
        assertEquals(List.of("text €"), events.take());
    }

    // ------------------------------------------------------------------------------------------- limits (10.4)

    @Test
    void frameLargerThanMaxFramePayload() {
        WebSocketEngine engine = open(Role.SERVER);
        byte[] frame = PeerFrames.toServer().binary(new byte[1001]);
        receive(engine, java.util.Arrays.copyOf(frame, 8)); // the header alone is enough
        assertFailed(engine, CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void singleFrameLargerThanMaxMessageSize() {
        WebSocketEngine engine = open(Role.SERVER, CONFIG.toBuilder().maxMessageSize(500).build());
        receive(engine, PeerFrames.toServer().binary(new byte[501]));
        assertFailed(engine, CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void messageLargerThanMaxMessageSizeThroughFragments() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.BINARY, new byte[800]), peer.frame(false, Opcode.CONTINUATION,
                new byte[800]), peer.frame(true, Opcode.CONTINUATION, new byte[401]));
        assertFailed(engine, CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        byte[] a = Hex.bytes("01".repeat(1000));
        byte[] b = Hex.bytes("02".repeat(1000));
        receive(engine, peer.frame(false, Opcode.BINARY, a), peer.frame(true, Opcode.CONTINUATION, b));
        assertEquals(List.of("binary " + Hex.of(concat(a, b))), events.take());
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("é".repeat(500))),
                peer.frame(true, Opcode.CONTINUATION, utf8("a".repeat(1000))));
        assertEquals(List.of("text " + "é".repeat(500) + "a".repeat(1000)), events.take());
        assertEquals(0, wire.drain().length);
        assertEquals(ConnectionState.OPEN, engine.state());
    }

    @Test
    void tooManyFragments() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, new byte[0]), peer.frame(false, Opcode.CONTINUATION, new byte[0]),
                peer.frame(false, Opcode.CONTINUATION, new byte[0]), peer.frame(false, Opcode.CONTINUATION, new byte[0]),
                peer.frame(true, Opcode.CONTINUATION, utf8("five")));
        assertEquals(List.of("text five"), events.take(), "five fragments are allowed");
        receive(engine, peer.frame(false, Opcode.TEXT, new byte[0]), peer.frame(false, Opcode.CONTINUATION, new byte[0]),
                peer.frame(false, Opcode.CONTINUATION, new byte[0]), peer.frame(false, Opcode.CONTINUATION, new byte[0]),
                peer.frame(false, Opcode.CONTINUATION, new byte[0]), peer.frame(true, Opcode.CONTINUATION, utf8("six")));
        assertFailed(engine, CloseCodes.MESSAGE_TOO_BIG);
    }

    @Test
    void applicationFailureSendsItsCode() {
        WebSocketEngine engine = open(Role.SERVER);
        engine.fail(CloseCodes.POLICY_VIOLATION, "too chatty");
        assertEquals("too chatty", events.failureMessages.get(0));
        assertFailed(engine, CloseCodes.POLICY_VIOLATION);
    }
}
