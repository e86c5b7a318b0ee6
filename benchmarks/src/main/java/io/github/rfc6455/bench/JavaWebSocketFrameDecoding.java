package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.enums.Role;
import org.java_websocket.framing.Framedata;

/**
 * Java-WebSocket's {@link Draft_6455#translateFrame} as its server runs it: input in a heap buffer (what
 * {@code WebSocketServer} reads into), the buffer limited to one frame per call because {@code translateFrame} decodes
 * every whole frame it is given. Java-WebSocket copies and unmasks each payload into a new heap buffer and returns the
 * frames in a new list.
 *
 * <p>Not thread-safe.
 */
final class JavaWebSocketFrameDecoding implements FrameDecoding {
    private final Draft_6455 draft = new Draft_6455(Collections.emptyList(), MAX_FRAME_PAYLOAD);
    private final ByteBuffer in;
    private final int frameLength;
    private final Sink sink;

    JavaWebSocketFrameDecoding(FrameCorpus corpus, Sink sink) {
        draft.setParseMode(Role.SERVER);
        this.in = corpus.heapCopy();
        this.frameLength = corpus.frameLength();
        this.sink = sink;
    }

    @Override
    public void decodeNext() throws Exception {
        int start = in.position();
        if (start == in.capacity()) {
            start = 0;
        }
        in.limit(start + frameLength);
        in.position(start);
        List<Framedata> frames = draft.translateFrame(in);
        for (int i = 0, n = frames.size(); i < n; i++) {
            sink.accept(frames.get(i).getPayloadData());
        }
    }
}
