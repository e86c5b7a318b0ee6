package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.AllocationMeter;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.Hex;
import io.github.rfc6455.core.frame.MaskKeys;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory held for a message follows the bytes received, not the lengths a peer announces. */
class WebSocketEngineMemoryTest {
    private static final int SIXTEEN_MIB = 16 * 1024 * 1024;

    private static byte[] header(boolean fin, int opcode, long length) {
        ByteBuffer out = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH);
        FrameEncoder.encodeHeader(out, fin, 0, opcode, length, true, MaskKeys.next());
        return Hex.remaining(out.flip());
    }

    @Test
    void announcedFrameLengthDoesNotReserveMemoryBeforeTheBytesArrive() {
        AllocationMeter.assumeSupported();
        EngineEvents events = new EngineEvents();
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, events,
                new EngineWire());
        // A single-frame binary message announcing the full 16 MiB limit, of which only 1000 bytes arrive.
        ByteBuffer in = ByteBuffer.wrap(PeerFrames.concat(header(true, Opcode.BINARY, SIXTEEN_MIB), new byte[1000]));
        long allocated = AllocationMeter.allocatedBy(() -> { }, () -> engine.receive(in));
        System.out.printf("16 MiB frame announced, 1000 bytes received: %d bytes allocated%n", allocated);
        assertEquals(List.of(), events.take());
        assertTrue(allocated < 1024 * 1024, () -> allocated + " bytes allocated for 1000 bytes received");
    }

    @Test
    void fragmentedMessageStorageGrowsWithTheBytesReceived() {
        AllocationMeter.assumeSupported();
        EngineEvents events = new EngineEvents();
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, events,
                new EngineWire());
        ByteBuffer in = ByteBuffer.wrap(PeerFrames.toServer().frame(false, Opcode.BINARY, new byte[1000]));
        long allocated = AllocationMeter.allocatedBy(() -> { }, () -> engine.receive(in));
        assertTrue(allocated < 64 * 1024, () -> allocated + " bytes allocated for 1000 bytes received");
    }
}
