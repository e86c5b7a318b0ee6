package io.github.rfc6455.core.handshake;

import io.github.rfc6455.core.extension.ExtensionOffer;
import java.util.List;
import java.util.Objects;

/**
 * A server's 101 response that {@link ClientHandshake#validate(HttpResponseHead)} accepted, with what it negotiated
 * (RFC 6455 section 4.1).
 *
 * <p>Immutable and thread-safe.
 *
 * @param head the response as received
 * @param subprotocol the selected subprotocol, or null for none
 * @param extensions the accepted extensions with the server's parameters, in the order they apply
 */
public record HandshakeResponse(HttpResponseHead head, String subprotocol, List<ExtensionOffer> extensions) {
    /** @throws NullPointerException when the head or the extension list is null */
    public HandshakeResponse {
        Objects.requireNonNull(head, "head");
        extensions = List.copyOf(extensions);
    }
}
