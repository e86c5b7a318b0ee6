package io.github.rfc6455.core;

import io.github.rfc6455.core.extension.ExtensionNegotiator;
import io.github.rfc6455.core.handshake.HeadLimits;
import java.util.List;

/**
 * The limits and options of an engine. Every limit has a default and a knob (RFC 6455 section 10.4: "implementations
 * SHOULD impose implementation-specific limits on frame sizes and total message size"). One configuration is shared
 * by all connections of a server or client.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxFramePayload the largest frame payload accepted; a larger frame fails the connection with 1009
 * @param maxMessageSize the largest message accepted, counted after decompression; a larger one fails with 1009
 * @param maxFragmentsPerMessage the most frames one message may have; more fail with 1009 (guards against endless
 *                               empty continuation frames, which no byte limit would stop)
 * @param outgoingFrameSize the largest payload of a frame this side sends; longer messages are fragmented
 * @param deliverFragments true to deliver messages as they arrive, chunk by chunk
 *                         ({@link EngineListener#onFragment}), instead of assembled
 * @param headLimits limits of the opening handshake's HTTP head
 * @param extensions the extensions offered (client) or accepted (server), in preference order
 */
public record WebSocketConfig(long maxFramePayload, long maxMessageSize, int maxFragmentsPerMessage,
                              int outgoingFrameSize, boolean deliverFragments, HeadLimits headLimits,
                              List<ExtensionNegotiator> extensions) {

    /** 16 MiB: the default frame and message limit. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 16L * 1024 * 1024;
    /** The default maximum number of frames in one message. */
    public static final int DEFAULT_MAX_FRAGMENTS = 1 << 20;

    /** The defaults: 16 MiB frames and messages, 2^20 fragments, no outgoing fragmentation, no extensions. */
    public static final WebSocketConfig DEFAULT = builder().build();

    /** Validates the values. */
    public WebSocketConfig {
        if (maxFramePayload < 125) {
            throw new IllegalArgumentException("maxFramePayload must be at least 125: " + maxFramePayload);
        }
        if (maxMessageSize < 0) {
            throw new IllegalArgumentException("maxMessageSize must not be negative: " + maxMessageSize);
        }
        if (maxFragmentsPerMessage < 1) {
            throw new IllegalArgumentException("maxFragmentsPerMessage must be positive: " + maxFragmentsPerMessage);
        }
        if (outgoingFrameSize < 1) {
            throw new IllegalArgumentException("outgoingFrameSize must be positive: " + outgoingFrameSize);
        }
        if (headLimits == null) {
            throw new NullPointerException("headLimits");
        }
        extensions = List.copyOf(extensions);
    }

    /** @return a builder starting from the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxFramePayload = maxFramePayload;
        b.maxMessageSize = maxMessageSize;
        b.maxFragmentsPerMessage = maxFragmentsPerMessage;
        b.outgoingFrameSize = outgoingFrameSize;
        b.deliverFragments = deliverFragments;
        b.headLimits = headLimits;
        b.extensions = extensions;
        return b;
    }

    /** Builds a {@link WebSocketConfig}. Not thread-safe. */
    public static final class Builder {
        private long maxFramePayload = DEFAULT_MAX_MESSAGE_SIZE;
        private long maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private int maxFragmentsPerMessage = DEFAULT_MAX_FRAGMENTS;
        private int outgoingFrameSize = Integer.MAX_VALUE;
        private boolean deliverFragments;
        private HeadLimits headLimits = HeadLimits.DEFAULT;
        private List<ExtensionNegotiator> extensions = List.of();

        private Builder() {
        }

        /** @param bytes largest accepted frame payload @return this */
        public Builder maxFramePayload(long bytes) {
            this.maxFramePayload = bytes;
            return this;
        }

        /** @param bytes largest accepted message, after decompression @return this */
        public Builder maxMessageSize(long bytes) {
            this.maxMessageSize = bytes;
            return this;
        }

        /**
         * Sets both the message and the frame limit, as a single "maximum message size" knob does.
         *
         * @param bytes largest accepted message and frame
         * @return this
         */
        public Builder maxSize(long bytes) {
            this.maxMessageSize = bytes;
            this.maxFramePayload = Math.max(125, bytes);
            return this;
        }

        /** @param count most frames per message @return this */
        public Builder maxFragmentsPerMessage(int count) {
            this.maxFragmentsPerMessage = count;
            return this;
        }

        /** @param bytes largest payload of an outgoing frame @return this */
        public Builder outgoingFrameSize(int bytes) {
            this.outgoingFrameSize = bytes;
            return this;
        }

        /** @param deliver true for chunk-by-chunk delivery @return this */
        public Builder deliverFragments(boolean deliver) {
            this.deliverFragments = deliver;
            return this;
        }

        /** @param limits opening handshake head limits @return this */
        public Builder headLimits(HeadLimits limits) {
            this.headLimits = limits;
            return this;
        }

        /** @param negotiators extensions in preference order @return this */
        public Builder extensions(List<ExtensionNegotiator> negotiators) {
            this.extensions = negotiators;
            return this;
        }

        /** @return the configuration */
        public WebSocketConfig build() {
            return new WebSocketConfig(maxFramePayload, maxMessageSize, maxFragmentsPerMessage, outgoingFrameSize,
                    deliverFragments, headLimits, extensions);
        }
    }
}
