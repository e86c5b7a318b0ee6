/**
 * A {@code java.nio} WebSocket server (RFC 6455, RFC 7692) on the rfc6455 engine: event loops, {@code ws} and
 * {@code wss} listeners, routing, Origin checks, subprotocols, backpressure, timeouts and graceful shutdown. The
 * runnable echo and chat servers live in the unexported {@code io.github.rfc6455.server.cli} package.
 */
module io.github.rfc6455.server {
    requires transitive io.github.rfc6455.core;
    requires transitive io.github.rfc6455.nio;

    exports io.github.rfc6455.server;
}
