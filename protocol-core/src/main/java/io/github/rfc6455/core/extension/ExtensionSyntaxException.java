package io.github.rfc6455.core.extension;

/**
 * A {@code Sec-WebSocket-Extensions} value that does not follow the grammar of RFC 6455 section 9.1; the message
 * says what was expected where.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExtensionSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what was wrong and where */
    public ExtensionSyntaxException(String message) {
        super(message);
    }
}
