package io.github.rfc6455.client;

import java.io.IOException;

/**
 * Why a {@link WebSocket} could not be opened, or why a connection ended in error: the exception of a failed
 * {@link WebSocket#open()} future. Its message is the socket's {@link WebSocket#errorString()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class WebSocketException extends IOException {
    private static final long serialVersionUID = 1L;

    /** @param errorString what went wrong */
    public WebSocketException(String errorString) {
        super(errorString);
    }
}
