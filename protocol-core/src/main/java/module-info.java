/**
 * The sans-I/O WebSocket engine (RFC 6455, RFC 7692): bytes in, events out; calls in, bytes out.
 * No sockets, no threads, no dependencies beyond {@code java.base}.
 */
module io.github.rfc6455.core {
    exports io.github.rfc6455.core;
    exports io.github.rfc6455.core.handshake;
    exports io.github.rfc6455.core.extension;
    exports io.github.rfc6455.core.frame;
    exports io.github.rfc6455.core.message;
    exports io.github.rfc6455.core.tls;
}
