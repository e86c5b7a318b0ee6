package io.github.rfc6455.core.handshake;

import static io.github.rfc6455.core.handshake.Http.CONNECTION;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_ACCEPT;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_EXTENSIONS;
import static io.github.rfc6455.core.handshake.Http.SEC_WEBSOCKET_PROTOCOL;
import static io.github.rfc6455.core.handshake.Http.UPGRADE;
import static io.github.rfc6455.core.handshake.Http.quote;

import io.github.rfc6455.core.extension.ExtensionHeader;
import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.extension.ExtensionSyntaxException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The client side of the opening handshake (RFC 6455 section 4.1): writes the upgrade request for a
 * {@code ws://} or {@code wss://} URI and validates the server's response.
 *
 * <p>Immutable once built and thread-safe; its {@link Builder} is not thread-safe.
 */
public final class ClientHandshake {
    private static final Set<String> RESERVED = Set.of("host", "upgrade", "connection", "origin",
            "sec-websocket-key", "sec-websocket-version", "sec-websocket-protocol", "sec-websocket-extensions",
            "sec-websocket-accept");

    private final URI uri;
    private final boolean secure;
    private final int port;
    private final String key;
    private final List<String> subprotocols;
    private final List<ExtensionOffer> extensionOffers;
    private final byte[] request;

    private ClientHandshake(Builder b, String key) {
        this.uri = b.uri;
        this.secure = b.secure;
        this.port = b.port;
        this.key = key;
        this.subprotocols = b.subprotocols;
        this.extensionOffers = b.extensionOffers;
        String target = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        HttpHeaders.Builder headers = HttpHeaders.builder()
                .add(Http.HOST, uri.getHost() + (port == (secure ? 443 : 80) ? "" : ":" + port))
                .add(UPGRADE, Http.WEBSOCKET)
                .add(CONNECTION, UPGRADE)
                .add(Http.SEC_WEBSOCKET_KEY, key)
                .add(Http.SEC_WEBSOCKET_VERSION, Http.VERSION);
        if (b.origin != null) {
            headers.add(Http.ORIGIN, b.origin);
        }
        if (!subprotocols.isEmpty()) {
            headers.add(SEC_WEBSOCKET_PROTOCOL, String.join(", ", subprotocols));
        }
        if (!extensionOffers.isEmpty()) {
            headers.add(SEC_WEBSOCKET_EXTENSIONS, ExtensionHeader.format(extensionOffers));
        }
        ByteBuffer head = Http.write("GET " + target + " HTTP/1.1", headers.addAll(b.extra.build()).build(),
                new byte[0]);
        this.request = head.array();
    }

    /**
     * @param uri a {@code ws://} or {@code wss://} URI ({@code http://} and {@code https://} are accepted as aliases)
     *     with a host and no fragment (RFC 6455 section 3)
     * @return a builder of the handshake for that URI
     * @throws IllegalArgumentException when the URI is not a valid WebSocket URI
     */
    public static Builder builder(URI uri) {
        return new Builder(uri);
    }

    /** @return the URI this handshake connects to, its path and query written in ASCII */
    public URI uri() {
        return uri;
    }

    /** @return true for {@code wss} (and {@code https}): the connection must use TLS */
    public boolean secure() {
        return secure;
    }

    /** @return the port to connect to: the URI's, or 80 for {@code ws} and 443 for {@code wss} by default */
    public int port() {
        return port;
    }

    /** @return the {@code Sec-WebSocket-Key} this handshake sends */
    public String key() {
        return key;
    }

    /** @return the requested subprotocols in order of preference, possibly empty */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** @return the offered extensions in order of preference, possibly empty */
    public List<ExtensionOffer> extensionOffers() {
        return extensionOffers;
    }

    /** @return a new read-only buffer with the bytes of the request head, ready to be written */
    public ByteBuffer request() {
        return ByteBuffer.wrap(request).asReadOnlyBuffer();
    }

    /**
     * Checks the server's response against the client requirements of RFC 6455 section 4.1: status 101,
     * {@code Upgrade} listing {@code websocket} and {@code Connection} listing {@code Upgrade} (case-insensitive),
     * exactly one {@code Sec-WebSocket-Accept} equal to {@link SecWebSocketAccept#forKey forKey(key())}, at most one
     * subprotocol and only a requested one, and only offered extensions, each at most once.
     *
     * @param response the response head
     * @return the negotiated subprotocol and extensions
     * @throws HandshakeException naming what was wrong, with {@link HandshakeException#status()} the response's status
     */
    public HandshakeResponse validate(HttpResponseHead response) throws HandshakeException {
        int status = response.status();
        if (status != 101) {
            throw new HandshakeException(status < 100 || status > 599 ? 0 : status,
                    "unexpected HTTP status " + status + " " + response.reason());
        }
        HttpHeaders headers = response.headers();
        String error = Http.tokenError(headers, UPGRADE, Http.WEBSOCKET);
        if (error == null) {
            error = Http.tokenError(headers, CONNECTION, UPGRADE);
        }
        if (error != null) {
            throw new HandshakeException(status, error);
        }
        List<String> accept = headers.all(SEC_WEBSOCKET_ACCEPT);
        String expected = SecWebSocketAccept.forKey(key);
        if (accept.size() != 1 || !accept.get(0).equals(expected)) {
            throw new HandshakeException(status, accept.isEmpty() ? "missing " + SEC_WEBSOCKET_ACCEPT + " header"
                    : SEC_WEBSOCKET_ACCEPT + " " + quote(String.join(", ", accept)) + " does not match "
                    + quote(expected));
        }
        List<String> selected = headers.tokens(SEC_WEBSOCKET_PROTOCOL);
        error = Negotiation.subprotocolError(subprotocols, selected);
        List<ExtensionOffer> extensions;
        try {
            extensions = ExtensionHeader.parse(headers.all(SEC_WEBSOCKET_EXTENSIONS));
        } catch (ExtensionSyntaxException e) {
            throw new HandshakeException(status, "malformed " + SEC_WEBSOCKET_EXTENSIONS + " header: "
                    + e.getMessage());
        }
        if (error == null) {
            error = Negotiation.extensionError(extensionOffers, extensions);
        }
        if (error != null) {
            throw new HandshakeException(status, error);
        }
        return new HandshakeResponse(response, selected.isEmpty() ? null : selected.get(0), extensions);
    }

    /**
     * Collects the options of a {@link ClientHandshake}.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private final URI uri;
        private final boolean secure;
        private final int port;
        private String origin;
        private String key;
        private List<String> subprotocols = List.of();
        private List<ExtensionOffer> extensionOffers = List.of();
        private final HttpHeaders.Builder extra = HttpHeaders.builder();

        private Builder(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            switch (scheme) {
                case "ws", "http" -> secure = false;
                case "wss", "https" -> secure = true;
                default -> throw new IllegalArgumentException("not a ws:// or wss:// URI: " + uri);
            }
            if (uri.getHost() == null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("a WebSocket URI needs a host and no fragment: " + uri);
            }
            this.uri = URI.create(uri.toASCIIString());
            this.port = uri.getPort() >= 0 ? uri.getPort() : secure ? 443 : 80;
        }

        /**
         * @param origin the {@code Origin} to send (RFC 6455 section 10.2, as browsers do), or null for none
         * @return this builder
         */
        public Builder origin(String origin) {
            this.origin = origin == null ? null : HttpHeaders.of(Http.ORIGIN, origin).value(0);
            return this;
        }

        /**
         * @param subprotocols the subprotocols to request in order of preference: unique tokens (RFC 6455 section 4.1)
         * @return this builder
         * @throws IllegalArgumentException when one is not a token or appears twice
         */
        public Builder subprotocols(List<String> subprotocols) {
            Set<String> seen = new HashSet<>();
            for (String subprotocol : subprotocols) {
                if (!HttpHeaders.isToken(subprotocol) || !seen.add(subprotocol)) {
                    throw new IllegalArgumentException("invalid or repeated subprotocol " + quote(subprotocol));
                }
            }
            this.subprotocols = List.copyOf(subprotocols);
            return this;
        }

        /**
         * @param offers the extensions to offer in order of preference (RFC 6455 section 9.1)
         * @return this builder
         */
        public Builder extensionOffers(List<ExtensionOffer> offers) {
            this.extensionOffers = List.copyOf(offers);
            return this;
        }

        /**
         * Adds a header to the request, such as {@code Authorization}, {@code Cookie} or {@code User-Agent}.
         *
         * @param name a token, not one of the headers the handshake writes itself ({@code Host}, {@code Upgrade},
         *     {@code Connection}, {@code Origin} and the {@code Sec-WebSocket-*} headers)
         * @param value a valid header value
         * @return this builder
         * @throws IllegalArgumentException when the name is reserved or invalid or the value is invalid
         */
        public Builder header(String name, String value) {
            Http.checkExtra(HttpHeaders.of(name, value), RESERVED);
            extra.add(name, value);
            return this;
        }

        /**
         * @param key the {@code Sec-WebSocket-Key} to send instead of a fresh random one, for tests: 16 bytes in
         *     base64
         * @return this builder
         * @throws IllegalArgumentException when the key is not 16 base64-encoded bytes
         */
        public Builder key(String key) {
            if (!SecWebSocketAccept.isValidKey(key)) {
                throw new IllegalArgumentException("not 16 base64-encoded bytes: " + quote(key));
            }
            this.key = key;
            return this;
        }

        /** @return the handshake, with a fresh {@link SecWebSocketAccept#newKey() random key} unless one was set */
        public ClientHandshake build() {
            return new ClientHandshake(this, key != null ? key : SecWebSocketAccept.newKey());
        }
    }
}
