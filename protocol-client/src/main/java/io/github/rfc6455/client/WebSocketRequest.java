package io.github.rfc6455.client;

import io.github.rfc6455.core.extension.ExtensionOffer;
import io.github.rfc6455.core.handshake.ClientHandshake;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link WebSocket} asks for in its opening handshake (RFC 6455 section 4.1), Qt's {@code QNetworkRequest}
 * with {@code QWebSocketHandshakeOptions}: the URL, the requested subprotocols, the {@code Origin} and extra headers
 * such as {@code Authorization}, {@code Cookie} or {@code User-Agent}.
 *
 * <p>Immutable and thread-safe; its {@link Builder} is not thread-safe.
 */
public final class WebSocketRequest {
    /** The sample nonce of RFC 6455 section 1.3, only to check a request without drawing a random key. */
    private static final String VALIDATION_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    private final URI url;
    private final List<String> subprotocols;
    private final String origin;
    private final List<String> headers;

    private WebSocketRequest(Builder b) {
        this.url = b.url;
        this.subprotocols = List.copyOf(b.subprotocols);
        this.origin = b.origin;
        this.headers = List.copyOf(b.headers);
        // Validates everything now, so that open() cannot fail on a bad request later (a fixed key: no randomness).
        builder(List.of()).key(VALIDATION_KEY).build();
    }

    /**
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @return a builder
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL (RFC 6455 section 3)
     */
    public static Builder builder(String url) {
        return new Builder(Urls.parse(url));
    }

    /**
     * @param url a {@code ws://} or {@code wss://} URL; without a scheme, {@code ws://} is assumed
     * @return a builder
     * @throws IllegalArgumentException when the URL is not a valid WebSocket URL (RFC 6455 section 3)
     */
    public static Builder builder(URI url) {
        return new Builder(Urls.normalize(url));
    }

    /**
     * @param url a {@code ws://} or {@code wss://} URL
     * @return a request for the URL without subprotocols, origin or extra headers
     */
    public static WebSocketRequest of(String url) {
        return builder(url).build();
    }

    /** @return the URL, with {@code ws://} added when it had no scheme */
    public URI url() {
        return url;
    }

    /** @return the requested subprotocols in order of preference, possibly empty */
    public List<String> subprotocols() {
        return subprotocols;
    }

    /** @return the {@code Origin} header, or null for none */
    public String origin() {
        return origin;
    }

    /** @return the extra headers as alternating names and values */
    public List<String> headers() {
        return headers;
    }

    /** @return a builder starting from this request */
    public Builder toBuilder() {
        Builder b = new Builder(url);
        b.subprotocols = subprotocols;
        b.origin = origin;
        b.headers.addAll(headers);
        return b;
    }

    /** @return this request for another URL */
    WebSocketRequest withUrl(URI other) {
        Builder b = toBuilder();
        b.url = other;
        return b.build();
    }

    /** @return this request with other subprotocols */
    WebSocketRequest withSubprotocols(List<String> requested) {
        return toBuilder().subprotocols(requested).build();
    }

    /**
     * @param extensionOffers the extensions to offer
     * @return the handshake for a connection attempt, with a fresh key
     */
    ClientHandshake handshake(List<ExtensionOffer> extensionOffers) {
        return builder(extensionOffers).build();
    }

    private ClientHandshake.Builder builder(List<ExtensionOffer> extensionOffers) {
        ClientHandshake.Builder b = ClientHandshake.builder(url).subprotocols(subprotocols).origin(origin)
                .extensionOffers(extensionOffers);
        for (int i = 0; i < headers.size(); i += 2) {
            b.header(headers.get(i), headers.get(i + 1));
        }
        return b;
    }

    @Override
    public String toString() {
        return "WebSocketRequest[" + url + (subprotocols.isEmpty() ? "" : ", subprotocols " + subprotocols) + "]";
    }

    /** Collects a {@link WebSocketRequest}. Not thread-safe. */
    public static final class Builder {
        private URI url;
        private List<String> subprotocols = List.of();
        private String origin;
        private final List<String> headers = new ArrayList<>();

        private Builder(URI url) {
            this.url = url;
        }

        /**
         * @param requested the subprotocols to request in order of preference: unique tokens (RFC 6455 section 4.1)
         * @return this
         */
        public Builder subprotocols(List<String> requested) {
            this.subprotocols = List.copyOf(requested);
            return this;
        }

        /**
         * @param requested the subprotocols to request in order of preference
         * @return this
         */
        public Builder subprotocols(String... requested) {
            return subprotocols(List.of(requested));
        }

        /**
         * @param value the {@code Origin} to send (RFC 6455 section 10.2), or null for none
         * @return this
         */
        public Builder origin(String value) {
            this.origin = value;
            return this;
        }

        /**
         * Adds a header such as {@code Authorization}, {@code Cookie} or {@code User-Agent}. The headers the handshake
         * writes itself ({@code Host}, {@code Upgrade}, {@code Connection}, {@code Origin}, {@code Sec-WebSocket-*})
         * cannot be added.
         *
         * @param name the header name, a token
         * @param value the header value
         * @return this
         */
        public Builder header(String name, String value) {
            headers.add(Objects.requireNonNull(name, "name"));
            headers.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException when a subprotocol, the origin or a header is invalid or reserved
         */
        public WebSocketRequest build() {
            return new WebSocketRequest(this);
        }
    }
}
