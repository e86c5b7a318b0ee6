package io.github.rfc6455.core;

import static io.github.rfc6455.core.PeerFrames.concat;
import static io.github.rfc6455.core.PeerFrames.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.rfc6455.core.frame.CloseCodes;
import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The closing handshake (RFC 6455 section 5.5.1, 7.1) and the end of the connection. */
class WebSocketEngineCloseTest {
    private final EngineEvents events = new EngineEvents();
    private final EngineWire wire = new EngineWire();

    private WebSocketEngine open(Role role) {
        return WebSocketEngine.open(role, WebSocketConfig.DEFAULT, null, events, wire);
    }

    private static void receive(WebSocketEngine engine, byte[]... parts) {
        engine.receive(ByteBuffer.wrap(concat(parts)));
    }

    /** The server closes TCP first (section 7.1.1): a client asks to wait for it, a server does not. */
    private static boolean awaitPeerFirst(Role role) {
        return role == Role.CLIENT;
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void peerInitiatedCloseIsEchoed(Role role) {
        WebSocketEngine engine = open(role);
        receive(engine, PeerFrames.to(role).close(1001, "going away"));
        assertEquals(List.of("close received 1001 going away"), events.take());
        assertEquals("", wire.assertOnlyClose(role, 1001));
        assertEquals(ConnectionState.CLOSING, engine.state());
        assertEquals(List.of(awaitPeerFirst(role)), wire.closeTransportCalls());

        List<Throwable> outcomes = new ArrayList<>();
        assertFalse(engine.sendText("too late", outcomes::add));
        assertInstanceOf(IllegalStateException.class, outcomes.get(0));
        engine.close(1000, "again");
        assertEquals(0, wire.drain().length, "a single close frame is sent");

        engine.transportClosed();
        assertEquals(ConnectionState.CLOSED, engine.state());
        assertEquals(List.of("closed 1001 by peer"), events.take());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void closeWithoutAStatusIsAnsweredWith1000(Role role) {
        WebSocketEngine engine = open(role);
        receive(engine, PeerFrames.to(role).closeWithBody(new byte[0]));
        assertEquals(List.of("close received 1005 "), events.take());
        wire.assertOnlyClose(role, CloseCodes.NORMAL_CLOSURE);
        engine.transportClosed();
        assertEquals(List.of("closed 1005 by peer"), events.take());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void locallyInitiatedCloseWaitsForThePeer(Role role) {
        WebSocketEngine engine = open(role);
        engine.close(1000, "bye");
        assertEquals("bye", wire.assertOnlyClose(role, 1000));
        assertEquals(ConnectionState.CLOSING, engine.state());
        assertEquals(List.of(), wire.closeTransportCalls(), "the transport stays open for the peer's close");

        List<Throwable> outcomes = new ArrayList<>();
        assertFalse(engine.sendText("x", outcomes::add));
        assertFalse(engine.sendBinary(ByteBuffer.allocate(1), outcomes::add));
        assertFalse(engine.ping(ByteBuffer.allocate(1)));
        assertFalse(engine.pong(ByteBuffer.allocate(1)));
        assertEquals(2, outcomes.size(), "the callbacks are told");
        outcomes.forEach(o -> assertInstanceOf(IllegalStateException.class, o));
        engine.close(1001, "twice");
        assertEquals(0, wire.drain().length, "nothing is sent after the close frame");

        PeerFrames peer = PeerFrames.to(role);
        receive(engine, peer.ping("still there?"));
        assertEquals(0, wire.drain().length, "no pong after our close frame");
        receive(engine, peer.close(1000, "ok"));
        assertEquals(List.of("ping " + io.github.rfc6455.core.frame.Hex.of(utf8("still there?")),
                "close received 1000 ok"), events.take());
        assertEquals(0, wire.drain().length, "the peer's close is not answered again");
        assertEquals(List.of(awaitPeerFirst(role)), wire.closeTransportCalls());
        engine.transportClosed();
        assertEquals(List.of("closed 1000"), events.take(), "closed by this side");
        assertEquals(ConnectionState.CLOSED, engine.state());
    }

    @Test
    void protocolErrorAfterOurCloseSendsNoSecondCloseFrame() {
        WebSocketEngine engine = open(Role.SERVER);
        engine.close(1000, "bye");
        wire.assertOnlyClose(Role.SERVER, 1000);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.text("in flight"), peer.frame(true, 0x3, new byte[0]));
        assertEquals(List.of("text in flight", "failure 1002"), events.take(),
                "messages sent before the peer saw our close still arrive");
        assertEquals(0, wire.drain().length, "only one close frame per connection (section 5.5.1)");
        assertEquals(List.of(false), wire.closeTransportCalls());
        engine.transportClosed();
        assertEquals(List.of("closed 1006"), events.take());
    }

    @Test
    void clientAsksToAwaitTheServersTcpCloseAndServerDoesNot() {
        WebSocketEngine client = open(Role.CLIENT);
        client.close(1000, "");
        receive(client, PeerFrames.toClient().close(1000, ""));
        assertEquals(List.of(true), wire.closeTransportCalls());

        EngineWire serverWire = new EngineWire();
        WebSocketEngine server = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, new EngineEvents(),
                serverWire);
        server.close(1000, "");
        receive(server, PeerFrames.toServer().close(1000, ""));
        assertEquals(List.of(false), serverWire.closeTransportCalls());
    }

    @Test
    void closeWithoutStatusCodeSendsAnEmptyBody() {
        WebSocketEngine engine = open(Role.SERVER);
        engine.close(CloseCodes.NO_STATUS_RECEIVED, "ignored");
        assertEquals(List.of(new Frame(true, 0, Opcode.CLOSE, new byte[0])), wire.frames(Role.SERVER));
    }

    @Test
    void closeReasonIsCutTo123Bytes() {
        WebSocketEngine engine = open(Role.CLIENT);
        engine.close(4000, "x".repeat(200));
        assertEquals("x".repeat(123), wire.assertOnlyClose(Role.CLIENT, 4000));
    }

    @Test
    void closeWithACodeThatMayNotBeSentIsRefused() {
        WebSocketEngine engine = open(Role.SERVER);
        for (int code : new int[] {999, 1004, 1006, 1015, 2000, 5000}) {
            assertThrows(IllegalArgumentException.class, () -> engine.close(code, ""), "code " + code);
        }
        assertEquals(ConnectionState.OPEN, engine.state());
        assertEquals(0, wire.drain().length);
    }

    @Test
    void failWithACodeThatMayNotBeSentIsRefusedWithoutSideEffects() {
        WebSocketEngine engine = open(Role.SERVER);
        assertThrows(IllegalArgumentException.class, () -> engine.fail(CloseCodes.ABNORMAL_CLOSURE, "not on the wire"));
        assertEquals(ConnectionState.OPEN, engine.state());
        assertEquals(List.of(), events.take());
        receive(engine, PeerFrames.toServer().text("still open"));
        assertEquals(List.of("text still open"), events.take(), "the engine still reads");
        engine.fail(CloseCodes.POLICY_VIOLATION, "policy");
        wire.assertOnlyClose(Role.SERVER, CloseCodes.POLICY_VIOLATION);
        assertEquals(List.of("failure 1008"), events.take());
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void transportClosedWithoutACloseFrameReports1006(Role role) {
        WebSocketEngine engine = open(role);
        receive(engine, PeerFrames.to(role).frame(false, Opcode.TEXT, utf8("unfinished")));
        engine.transportClosed();
        assertEquals(List.of("closed 1006"), events.take());
        assertEquals(ConnectionState.CLOSED, engine.state());
        engine.transportClosed();
        assertEquals(List.of(), events.take());
        receive(engine, PeerFrames.to(role).text("late"));
        assertEquals(List.of(), events.take());
        assertFalse(engine.sendText("late", null));
    }

    @Test
    void transportClosedAfterOurCloseWithoutTheirsReports1006() {
        WebSocketEngine engine = open(Role.SERVER);
        engine.close(1000, "");
        engine.transportClosed();
        assertEquals(List.of("closed 1006"), events.take());
    }

    @Test
    void dataAfterTheCloseFrameIsDiscarded() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.text("before"), peer.close(1000, ""), peer.text("after"), peer.ping("p"));
        assertEquals(List.of("text before", "close received 1000 "), events.take());
        wire.assertOnlyClose(Role.SERVER, 1000);
        receive(engine, peer.text("later"), new byte[] {(byte) 0xFF, 0x00});
        assertEquals(List.of(), events.take());
        assertEquals(0, wire.drain().length);
    }

    @Test
    void closeFrameInsideAFragmentedMessageEndsIt() {
        WebSocketEngine engine = open(Role.SERVER);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.frame(false, Opcode.TEXT, utf8("half")), peer.close(1000, "stop"),
                peer.frame(true, Opcode.CONTINUATION, utf8(" message")));
        assertEquals(List.of("close received 1000 stop"), events.take());
        engine.transportClosed();
        assertEquals(List.of("closed 1000 by peer"), events.take());
    }

    @Test
    void closeFromInsideAListenerCallback() {
        List<WebSocketEngine> holder = new ArrayList<>();
        EngineEvents listener = new EngineEvents() {
            @Override
            public void onText(String text) {
                super.onText(text);
                holder.get(0).close(1000, "got " + text);
            }
        };
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, listener, wire);
        holder.add(engine);
        PeerFrames peer = PeerFrames.toServer();
        receive(engine, peer.text("one"), peer.text("two"), peer.close(1000, ""));
        assertEquals(List.of("text one", "text two", "close received 1000 "), listener.take(),
                "messages keep arriving until the peer's close");
        assertEquals("got one", wire.assertOnlyClose(Role.SERVER, 1000));
    }
}
