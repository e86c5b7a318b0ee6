package io.github.rfc6455.server;

import java.io.IOException;

/**
 * A failure on a WebSocket session, as reported to {@link WebSocketHandler#onError}: a protocol violation or exceeded
 * limit with the close code the server sent (RFC 6455 section 7.4.1: 1002 protocol error, 1007 invalid payload data,
 * 1008 policy violation such as a consumer too slow to keep up, 1009 message too big, 1011 internal error), or a
 * transport failure (a TCP error, a TLS failure, an unanswered keepalive) with no close code.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The close code sent, or 0. */
    private final int closeCode;

    /**
     * @param closeCode the close code sent to the peer, or 0 when none was (a transport failure)
     * @param message what was wrong
     * @param cause the underlying exception, or null
     */
    public WebSocketException(int closeCode, String message, Throwable cause) {
        super(message, cause);
        this.closeCode = closeCode;
    }

    /** @return the close code the server sent because of this failure, or 0 when the transport failed */
    public int closeCode() {
        return closeCode;
    }
}
