package io.github.rfc6455.conformance;

import java.io.IOException;

/** The opening handshake (RFC 6455 section 4) failed; the message says why. */
final class HandshakeException extends IOException {

    private static final long serialVersionUID = 1L;

    HandshakeException(String message) {
        super(message);
    }
}
