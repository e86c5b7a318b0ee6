package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.frame.FrameRecorder.Frame;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A server sends a large text as its header followed by the text's own UTF-8 bytes (two writes the transport gathers),
 * not copied behind the header; smaller texts, client frames and binary messages (whose buffer the caller may reuse)
 * are copied into one buffer.
 */
class WebSocketEngineGatherTest {

    private static WebSocketEngine engine(Role role, EngineWire wire) {
        return WebSocketEngine.open(role, WebSocketConfig.DEFAULT, null, new EngineEvents(), wire);
    }

    @Test
    void aLargeServerTextGoesOutAsHeaderThenItsOwnBytes() {
        EngineWire wire = new EngineWire();
        String text = "é".repeat(3000);
        engine(Role.SERVER, wire).sendText(text, null);
        assertEquals(2, wire.writes(), "header, then the payload");
        List<Frame> frames = wire.frames(Role.SERVER);
        assertEquals(1, frames.size());
        assertEquals(Opcode.TEXT, frames.get(0).opcode());
        assertEquals(text, new String(frames.get(0).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void smallTextsClientFramesAndBinaryMessagesAreOneWrite() {
        EngineWire server = new EngineWire();
        engine(Role.SERVER, server).sendText("x".repeat(1024), null);
        assertEquals(1, server.writes(), "up to the threshold the payload is copied behind the header");
        engine(Role.SERVER, server).sendBinary(ByteBuffer.allocate(5000), null);
        assertEquals(2, server.writes(), "a caller's binary buffer is copied: it may be reused once sendBinary returns");
        EngineWire client = new EngineWire();
        engine(Role.CLIENT, client).sendText("y".repeat(5000), null);
        assertEquals(1, client.writes(), "client frames are masked while copied");
        assertEquals("y".repeat(5000), new String(client.frames(Role.CLIENT).get(0).payload(), StandardCharsets.UTF_8));
    }
}
