package io.github.rfc6455.core.extension;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code permessage-deflate} extension (RFC 7692): its negotiation for a client and for a server, and the
 * compression of messages on each connection that agreed to it. Put it in
 * {@code WebSocketConfig.Builder.extensions(List.of(PerMessageDeflate.defaults()))} on either side.
 *
 * <p><b>Client.</b> {@link #offers()} is {@code permessage-deflate; client_max_window_bits} by default: the client
 * accepts any window limit the server asks of it (section 7.1.2.2). Options add
 * {@code client_no_context_takeover}, {@code client_max_window_bits=N} (this side promises a smaller window),
 * {@code server_no_context_takeover} and {@code server_max_window_bits=N} (requests of the server); when the offer
 * requests something of the server, a second offer without those requests follows as a fallback for servers that
 * decline them. {@link #acceptResponse} fails the connection (section 7) on a response with an unknown, repeated or
 * malformed parameter, a window size outside 8 to 15, {@code client_max_window_bits} that was not offered or is larger
 * than offered, or a response that matches none of the offers ({@code server_max_window_bits} missing or larger than
 * requested, {@code server_no_context_takeover} missing though requested). {@code server_no_context_takeover},
 * {@code client_no_context_takeover} and {@code server_max_window_bits} that were not requested are accepted
 * (sections 7.1.1.1, 7.1.1.2 and 7.1.2.1).
 *
 * <p><b>Server.</b> {@link #accept} takes the first offer whose parameters are valid and declines those before it
 * (section 7: unknown, repeated or invalid parameters); every valid offer can be honoured, so the others are
 * declined. The response grants what the offer requests ({@code server_no_context_takeover},
 * {@code server_max_window_bits=N} or smaller), echoes {@code client_no_context_takeover} when the client offers it
 * (the client resets anyway; the server then needs no inflater between messages), and adds this configuration's own
 * requests.
 *
 * <p><b>Window sizes are honoured.</b> When the negotiated window of this side is 2^N bytes with N below 15, messages
 * are compressed in blocks of 2^N bytes with a full flush between them, so no back-reference reaches further than
 * 2^N - 1 bytes, and every message starts from a reset context; see {@code MessageDeflater}. Received messages are
 * inflated with a 32 KiB window, which reads every smaller one.
 *
 * <p><b>Messages.</b> Data messages of at least {@link Builder#compressionThreshold(int) the threshold} are compressed
 * (RSV1 on the first frame, the trailing {@code 00 00 FF FF} removed, section 7.2.1); smaller ones are sent as they
 * are, which section 6 allows. Control frames are never compressed. Inbound messages are inflated in steps of at most
 * 16 KiB, so the message size limit applies to the inflated size without holding more than the limit; invalid
 * DEFLATE data fails the connection with 1007.
 *
 * <p><b>Memory per connection.</b> Heap: about 100 bytes while no zlib stream is held, about 370 bytes with both held
 * (measured). zlib's memory is native:
 * <ul>
 *   <li>sending with context takeover and a 32 KiB window (the default): one deflater of about 256 KiB, created at
 *       the first compressed message and kept until the connection closes;</li>
 *   <li>sending with {@code *_no_context_takeover} for this side, or a window below 15 bits: none between messages;
 *       a deflater is borrowed from a shared pool for the duration of one message;</li>
 *   <li>receiving from a peer with context takeover (the default): one inflater of about 40 KiB, created at the first
 *       compressed message and kept until the connection closes;</li>
 *   <li>receiving from a peer with no context takeover: none between messages; an inflater is borrowed from the pool
 *       until the message's last frame.</li>
 * </ul>
 * (zlib touches the pages of its buffers as it fills them: after one 1 KB message each way a connection with context
 * takeover both ways had grown by about 100 KiB of resident memory.) A server that holds many idle connections and
 * prefers memory to compression ratio sets
 * {@link Builder#serverNoContextTakeover(boolean) serverNoContextTakeover} and
 * {@link Builder#clientNoContextTakeover(boolean) clientNoContextTakeover}: its connections then hold no zlib memory
 * between messages. The shared pools keep at most {@code 2 x cores} (at most 64) idle streams of each kind.
 *
 * <p>Immutable and thread-safe: one instance serves all connections; each negotiation creates that connection's
 * {@link MessageExtension}, whose receiving and sending halves are independent (see {@link MessageExtension}).
 */
public final class PerMessageDeflate implements ExtensionNegotiator {
    /** The extension token, {@value}. */
    public static final String NAME = DeflateParameters.NAME;
    /** The default compression level, zlib's 6. */
    public static final int DEFAULT_COMPRESSION_LEVEL = 6;
    /** The default threshold: messages shorter than this many bytes are sent uncompressed. */
    public static final int DEFAULT_COMPRESSION_THRESHOLD = 32;

    private static final System.Logger LOG = System.getLogger(PerMessageDeflate.class.getName());
    private static final PerMessageDeflate DEFAULTS = builder().build();

    private final int compressionLevel;
    private final int compressionThreshold;
    private final boolean serverNoContextTakeover;
    private final boolean clientNoContextTakeover;
    private final int serverMaxWindowBits;
    private final int clientMaxWindowBits;
    private final List<DeflateParameters> offered;
    private final List<ExtensionOffer> offers;

    private PerMessageDeflate(Builder b) {
        this.compressionLevel = b.compressionLevel;
        this.compressionThreshold = b.compressionThreshold;
        this.serverNoContextTakeover = b.serverNoContextTakeover;
        this.clientNoContextTakeover = b.clientNoContextTakeover;
        this.serverMaxWindowBits = b.serverMaxWindowBits;
        this.clientMaxWindowBits = b.clientMaxWindowBits;
        int offeredClientBits = clientMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS ? clientMaxWindowBits
                : DeflateParameters.NO_VALUE;
        DeflateParameters primary = new DeflateParameters(serverNoContextTakeover, clientNoContextTakeover,
                serverMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS ? serverMaxWindowBits
                        : DeflateParameters.ABSENT, offeredClientBits);
        List<DeflateParameters> list = new ArrayList<>(2);
        list.add(primary);
        if (primary.serverNoContextTakeover() || primary.serverMaxWindowBits() != DeflateParameters.ABSENT) {
            list.add(new DeflateParameters(false, clientNoContextTakeover, DeflateParameters.ABSENT,
                    offeredClientBits));
        }
        this.offered = List.copyOf(list);
        List<ExtensionOffer> elements = new ArrayList<>(2);
        for (DeflateParameters parameters : offered) {
            elements.add(parameters.toOffer());
        }
        this.offers = List.copyOf(elements);
    }

    /**
     * The configuration both the server and the client use unless told otherwise: level 6, messages of 32 bytes and
     * more compressed, context takeover and 32 KiB windows both ways unless the peer asks otherwise, and the client
     * offer {@code permessage-deflate; client_max_window_bits}.
     *
     * @return the shared default instance
     */
    public static PerMessageDeflate defaults() {
        return DEFAULTS;
    }

    /** @return a builder starting from {@link #defaults()} */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder starting from this configuration */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.compressionLevel = compressionLevel;
        b.compressionThreshold = compressionThreshold;
        b.serverNoContextTakeover = serverNoContextTakeover;
        b.clientNoContextTakeover = clientNoContextTakeover;
        b.serverMaxWindowBits = serverMaxWindowBits;
        b.clientMaxWindowBits = clientMaxWindowBits;
        return b;
    }

    /** @return {@value #NAME} */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * @return the client's offers in preference order (RFC 7692 section 7.1): one, or two when the first requests
     *     {@code server_no_context_takeover} or {@code server_max_window_bits} and the second is the fallback without
     */
    @Override
    public List<ExtensionOffer> offers() {
        return offers;
    }

    /**
     * Server side: accepts the first valid offer (RFC 7692 section 7) and declines the others.
     *
     * @param clientOffers the client's {@code permessage-deflate} offers in its preference order
     * @return the response element and the connection's extension, or null when no offer is valid
     */
    @Override
    public Accepted accept(List<ExtensionOffer> clientOffers) {
        for (ExtensionOffer element : clientOffers) {
            DeflateParameters offer;
            try {
                offer = DeflateParameters.parse(element, false);
            } catch (ExtensionNegotiationException e) {
                LOG.log(System.Logger.Level.DEBUG, "declining the offer \"{0}\": {1}", element, e.getMessage());
                continue;
            }
            DeflateParameters response = respond(offer);
            MessageExtension extension = extension(
                    DeflateParameters.effectiveWindowBits(response.serverMaxWindowBits()),
                    response.serverNoContextTakeover(), response.clientNoContextTakeover());
            return new Accepted(response.toOffer(), extension);
        }
        return null;
    }

    /**
     * Client side: checks the server's response against the offers (RFC 7692 section 7).
     *
     * @param response the server's {@code permessage-deflate} element
     * @return the connection's extension with the negotiated parameters
     * @throws ExtensionNegotiationException naming what makes the response invalid; the client must fail the
     *         connection
     */
    @Override
    public MessageExtension acceptResponse(ExtensionOffer response) throws ExtensionNegotiationException {
        if (!NAME.equalsIgnoreCase(response.name())) {
            throw new ExtensionNegotiationException("not a " + NAME + " response: " + response.name());
        }
        DeflateParameters answer = DeflateParameters.parse(response, true);
        String firstProblem = null;
        for (DeflateParameters offer : offered) {
            String problem = offer.problemWithResponse(answer);
            if (problem == null) {
                int windowBits = answer.clientMaxWindowBits() != DeflateParameters.ABSENT
                        ? answer.clientMaxWindowBits()
                        : DeflateParameters.effectiveWindowBits(offer.clientMaxWindowBits());
                return extension(windowBits, answer.clientNoContextTakeover() || offer.clientNoContextTakeover(),
                        answer.serverNoContextTakeover());
            }
            if (firstProblem == null) {
                firstProblem = problem;
            }
        }
        throw new ExtensionNegotiationException(firstProblem);
    }

    /** The server's answer to a valid offer. */
    private DeflateParameters respond(DeflateParameters offer) {
        int serverBits = offer.serverMaxWindowBits() != DeflateParameters.ABSENT
                ? Math.min(offer.serverMaxWindowBits(), serverMaxWindowBits)
                : serverMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS ? serverMaxWindowBits
                : DeflateParameters.ABSENT;
        int clientBits = offer.clientMaxWindowBits() != DeflateParameters.ABSENT
                && clientMaxWindowBits < DeflateParameters.MAX_WINDOW_BITS
                ? Math.min(clientMaxWindowBits, DeflateParameters.effectiveWindowBits(offer.clientMaxWindowBits()))
                : DeflateParameters.ABSENT;
        return new DeflateParameters(offer.serverNoContextTakeover() || serverNoContextTakeover,
                offer.clientNoContextTakeover() || clientNoContextTakeover, serverBits, clientBits);
    }

    private MessageExtension extension(int sendWindowBits, boolean sendNoContext, boolean receiveNoContext) {
        return new DeflateExtension(new MessageDeflater(compressionLevel, sendWindowBits, sendNoContext),
                new MessageInflater(receiveNoContext), compressionThreshold);
    }

    /** @return the configuration, for example {@code PerMessageDeflate[level 6, threshold 32, offers ...]} */
    @Override
    public String toString() {
        return "PerMessageDeflate[level " + compressionLevel + ", threshold " + compressionThreshold
                + ", server_no_context_takeover " + serverNoContextTakeover + ", client_no_context_takeover "
                + clientNoContextTakeover + ", server_max_window_bits " + serverMaxWindowBits
                + ", client_max_window_bits " + clientMaxWindowBits + "]";
    }

    /**
     * Configures a {@link PerMessageDeflate}. Each window and context option names an RFC 7692 parameter and means,
     * for a client, what it offers, and for a server, what it adds to every response.
     *
     * <p>Not thread-safe.
     */
    public static final class Builder {
        private int compressionLevel = DEFAULT_COMPRESSION_LEVEL;
        private int compressionThreshold = DEFAULT_COMPRESSION_THRESHOLD;
        private boolean serverNoContextTakeover;
        private boolean clientNoContextTakeover;
        private int serverMaxWindowBits = DeflateParameters.MAX_WINDOW_BITS;
        private int clientMaxWindowBits = DeflateParameters.MAX_WINDOW_BITS;

        private Builder() {
        }

        /**
         * @param level the zlib compression level: 0 (stored, no compression) to 9 (smallest); default 6
         * @return this builder
         * @throws IllegalArgumentException when outside 0 to 9
         */
        public Builder compressionLevel(int level) {
            if (level < 0 || level > 9) {
                throw new IllegalArgumentException("compression level must be 0 to 9: " + level);
            }
            this.compressionLevel = level;
            return this;
        }

        /**
         * @param bytes the smallest message compressed; shorter ones are sent uncompressed, as RFC 7692 section 6
         *              allows (compressing a few bytes costs more than it saves); default 32, 0 compresses all
         * @return this builder
         * @throws IllegalArgumentException when negative
         */
        public Builder compressionThreshold(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("compression threshold must not be negative: " + bytes);
            }
            this.compressionThreshold = bytes;
            return this;
        }

        /**
         * {@code server_no_context_takeover} (RFC 7692 section 7.1.1.1): the server resets its compression context
         * for every message. A client requests it (its inflater then holds nothing between messages); a server
         * includes it in every response (its deflater then holds nothing between messages). Default false.
         *
         * @param on whether to request (client) or announce (server) it
         * @return this builder
         */
        public Builder serverNoContextTakeover(boolean on) {
            this.serverNoContextTakeover = on;
            return this;
        }

        /**
         * {@code client_no_context_takeover} (RFC 7692 section 7.1.1.2): the client resets its compression context
         * for every message. A client offers it and resets whatever the response says; a server includes it in every
         * response (its inflater then holds nothing between messages). Default false.
         *
         * @param on whether to offer (client) or require (server) it
         * @return this builder
         */
        public Builder clientNoContextTakeover(boolean on) {
            this.clientNoContextTakeover = on;
            return this;
        }

        /**
         * {@code server_max_window_bits} (RFC 7692 section 7.1.2.1): the server's LZ77 window is at most 2^bits
         * bytes. A client below 15 requests it; a server below 15 limits its own window to it (and to less when a
         * client requests less) and says so. Default 15.
         *
         * @param bits 8 to 15
         * @return this builder
         * @throws IllegalArgumentException when outside 8 to 15
         */
        public Builder serverMaxWindowBits(int bits) {
            this.serverMaxWindowBits = checkWindowBits(bits);
            return this;
        }

        /**
         * {@code client_max_window_bits} (RFC 7692 section 7.1.2.2): the client's LZ77 window is at most 2^bits
         * bytes. A client offers {@code client_max_window_bits} without a value at 15 (it accepts any limit the
         * server sets) and with the value below 15 (it promises that limit); a server below 15 asks that limit of
         * clients that offer the parameter. Default 15.
         *
         * @param bits 8 to 15
         * @return this builder
         * @throws IllegalArgumentException when outside 8 to 15
         */
        public Builder clientMaxWindowBits(int bits) {
            this.clientMaxWindowBits = checkWindowBits(bits);
            return this;
        }

        /** @return the configuration */
        public PerMessageDeflate build() {
            return new PerMessageDeflate(this);
        }

        private static int checkWindowBits(int bits) {
            if (bits < DeflateParameters.MIN_WINDOW_BITS || bits > DeflateParameters.MAX_WINDOW_BITS) {
                throw new IllegalArgumentException("window bits must be 8 to 15: " + bits);
            }
            return bits;
        }
    }
}
