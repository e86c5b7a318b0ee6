package io.github.rfc6455.bench;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.websocket.core.Configuration;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.internal.Parser;

/**
 * Jetty 12's {@link Parser} standalone, with the pool and configuration a Jetty server gives it: input in a direct
 * buffer (Jetty's default for network input), one {@code parse} call per frame. Jetty unmasks in place while it
 * builds the {@link Frame.Parsed} and hands the payload on as a slice of the input.
 *
 * <p>Not thread-safe.
 */
final class JettyFrameDecoding implements FrameDecoding {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Parser parser;
    private final ByteBuffer in;
    private final Sink sink;

    JettyFrameDecoding(FrameCorpus corpus, Sink sink) {
        Configuration.ConfigurationCustomizer configuration = new Configuration.ConfigurationCustomizer();
        configuration.setMaxFrameSize(MAX_FRAME_PAYLOAD);
        this.parser = new Parser(new ArrayByteBufferPool(), configuration);
        this.in = corpus.directCopy();
        this.sink = sink;
    }

    @Override
    public void decodeNext() {
        if (!in.hasRemaining()) {
            in.position(0);
        }
        Frame.Parsed frame = parser.parse(in);
        ByteBuffer payload = frame.getPayload();
        sink.accept(payload != null ? payload : EMPTY);
        frame.close();
    }
}
