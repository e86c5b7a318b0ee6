package io.github.rfc6455.core.handshake;

import io.github.rfc6455.core.extension.ExtensionOffer;
import java.util.List;
import java.util.Objects;

/**
 * A client's opening handshake that {@link ServerHandshake#validate(HttpRequestHead)} accepted (RFC 6455 section
 * 4.2.1), with the parts a server needs to route it and to choose a subprotocol and extensions.
 *
 * <p>Immutable and thread-safe.
 *
 * @param head the request as received
 * @param path the path of the request target, still percent-encoded (the /resource name/ of RFC 6455 section 3)
 * @param query the query of the request target, or null when there is none
 * @param host the {@code Host} value
 * @param origin the {@code Origin} value (RFC 6455 section 10.2), or null when absent
 * @param key the {@code Sec-WebSocket-Key} value
 * @param subprotocols the requested subprotocols in the client's order of preference, possibly empty
 * @param extensionOffers the offered extensions in the client's order of preference, possibly empty
 */
public record UpgradeRequest(HttpRequestHead head, String path, String query, String host, String origin,
                             String key, List<String> subprotocols, List<ExtensionOffer> extensionOffers) {
    /** @throws NullPointerException when a required component is null */
    public UpgradeRequest {
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(key, "key");
        subprotocols = List.copyOf(subprotocols);
        extensionOffers = List.copyOf(extensionOffers);
    }

    /** @return the header fields of the request, for application checks such as cookies or authorization */
    public HttpHeaders headers() {
        return head.headers();
    }
}
