package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link WebSocketEngine#trimIdle()}: a quiet connection drops its parser and assembler and gets them back with the
 * next bytes, but never while a frame or a message is half received.
 */
class WebSocketEngineTrimTest {
    private final EngineWire wire = new EngineWire();
    private final EngineEvents events = new EngineEvents();
    private final WebSocketEngine engine =
            WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, events, wire);
    private final PeerFrames peer = PeerFrames.toServer();

    private void feed(byte[] bytes) {
        engine.receive(ByteBuffer.wrap(bytes));
    }

    @Test
    void aQuietConnectionDropsItsReceiveStateAndGetsItBack() {
        feed(peer.text("one"));
        engine.trimIdle();
        assertFalse(engine.holdsReceiveState());
        feed(peer.text("two"));
        assertTrue(engine.holdsReceiveState());
        assertEquals(List.of("text one", "text two"), events.take());
    }

    @Test
    void aSplitHeaderIsNeverDropped() {
        byte[] frame = peer.text("split");
        feed(Arrays.copyOfRange(frame, 0, 3));
        engine.trimIdle();
        assertTrue(engine.holdsReceiveState(), "3 of 6 header bytes are held by the parser");
        feed(Arrays.copyOfRange(frame, 3, frame.length));
        assertEquals(List.of("text split"), events.take());
    }

    @Test
    void aFragmentedMessageInProgressIsNeverDropped() {
        feed(peer.frame(false, Opcode.TEXT, PeerFrames.utf8("frag")));
        engine.trimIdle();
        assertTrue(engine.holdsReceiveState(), "a message is being assembled");
        feed(peer.frame(true, Opcode.CONTINUATION, PeerFrames.utf8("ment")));
        assertEquals(List.of("text fragment"), events.take());
    }

    @Test
    void aHalfReceivedPayloadIsNeverDropped() {
        byte[] frame = peer.binary(new byte[1000]);
        feed(Arrays.copyOfRange(frame, 0, 500));
        engine.trimIdle();
        assertTrue(engine.holdsReceiveState(), "the parser is inside a payload");
        feed(Arrays.copyOfRange(frame, 500, frame.length));
        List<String> log = events.take();
        assertEquals(1, log.size());
        assertTrue(log.get(0).startsWith("binary "), log.toString());
    }

    @Test
    void aFailureDropsAHalfAssembledMessageAtOnce() {
        feed(peer.frame(false, Opcode.BINARY, new byte[1000]));
        assertTrue(engine.holdsMessageBytes(), "the first fragment is stored");
        feed(peer.frame(true, 0x40, Opcode.CONTINUATION, new byte[10])); // RSV1 without an extension: 1002
        assertFalse(engine.holdsMessageBytes(), "released on failure, not when TCP closes later");
    }

    @Test
    void aCloseFrameDropsAHalfAssembledMessageAtOnce() {
        feed(peer.frame(false, Opcode.TEXT, PeerFrames.utf8("never finished")));
        assertTrue(engine.holdsMessageBytes());
        feed(peer.close(1000, ""));
        assertFalse(engine.holdsMessageBytes());
    }

    @Test
    void aClosingConnectionKeepsItsState() {
        engine.close(1000, "bye");
        engine.trimIdle();
        assertTrue(engine.holdsReceiveState(), "only an open connection is trimmed");
    }
}
