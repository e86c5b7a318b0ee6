package io.github.rfc6455.nio;

import java.time.Duration;

/**
 * Transport limits and timers of a connection: outbound queue watermarks (backpressure), timeouts of the opening and
 * closing handshakes, idle timeout and ping keepalive. One configuration is shared by all connections.
 *
 * <p>Immutable and thread-safe.
 *
 * @param readBufferSize size of the read buffer each event loop shares among its connections
 * @param highWatermark queued outbound bytes above which the connection stops reading from its peer
 * @param lowWatermark queued outbound bytes below which it reads again
 * @param maxQueuedBytes queued outbound bytes above which the peer counts as too slow and the connection is closed
 *                       with 1008 (policy violation)
 * @param connectTimeout how long a client waits for TCP to connect
 * @param handshakeTimeout how long the opening handshake (TLS included) may take from TCP connect
 * @param closeTimeout how long to wait for the peer's Close frame, or for the peer to close TCP, before dropping it
 * @param idleTimeout close a connection that received nothing for this long (with 1001); {@link Duration#ZERO} = never
 * @param pingInterval send a ping when nothing was received for this long; {@link Duration#ZERO} = never
 * @param pongTimeout drop a connection that received nothing this long after a keepalive ping (a half-open connection)
 */
public record TransportConfig(int readBufferSize, long highWatermark, long lowWatermark, long maxQueuedBytes,
                              Duration connectTimeout, Duration handshakeTimeout, Duration closeTimeout,
                              Duration idleTimeout, Duration pingInterval, Duration pongTimeout) {

    /** Defaults: 64 KiB reads, watermarks 1 MiB / 256 KiB, 64 MiB hard limit, 10 s handshake, 5 s close, no idle or ping timers. */
    public static final TransportConfig DEFAULT = builder().build();

    /** Validates the values. */
    public TransportConfig {
        if (readBufferSize < 1024) {
            throw new IllegalArgumentException("readBufferSize must be at least 1024: " + readBufferSize);
        }
        if (lowWatermark < 0 || lowWatermark > highWatermark || highWatermark > maxQueuedBytes) {
            throw new IllegalArgumentException("need 0 <= lowWatermark <= highWatermark <= maxQueuedBytes");
        }
        for (Duration d : new Duration[] {connectTimeout, handshakeTimeout, closeTimeout, idleTimeout, pingInterval,
                pongTimeout}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative duration: " + d);
            }
        }
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        return new Builder().readBufferSize(readBufferSize).watermarks(lowWatermark, highWatermark)
                .maxQueuedBytes(maxQueuedBytes).connectTimeout(connectTimeout).handshakeTimeout(handshakeTimeout)
                .closeTimeout(closeTimeout).idleTimeout(idleTimeout).pingInterval(pingInterval)
                .pongTimeout(pongTimeout);
    }

    /** Builds a {@link TransportConfig}. Not thread-safe. */
    public static final class Builder {
        private int readBufferSize = 64 * 1024;
        private long highWatermark = 1024 * 1024;
        private long lowWatermark = 256 * 1024;
        private long maxQueuedBytes = 64L * 1024 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private Duration idleTimeout = Duration.ZERO;
        private Duration pingInterval = Duration.ZERO;
        private Duration pongTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** @param bytes size of each event loop's shared read buffer @return this */
        public Builder readBufferSize(int bytes) {
            this.readBufferSize = bytes;
            return this;
        }

        /**
         * @param low resume reading below this many queued outbound bytes
         * @param high stop reading above this many
         * @return this
         */
        public Builder watermarks(long low, long high) {
            this.lowWatermark = low;
            this.highWatermark = high;
            return this;
        }

        /** @param bytes queued outbound bytes that make a peer too slow (closed with 1008) @return this */
        public Builder maxQueuedBytes(long bytes) {
            this.maxQueuedBytes = bytes;
            return this;
        }

        /** @param timeout TCP connect timeout (clients) @return this */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** @param timeout opening handshake timeout, TLS included @return this */
        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = timeout;
            return this;
        }

        /** @param timeout closing handshake timeout @return this */
        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = timeout;
            return this;
        }

        /** @param timeout idle timeout, {@link Duration#ZERO} for none @return this */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /** @param interval keepalive ping interval, {@link Duration#ZERO} for none @return this */
        public Builder pingInterval(Duration interval) {
            this.pingInterval = interval;
            return this;
        }

        /** @param timeout how long a keepalive ping may go unanswered @return this */
        public Builder pongTimeout(Duration timeout) {
            this.pongTimeout = timeout;
            return this;
        }

        /** @return the configuration */
        public TransportConfig build() {
            return new TransportConfig(readBufferSize, highWatermark, lowWatermark, maxQueuedBytes, connectTimeout,
                    handshakeTimeout, closeTimeout, idleTimeout, pingInterval, pongTimeout);
        }
    }
}
