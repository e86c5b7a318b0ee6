package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;

/**
 * Java-WebSocket's {@link Draft_6455} as {@code WebSocketImpl.send(ByteBuffer)} uses it: {@code createFrames} wraps the
 * message in a new frame object, {@code createBinaryFrame} allocates a heap buffer for the whole frame and copies
 * (masking as a client, with a key from its {@code SecureRandom}) the payload into it.
 *
 * <p>Not thread-safe.
 */
final class JavaWebSocketFrameEncoding implements FrameEncoding {
    private final Draft_6455 draft = new Draft_6455(Collections.emptyList(), FrameDecoding.MAX_FRAME_PAYLOAD);
    private final ByteBuffer payload;
    private final boolean masked;
    private final Sink sink;

    JavaWebSocketFrameEncoding(byte[] payload, boolean masked, Sink sink) {
        draft.setParseMode(masked ? Role.CLIENT : Role.SERVER);
        this.payload = ByteBuffer.wrap(payload);
        this.masked = masked;
        this.sink = sink;
    }

    @Override
    public void encodeNext() {
        List<Framedata> frames = draft.createFrames(payload, masked);
        for (int i = 0, n = frames.size(); i < n; i++) {
            sink.accept(draft.createBinaryFrame(frames.get(i)));
        }
        // masking reads the payload buffer to its end; the next message would be a fresh buffer
        payload.rewind();
    }
}
