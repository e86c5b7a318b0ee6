package io.github.rfc6455.core.handshake;

/**
 * A failed opening handshake (RFC 6455 section 4). On a server, {@link #status()} is the HTTP status to answer with
 * (400, 403, 404, 426, 431, 503...) and the message is the reason; {@link ServerHandshake#reject(HandshakeException)}
 * turns it into a response. On a client, the message names what was wrong with the server's response and
 * {@link #status()} is that response's status, or 0 when there was no well-formed status line.
 *
 * <p>Immutable and thread-safe.
 */
public final class HandshakeException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The HTTP status, or 0. */
    private final int status;

    /**
     * @param status an HTTP status from 100 to 599, or 0 for none
     * @param message what was wrong, naming the offending header
     * @throws IllegalArgumentException when the status is out of range
     */
    public HandshakeException(int status, String message) {
        super(message);
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("invalid HTTP status " + status);
        }
        this.status = status;
    }

    /** @return the HTTP status to answer with (server) or received (client), 0 when there is none */
    public int status() {
        return status;
    }
}
