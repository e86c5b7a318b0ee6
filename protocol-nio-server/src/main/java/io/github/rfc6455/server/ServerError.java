package io.github.rfc6455.server;

import java.net.InetSocketAddress;

/**
 * A problem the server met outside of any open session, as reported to {@link ServerListener#onServerError} (the
 * counterpart of {@code QWebSocketServer}'s {@code acceptError}, {@code serverError}, {@code sslErrors} and
 * {@code originAuthenticationRequired} signals).
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind what kind of problem
 * @param remoteAddress the client concerned, or null (for {@link Kind#ACCEPT})
 * @param status the HTTP status the client was answered with, or 0 when none was sent
 * @param message a readable description
 * @param cause the underlying exception, or null
 */
public record ServerError(Kind kind, InetSocketAddress remoteAddress, int status, String message, Throwable cause) {

    /** The kinds of server problems. Immutable and thread-safe. */
    public enum Kind {
        /** Accepting a TCP connection failed (for example too many open files); the server keeps listening. */
        ACCEPT,
        /** The TLS handshake or the TLS layer of a connection failed before its WebSocket handshake completed. */
        TLS,
        /** The opening handshake failed: a malformed request, too large a head (431), or a handshake timeout. */
        HANDSHAKE,
        /** The server refused a valid upgrade request: unknown path (404), Origin (403), limit (503), filter. */
        REJECTED
    }
}
