package io.github.rfc6455.bench;

import io.github.rfc6455.core.Role;
import io.github.rfc6455.core.frame.FrameListener;
import io.github.rfc6455.core.frame.FrameParser;
import java.nio.ByteBuffer;

/**
 * rfc6455's {@link FrameParser} as its server runs it: input in a heap buffer (what rfc6455's event loop reads into:
 * masking and UTF-8 then run on the array), the payload unmasked in place and handed on as a window of the input
 * buffer.
 *
 * <p>Not thread-safe.
 */
final class Rfc6455FrameDecoding implements FrameDecoding, FrameListener {
    private final FrameParser parser = new FrameParser(Role.SERVER, MAX_FRAME_PAYLOAD, 0);
    private final ByteBuffer in;
    private final int frameLength;
    private final Sink sink;

    Rfc6455FrameDecoding(FrameCorpus corpus, Sink sink) {
        this.in = corpus.heapCopy();
        this.frameLength = corpus.frameLength();
        this.sink = sink;
    }

    @Override
    public void decodeNext() {
        int start = in.position();
        if (start == in.capacity()) {
            start = 0;
        }
        in.limit(start + frameLength);
        in.position(start);
        parser.parse(in, this);
    }

    @Override
    public void onFrameHeader(boolean fin, int rsv, int opcode, long payloadLength) {
        // the payload follows in onFramePayload
    }

    @Override
    public void onFramePayload(ByteBuffer payload, boolean frameComplete) {
        sink.accept(payload);
    }

    @Override
    public void onFrameError(int closeCode, String message) {
        throw new IllegalStateException("rfc6455 rejected a valid frame: " + closeCode + " " + message);
    }
}
