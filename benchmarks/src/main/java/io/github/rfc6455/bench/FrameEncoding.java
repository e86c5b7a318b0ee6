package io.github.rfc6455.bench;

/**
 * One implementation's way to turn one binary message into the bytes of one final frame ready for a socket write,
 * the way that implementation sends a frame in production: with its own masking-key source when masking (as a
 * client), its own output buffers, and its own choice between copying the payload behind the header and handing
 * header and payload to a gathering write. Encoders and buffers are kept across calls as on a long-lived connection.
 * Every produced buffer goes to a {@link Sink}.
 *
 * <p>Implementations are not thread-safe.
 */
interface FrameEncoding {
    /**
     * Encodes the message once more and hands the frame's bytes to the sink (one or two buffers, in wire order).
     *
     * @throws Exception when the implementation fails (a bug)
     */
    void encodeNext() throws Exception;

    /**
     * @param impl {@code rfc6455}, {@code jetty}, {@code netty} or {@code javawebsocket}
     * @param payload the message
     * @param masked true to mask as a client must, false to send unmasked as a server does
     * @param sink where the encoded bytes go
     * @return the encoding of that implementation
     */
    static FrameEncoding create(String impl, byte[] payload, boolean masked, Sink sink) {
        switch (impl) {
            case "rfc6455":
                return new Rfc6455FrameEncoding(payload, masked, sink);
            case "jetty":
                return new JettyFrameEncoding(payload, masked, sink);
            case "netty":
                return new NettyFrameEncoding(payload, masked, sink);
            case "javawebsocket":
                return new JavaWebSocketFrameEncoding(payload, masked, sink);
            default:
                throw new IllegalArgumentException("unknown impl: " + impl);
        }
    }
}
