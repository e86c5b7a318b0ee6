/**
 * The rfc6455 WebSocket client (RFC 6455, RFC 7692): a java.nio client with the API of Qt's {@code WebSocket} and
 * {@code QWebSocket}, {@code CompletableFuture}s, {@code wss} with hostname verification, reconnect, and the
 * command-line chat client and Autobahn driver.
 */
module io.github.rfc6455.client {
    requires transitive io.github.rfc6455.core;
    requires transitive io.github.rfc6455.nio;
    exports io.github.rfc6455.client;
    exports io.github.rfc6455.client.cli;
}
