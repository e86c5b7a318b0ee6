/**
 * A WebSocket client (RFC 6455, with permessage-deflate of RFC 7692) with the API of Qt's QML {@code WebSocket} type
 * and of {@code QWebSocket}: start with {@link io.github.rfc6455.client.WebSocket}. Options (limits, timeouts, TLS,
 * proxy, reconnect) are in {@link io.github.rfc6455.client.WebSocketOptions}; requests with headers in
 * {@link io.github.rfc6455.client.WebSocketRequest}; events in {@link io.github.rfc6455.client.WebSocketListener}.
 */
package io.github.rfc6455.client;
