package io.github.rfc6455.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.rfc6455.core.frame.AllocationMeter;
import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.MaskKeys;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A whole binary message in one frame goes through {@link WebSocketEngine#receive} without allocating: parser,
 * assembler checks and the zero-copy delivery to {@link EngineListener#onBinary}. Printed for the record; asserted
 * as less than one byte per frame over 100 000 frames after warm-up.
 */
class EngineAllocationTest {
    private static final int MEASURED_FRAMES = 100_000;

    @ParameterizedTest(name = "payload {0} bytes")
    @ValueSource(ints = {16, 125, 1024, 65536})
    void receivingWholeBinaryMessagesAllocatesNothingPerMessage(int payloadSize) {
        AllocationMeter.assumeSupported();
        long[] messages = new long[1];
        EngineListener listener = new EngineListener() {
            @Override
            public void onBinary(ByteBuffer data) {
                messages[0]++;
            }
        };
        Outbound outbound = new Outbound() {
            @Override
            public void write(ByteBuffer bytes, SendCallback callback) {
                throw new AssertionError("nothing to send");
            }

            @Override
            public void closeTransport(boolean awaitPeerFirst) {
                throw new AssertionError("no reason to close");
            }
        };
        WebSocketEngine engine = WebSocketEngine.open(Role.SERVER, WebSocketConfig.DEFAULT, null, listener, outbound);
        int frameLength = FrameEncoder.headerLength(payloadSize, true) + payloadSize;
        int perBuffer = Math.max(8, (1 << 20) / frameLength);
        ByteBuffer frames = ByteBuffer.allocate(perBuffer * frameLength);
        for (int i = 0; i < perBuffer; i++) {
            FrameEncoder.encode(frames, true, 0, Opcode.BINARY, ByteBuffer.allocate(payloadSize), true, MaskKeys.next());
        }
        int warmUp = payloadSize >= 65536 ? 20_000 : 200_000;
        long allocated = AllocationMeter.allocatedBy(() -> feed(engine, frames, warmUp, perBuffer),
                () -> {
                    messages[0] = 0;
                    feed(engine, frames, MEASURED_FRAMES, perBuffer);
                });
        double perMessage = (double) allocated / messages[0];
        System.out.printf("WebSocketEngine.receive, masked binary %6d B: %d messages, %d bytes allocated, %.4f B/message%n",
                payloadSize, messages[0], allocated, perMessage);
        assertTrue(messages[0] >= MEASURED_FRAMES);
        assertEquals(ConnectionState.OPEN, engine.state());
        assertTrue(perMessage < 1.0, () -> "receiving allocates " + perMessage + " bytes per message");
    }

    private static void feed(WebSocketEngine engine, ByteBuffer frames, int atLeast, int perBuffer) {
        for (int done = 0; done < atLeast; done += perBuffer) {
            frames.clear();
            engine.receive(frames);
        }
    }
}
