package io.github.rfc6455.bench;

/**
 * One implementation's way to decode the next frame of a {@link FrameCorpus}: parse the header, unmask the payload
 * and hand the payload to a {@link Sink}, with the decoder, its input buffer and all its state kept from one frame to
 * the next as on a long-lived connection. After the last frame it starts again at the first one.
 *
 * <p>Implementations are not thread-safe.
 */
interface FrameDecoding {
    /** The largest frame payload every decoder is configured to accept (16 MiB). */
    int MAX_FRAME_PAYLOAD = 16 * 1024 * 1024;

    /**
     * Decodes the next frame and hands its payload to the sink.
     *
     * @throws Exception when the implementation rejects the frame (a bug: the corpus is valid)
     */
    void decodeNext() throws Exception;

    /**
     * @param impl {@code rfc6455}, {@code jetty}, {@code netty} or {@code javawebsocket}
     * @param corpus the frames to decode
     * @param sink where payloads go
     * @return the decoding of that implementation
     */
    static FrameDecoding create(String impl, FrameCorpus corpus, Sink sink) {
        switch (impl) {
            case "rfc6455":
                return new Rfc6455FrameDecoding(corpus, sink);
            case "jetty":
                return new JettyFrameDecoding(corpus, sink);
            case "netty":
                return new NettyFrameDecoding(corpus, sink);
            case "javawebsocket":
                return new JavaWebSocketFrameDecoding(corpus, sink);
            default:
                throw new IllegalArgumentException("unknown impl: " + impl);
        }
    }
}
