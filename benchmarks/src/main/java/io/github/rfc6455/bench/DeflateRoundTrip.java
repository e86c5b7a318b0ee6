package io.github.rfc6455.bench;

/**
 * One implementation's permessage-deflate (RFC 7692) on both ends of a connection: the sender compresses a text
 * message, the receiver decompresses it and hands the text to a {@link Sink}. Both ends keep their compression
 * context between messages (the RFC 7692 default, no {@code *_no_context_takeover}), with a 32 KiB window.
 *
 * <p>Implementations are not thread-safe.
 */
interface DeflateRoundTrip {
    /**
     * Compresses the message, decompresses the result and hands the text on.
     *
     * @throws Exception when the implementation fails (a bug)
     */
    void roundTrip() throws Exception;

    /**
     * @param impl {@code rfc6455} or {@code netty}
     * @param message the UTF-8 text to send
     * @param sink where the decompressed text goes
     * @return that implementation's round trip
     */
    static DeflateRoundTrip create(String impl, byte[] message, Sink sink) {
        switch (impl) {
            case "netty":
                return new NettyDeflateRoundTrip(message, sink);
            case "rfc6455":
                return new Rfc6455DeflateRoundTrip(message, sink);
            default:
                throw new IllegalArgumentException("unknown impl: " + impl);
        }
    }
}
