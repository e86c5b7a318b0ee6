package io.github.rfc6455.core.extension;

/**
 * An extension response or offer that cannot be accepted (RFC 6455 section 9.1, RFC 7692 section 7). The message
 * names the offending parameter.
 *
 * <p>Immutable and thread-safe.
 */
public final class ExtensionNegotiationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the extension parameters */
    public ExtensionNegotiationException(String message) {
        super(message);
    }
}
