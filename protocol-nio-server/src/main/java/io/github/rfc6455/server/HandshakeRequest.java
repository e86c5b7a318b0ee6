package io.github.rfc6455.server;

import io.github.rfc6455.core.handshake.HttpHeaders;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * A client's validated WebSocket upgrade request (RFC 6455 section 4.2.1) as the application sees it before the
 * server accepts it ({@link HandshakeFilter}) and afterwards ({@link Session#request()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param path the path of the request target, still percent-encoded (the /resource name/ of RFC 6455 section 3)
 * @param query the query of the request target without {@code ?}, still percent-encoded, or null when there is none
 * @param headers the request's header fields; {@link HttpHeaders#EMPTY} on a session when the server does not
 *                retain requests (see {@link WebSocketServer.Builder#retainRequest})
 * @param origin the {@code Origin} value (RFC 6455 section 10.2), or null when absent
 * @param subprotocols the subprotocols the client asked for, in its order of preference, possibly empty
 * @param remoteAddress the client's address
 * @param secure true when the request came over TLS ({@code wss})
 */
public record HandshakeRequest(String path, String query, HttpHeaders headers, String origin,
                               List<String> subprotocols, InetSocketAddress remoteAddress, boolean secure) {
    /** @throws NullPointerException when the path, headers, subprotocols or remote address are null */
    public HandshakeRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        subprotocols = List.copyOf(subprotocols);
    }
}
