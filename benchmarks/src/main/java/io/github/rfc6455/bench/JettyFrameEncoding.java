package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Random;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.Generator;

/**
 * Jetty 12's {@link Generator} driven as its {@code FrameFlusher} drives it for a frame sent without batching: a new
 * {@link Frame} per message; as a client a new 4-byte mask from a {@link SecureRandom} (what
 * {@code WebSocketConnection} uses when given none); the header into a direct buffer from the pool; the masked payload
 * into a second pooled direct buffer, or, unmasked, the payload handed on as a slice for a gathering write. Pooled
 * buffers go back to the pool after the (here: imaginary) write.
 *
 * <p>Not thread-safe.
 */
final class JettyFrameEncoding implements FrameEncoding {
    private final ByteBufferPool pool = new ArrayByteBufferPool();
    private final Generator generator = new Generator();
    private final Random random = new SecureRandom();
    private final ByteBuffer payload;
    private final boolean masked;
    private final Sink sink;

    JettyFrameEncoding(byte[] payload, boolean masked, Sink sink) {
        this.payload = ByteBuffer.wrap(payload);
        this.masked = masked;
        this.sink = sink;
    }

    @Override
    public void encodeNext() {
        Frame frame = new Frame(OpCode.BINARY, payload);
        if (masked) {
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            frame.setMask(mask);
        }
        RetainableByteBuffer header = pool.acquire(Generator.MAX_HEADER_LENGTH, true);
        generator.generateHeader(frame, header.getByteBuffer());
        sink.accept(header.getByteBuffer());
        if (masked) {
            RetainableByteBuffer body = pool.acquire(frame.getPayloadLength(), true);
            generator.generatePayload(frame, body.getByteBuffer());
            sink.accept(body.getByteBuffer());
            body.release();
        } else {
            sink.accept(payload.slice());
        }
        header.release();
    }
}
