package io.github.rfc6455.bench;

import io.github.rfc6455.core.frame.FrameEncoder;
import io.github.rfc6455.core.frame.MaskKeys;
import io.github.rfc6455.core.frame.Opcode;
import java.nio.ByteBuffer;

/**
 * rfc6455's {@link FrameEncoder} writing into one reused heap outbound buffer (rfc6455's engine encodes into heap
 * buffers). A masked frame is written whole, the payload masked while it is copied, with a key from {@link MaskKeys}
 * (a ChaCha20 keystream keyed from {@code SecureRandom}). An unmasked frame is copied whole up to
 * {@value #GATHER_THRESHOLD} bytes of payload; above that only the header is written and the payload is handed on
 * untouched for a gathering write, as rfc6455's engine sends a large text (and as Netty does, same threshold).
 *
 * <p>Not thread-safe.
 */
final class Rfc6455FrameEncoding implements FrameEncoding {
    static final int GATHER_THRESHOLD = 1024;

    private final ByteBuffer payload;
    private final ByteBuffer out;
    private final boolean masked;
    private final Sink sink;

    Rfc6455FrameEncoding(byte[] payload, boolean masked, Sink sink) {
        this.payload = ByteBuffer.wrap(payload);
        this.out = ByteBuffer.allocate(FrameEncoder.MAX_HEADER_LENGTH + payload.length);
        this.masked = masked;
        this.sink = sink;
    }

    @Override
    public void encodeNext() {
        out.clear();
        if (masked) {
            FrameEncoder.encode(out, true, 0, Opcode.BINARY, payload, true, MaskKeys.next());
            out.flip();
            sink.accept(out);
        } else if (payload.remaining() <= GATHER_THRESHOLD) {
            FrameEncoder.encode(out, true, 0, Opcode.BINARY, payload, false, 0);
            out.flip();
            sink.accept(out);
        } else {
            FrameEncoder.encodeHeader(out, true, 0, Opcode.BINARY, payload.remaining(), false, 0);
            out.flip();
            sink.accept(out);
            sink.accept(payload);
        }
    }
}
