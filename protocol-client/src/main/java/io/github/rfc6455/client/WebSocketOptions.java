package io.github.rfc6455.client;

import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.extension.PerMessageDeflate;
import io.github.rfc6455.nio.EventLoopGroup;
import io.github.rfc6455.nio.TransportConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link WebSocket} connects: limits (Qt's {@code maxAllowedIncomingFrameSize},
 * {@code maxAllowedIncomingMessageSize}, {@code outgoingFrameSize}), frame-level events, permessage-deflate (RFC 7692,
 * offered by default), the TCP connect, opening and closing handshake timeouts, TLS (a custom {@link SSLContext};
 * hostname verification is on unless {@link Builder#insecureSkipHostnameVerification()} turns it off), an HTTP CONNECT
 * proxy, the reconnect policy (off by default) and the event loops (by default one thread shared by all clients).
 *
 * <p>Immutable and thread-safe; one options object may be shared by any number of sockets. Its {@link Builder} is not
 * thread-safe.
 */
public final class WebSocketOptions {
    /** The defaults: 16 MiB frames and messages, permessage-deflate offered, 10 s / 10 s / 5 s timeouts. */
    public static final WebSocketOptions DEFAULT = builder().build();

    private final WebSocketConfig engineConfig;
    private final TransportConfig transportConfig;
    private final SSLContext sslContext;
    private final boolean verifyHostname;
    private final HttpProxy proxy;
    private final ReconnectPolicy reconnectPolicy;
    private final EventLoopGroup eventLoops;

    private WebSocketOptions(Builder b) {
        this.engineConfig = WebSocketConfig.builder()
                .maxFramePayload(b.maxFrameSize)
                .maxMessageSize(b.maxMessageSize)
                .outgoingFrameSize(b.outgoingFrameSize)
                .deliverFragments(b.frameEvents)
                .extensions(b.extensions)
                .build();
        this.transportConfig = TransportConfig.builder()
                .connectTimeout(b.connectTimeout)
                .handshakeTimeout(b.handshakeTimeout)
                .closeTimeout(b.closeTimeout)
                .build();
        this.sslContext = b.sslContext;
        this.verifyHostname = b.verifyHostname;
        this.proxy = b.proxy;
        this.reconnectPolicy = b.reconnectPolicy;
        this.eventLoops = b.eventLoops;
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFrameSize = engineConfig.maxFramePayload();
        b.maxMessageSize = engineConfig.maxMessageSize();
        b.outgoingFrameSize = engineConfig.outgoingFrameSize();
        b.frameEvents = engineConfig.deliverFragments();
        b.extensions = engineConfig.extensions();
        b.connectTimeout = transportConfig.connectTimeout();
        b.handshakeTimeout = transportConfig.handshakeTimeout();
        b.closeTimeout = transportConfig.closeTimeout();
        b.sslContext = sslContext;
        b.verifyHostname = verifyHostname;
        b.proxy = proxy;
        b.reconnectPolicy = reconnectPolicy;
        b.eventLoops = eventLoops;
        return b;
    }

    /** @return the largest frame payload accepted; a larger frame fails the connection with 1009 */
    public long maxAllowedIncomingFrameSize() {
        return engineConfig.maxFramePayload();
    }

    /** @return the largest message accepted (after decompression); a larger one fails the connection with 1009 */
    public long maxAllowedIncomingMessageSize() {
        return engineConfig.maxMessageSize();
    }

    /** @return the largest payload of a frame this client sends; longer messages are fragmented */
    public int outgoingFrameSize() {
        return engineConfig.outgoingFrameSize();
    }

    /** @return true when messages are also reported piece by piece ({@link WebSocketListener#onTextFrameReceived}) */
    public boolean frameEvents() {
        return engineConfig.deliverFragments();
    }

    /** @return the extensions offered, in preference order (by default permessage-deflate) */
    public List<ExtensionNegotiator> extensions() {
        return engineConfig.extensions();
    }

    /** @return how long TCP may take to connect */
    public Duration connectTimeout() {
        return transportConfig.connectTimeout();
    }

    /** @return how long the opening handshake (proxy, TLS and HTTP upgrade) may take once TCP is connected */
    public Duration handshakeTimeout() {
        return transportConfig.handshakeTimeout();
    }

    /** @return how long to wait for the closing handshake and for the server to close TCP (RFC 6455 section 7) */
    public Duration closeTimeout() {
        return transportConfig.closeTimeout();
    }

    /** @return the TLS context for {@code wss}, or null for the JDK's default context */
    public SSLContext sslContext() {
        return sslContext;
    }

    /** @return true (the default) when a {@code wss} server's certificate must match the host name of the URL */
    public boolean verifyHostname() {
        return verifyHostname;
    }

    /** @return the HTTP proxy to tunnel through, or null to connect directly */
    public HttpProxy proxy() {
        return proxy;
    }

    /** @return the reconnect policy, or null when the socket does not reconnect (the default) */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    /** @return the event loops the socket runs on, or null for the shared client loop */
    public EventLoopGroup eventLoops() {
        return eventLoops;
    }

    WebSocketConfig engineConfig() {
        return engineConfig;
    }

    TransportConfig transportConfig() {
        return transportConfig;
    }

    /** Collects {@link WebSocketOptions}. Not thread-safe. */
    public static final class Builder {
        private long maxFrameSize = WebSocketConfig.DEFAULT_MAX_MESSAGE_SIZE;
        private long maxMessageSize = WebSocketConfig.DEFAULT_MAX_MESSAGE_SIZE;
        private int outgoingFrameSize = Integer.MAX_VALUE;
        private boolean frameEvents;
        private List<ExtensionNegotiator> extensions = List.of(PerMessageDeflate.defaults());
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private SSLContext sslContext;
        private boolean verifyHostname = true;
        private HttpProxy proxy;
        private ReconnectPolicy reconnectPolicy;
        private EventLoopGroup eventLoops;

        private Builder() {
        }

        /**
         * Qt's {@code setMaxAllowedIncomingFrameSize}: RFC 6455 section 10.4 asks for a limit on frame sizes.
         *
         * @param bytes the largest frame payload accepted (at least 125); default 16 MiB
         * @return this
         */
        public Builder maxAllowedIncomingFrameSize(long bytes) {
            this.maxFrameSize = bytes;
            return this;
        }

        /**
         * Qt's {@code setMaxAllowedIncomingMessageSize}: RFC 6455 section 10.4 asks for a limit on message sizes.
         *
         * @param bytes the largest message accepted, counted after decompression; default 16 MiB
         * @return this
         */
        public Builder maxAllowedIncomingMessageSize(long bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Qt's {@code setOutgoingFrameSize}: messages longer than this are sent as several frames (RFC 6455 section
         * 5.4).
         *
         * @param bytes the largest payload of a frame this client sends; default unlimited (one frame per message)
         * @return this
         */
        public Builder outgoingFrameSize(int bytes) {
            this.outgoingFrameSize = bytes;
            return this;
        }

        /**
         * Turns on frame-level receive events, Qt's {@code textFrameReceived} and {@code binaryFrameReceived}: every
         * piece of a message is reported as it arrives, and the whole message is still reported at its end.
         *
         * @param on true to report pieces of messages
         * @return this
         */
        public Builder frameEvents(boolean on) {
            this.frameEvents = on;
            return this;
        }

        /**
         * @param on true (the default) to offer permessage-deflate (RFC 7692) with the default parameters, false to
         *           offer no extension
         * @return this
         */
        public Builder perMessageDeflate(boolean on) {
            this.extensions = on ? List.of(PerMessageDeflate.defaults()) : List.of();
            return this;
        }

        /**
         * @param deflate the permessage-deflate parameters to offer (RFC 7692 section 7.1)
         * @return this
         */
        public Builder perMessageDeflate(PerMessageDeflate deflate) {
            this.extensions = List.of(Objects.requireNonNull(deflate, "deflate"));
            return this;
        }

        /**
         * @param timeout how long TCP may take to connect; default 10 s
         * @return this
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout how long the opening handshake (proxy, TLS, HTTP upgrade; RFC 6455 section 4) may take once TCP
         *                is connected; default 10 s
         * @return this
         */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * @param timeout how long to wait for the server's Close frame, and then for the server to close TCP, before
         *                the client closes TCP itself (RFC 6455 section 7.1.1); default 5 s
         * @return this
         */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Qt's {@code setSslConfiguration}: the trust (and, for client certificates, key) material for {@code wss}.
         *
         * @param context the context to create TLS engines from, or null for {@link SSLContext#getDefault()}
         * @return this
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /**
         * Accepts a {@code wss} server's certificate even when it was issued for another host name (the chain must
         * still be trusted). This removes the protection against a man in the middle that holds any certificate of a
         * trusted CA; use it only for tests or hosts without a proper name.
         *
         * @return this
         */
        public Builder insecureSkipHostnameVerification() {
            this.verifyHostname = false;
            return this;
        }

        /**
         * Qt's {@code setProxy}: tunnels every connection through an HTTP proxy with {@code CONNECT}.
         *
         * @param httpProxy the proxy, or null to connect directly
         * @return this
         */
        public Builder proxy(HttpProxy httpProxy) {
            this.proxy = httpProxy;
            return this;
        }

        /**
         * @param policy how to reconnect after a lost connection, or null never to reconnect (the default)
         * @return this
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnectPolicy = policy;
            return this;
        }

        /**
         * @param group the event loops sockets run on, or null for the shared client loop (one daemon thread, started
         *              on first use)
         * @return this
         */
        public Builder eventLoops(EventLoopGroup group) {
            this.eventLoops = group;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException when a limit or timeout is out of range
         */
        public WebSocketOptions build() {
            return new WebSocketOptions(this);
        }
    }
}
