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
                // TODO(lead): wire rfc6455's permessage-deflate (protocol-core extension package) here once it lands:
                // a sender-side deflater and a receiver-side inflater kept across messages, compressing `message`
                // into a reused buffer, stripping the 00 00 FF FF tail (RFC 7692 section 7.2.1), inflating with the
                // tail appended (7.2.2) and handing the text to `sink`, all without per-message allocation.
                throw new UnsupportedOperationException(
                        "rfc6455 permessage-deflate is not wired into DeflateBenchmark yet (TODO in DeflateRoundTrip)");
            default:
                throw new IllegalArgumentException("unknown impl: " + impl);
        }
    }
}
