package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.handler.codec.http.websocketx.extensions.WebSocketClientExtension;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateClientExtensionHandshaker;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Round trips of permessage-deflate messages over every combination of the four parameters, context takeover on and
 * off, window sizes 8 to 15, and message, fragment and chunk sizes, in both directions: against Netty's
 * implementation as client and as server, and between our client and our server. Every message this side sends is
 * also inflated by the {@link DeflateInspector} restricted to the negotiated window, with the history it may use
 * (kept across messages only when this side negotiated context takeover).
 *
 * <p>Netty's limits shape the Netty cases: it cannot compress with an 8-bit window (its JZlib deflater accepts 9 to
 * 15), so it sends with 9 to 15 while we send with 8 to 15; it truncates incompressible data it compresses with a
 * window below 15 (see {@code exchange}); and it fails a message whose first frame inflates to nothing yet.
 */
class PerMessageDeflateRoundTripProperties {

    enum Kind { JSON, LONG_REPEATS, RANDOM, ZEROS }

    /** A message to send: its kind, size and seed (so that shrinking gives small readable cases). */
    record Message(Kind kind, int size, long seed, boolean text) {
        byte[] bytes() {
            return switch (kind) {
                case JSON -> Deflates.json(size, seed);
                case LONG_REPEATS -> Deflates.longRepeats(size, seed);
                case RANDOM -> Deflates.random(size, seed);
                case ZEROS -> new byte[size];
            };
        }

        /** @return frames (or chunks) of at most this size, but never more than about 200 per message */
        int fragment(int fragmentSize) {
            return Math.max(fragmentSize, size / 200 + 1);
        }
    }

    @Provide
    Arbitrary<List<Message>> messages() {
        Arbitrary<Integer> sizes = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 300)),
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(300, 20_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(20_000, 100_000)));
        Arbitrary<Message> message = Combinators.combine(Arbitraries.of(Kind.class), sizes, Arbitraries.longs(),
                Arbitraries.of(true, false)).as(Message::new);
        return message.list().ofMinSize(1).ofMaxSize(6);
    }

    // ------------------------------------------------------------------------------------------------ Netty client

    @Property(tries = 120)
    void ourServerAndNettyClient(@ForAll boolean serverNoContext, @ForAll boolean clientNoContext,
                                 @ForAll @IntRange(min = 8, max = 15) int serverBits,
                                 @ForAll @IntRange(min = 9, max = 15) int preferredClientBits, // JZlib: 9-15
                                 @ForAll("messages") List<Message> messages,
                                 @ForAll @IntRange(min = 1, max = 70_000) int fragmentSize) {
        PerMessageDeflateClientExtensionHandshaker netty = new PerMessageDeflateClientExtensionHandshaker(6, true,
                serverBits, clientNoContext, serverNoContext, 0);
        PerMessageDeflate ours = PerMessageDeflate.builder().clientMaxWindowBits(preferredClientBits)
                .compressionThreshold(0).build();
        ExtensionNegotiator.Accepted accepted = ours.accept(List.of(NettyPeer.fromNetty(netty.newRequestData())));
        assertNotNull(accepted, "declined Netty's offer " + netty.newRequestData().parameters());
        WebSocketClientExtension nettyExtension = netty.handshakeExtension(NettyPeer.toNetty(accepted.response()));
        assertNotNull(nettyExtension, "Netty refused our response " + accepted.response());

        DeflateParameters response = parseResponse(accepted.response());
        DeflateExtension server = (DeflateExtension) accepted.extension();
        checkContextPromise(server, response.serverNoContextTakeover());
        exchange(server, new NettyPeer(nettyExtension),
                DeflateParameters.effectiveWindowBits(response.serverMaxWindowBits()),
                DeflateParameters.effectiveWindowBits(response.clientMaxWindowBits()), messages, fragmentSize);
    }

    // ------------------------------------------------------------------------------------------------ Netty server

    @Property(tries = 120)
    void ourClientAndNettyServer(@ForAll boolean serverNoContext, @ForAll boolean clientNoContext,
                                 @ForAll @IntRange(min = 9, max = 15) int serverBits, // JZlib: 9-15
                                 @ForAll @IntRange(min = 8, max = 15) int clientBits,
                                 @ForAll @IntRange(min = 8, max = 15) int nettyClientBits,
                                 @ForAll boolean nettyClientNoContext,
                                 @ForAll("messages") List<Message> messages,
                                 @ForAll @IntRange(min = 1, max = 70_000) int fragmentSize)
            throws ExtensionNegotiationException {
        PerMessageDeflate ours = PerMessageDeflate.builder().serverNoContextTakeover(serverNoContext)
                .clientNoContextTakeover(clientNoContext).serverMaxWindowBits(serverBits)
                .clientMaxWindowBits(clientBits).compressionThreshold(0).build();
        PerMessageDeflateServerExtensionHandshaker netty = new PerMessageDeflateServerExtensionHandshaker(6, true,
                nettyClientBits, true, nettyClientNoContext, 0);
        WebSocketServerExtension nettyExtension = netty.handshakeExtension(NettyPeer.toNetty(ours.offers().get(0)));
        assertNotNull(nettyExtension, "Netty declined " + ours.offers().get(0));
        ExtensionOffer response = NettyPeer.fromNetty(nettyExtension.newReponseData());
        DeflateParameters answer = parseResponse(response);
        if (clientBits < 15 && answer.clientMaxWindowBits() > clientBits) {
            // A larger client window than offered is invalid (RFC 7692 section 7.1.2.2).
            assertThrows(ExtensionNegotiationException.class, () -> ours.acceptResponse(response));
            return;
        }
        DeflateExtension client = (DeflateExtension) ours.acceptResponse(response);
        checkContextPromise(client, answer.clientNoContextTakeover() || clientNoContext);
        int window = answer.clientMaxWindowBits() != DeflateParameters.ABSENT ? answer.clientMaxWindowBits()
                : clientBits;
        exchange(client, new NettyPeer(nettyExtension), window,
                DeflateParameters.effectiveWindowBits(answer.serverMaxWindowBits()), messages, fragmentSize);
    }

    // ------------------------------------------------------------------------------------------------ ours to ours

    @Property(tries = 150)
    void ourClientAndOurServer(@ForAll boolean clientAsksServerNoContext, @ForAll boolean clientOffersNoContext,
                               @ForAll @IntRange(min = 8, max = 15) int clientAsksServerBits,
                               @ForAll @IntRange(min = 8, max = 15) int clientOffersBits,
                               @ForAll boolean serverNoContext, @ForAll boolean serverAsksClientNoContext,
                               @ForAll @IntRange(min = 8, max = 15) int serverBits,
                               @ForAll @IntRange(min = 8, max = 15) int serverAsksClientBits,
                               @ForAll("messages") List<Message> messages,
                               @ForAll @IntRange(min = 1, max = 70_000) int fragmentSize) {
        PerMessageDeflate clientConfig = PerMessageDeflate.builder().serverNoContextTakeover(clientAsksServerNoContext)
                .clientNoContextTakeover(clientOffersNoContext).serverMaxWindowBits(clientAsksServerBits)
                .clientMaxWindowBits(clientOffersBits).compressionThreshold(0).build();
        PerMessageDeflate serverConfig = PerMessageDeflate.builder().serverNoContextTakeover(serverNoContext)
                .clientNoContextTakeover(serverAsksClientNoContext).serverMaxWindowBits(serverBits)
                .clientMaxWindowBits(serverAsksClientBits).compressionThreshold(0).build();
        Deflates.Pair pair = Deflates.negotiate(clientConfig, serverConfig);
        DeflateParameters response = parseResponse(pair.response());
        assertTrue(response.serverNoContextTakeover() == (clientAsksServerNoContext || serverNoContext));
        assertTrue(response.clientNoContextTakeover() == (clientOffersNoContext || serverAsksClientNoContext));
        int serverWindow = DeflateParameters.effectiveWindowBits(response.serverMaxWindowBits());
        int clientWindow = response.clientMaxWindowBits() != DeflateParameters.ABSENT
                ? response.clientMaxWindowBits() : clientOffersBits;
        assertTrue(serverWindow <= Math.min(clientAsksServerBits, serverBits));
        assertTrue(clientWindow <= Math.min(clientOffersBits, serverAsksClientBits));
        checkContextPromise(pair.server(), response.serverNoContextTakeover());
        checkContextPromise(pair.client(), response.clientNoContextTakeover());

        DeflateInspector clientSees = new DeflateInspector(serverWindow);
        DeflateInspector serverSees = new DeflateInspector(clientWindow);
        try {
            for (Message message : messages) {
                byte[] bytes = message.bytes();
                int fragment = message.fragment(fragmentSize);
                send(pair.server(), pair.client(), clientSees, bytes, fragment);
                send(pair.client(), pair.server(), serverSees, bytes, fragment);
            }
        } finally {
            pair.close();
        }
    }

    private static void send(DeflateExtension from, DeflateExtension to, DeflateInspector inspector, byte[] message,
                             int chunk) {
        byte[] payload = Deflates.encode(from, message);
        inspect(from, inspector, payload, message);
        assertArrayEquals(message, Deflates.decode(to, payload, chunk).message());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * Sends every message from our side to Netty and from Netty to ours.
     *
     * @param ourWindow the window our side may use
     * @param nettyWindow the window Netty's side uses
     */
    private static void exchange(DeflateExtension ours, NettyPeer netty, int ourWindow, int nettyWindow,
                                 List<Message> messages, int fragmentSize) {
        DeflateInspector inspector = new DeflateInspector(ourWindow);
        Inflater reference = new Inflater(true);
        try {
            for (Message message : messages) {
                byte[] bytes = message.bytes();
                int fragment = message.fragment(fragmentSize);
                byte[] ourPayload = Deflates.encode(ours, bytes);
                inspect(ours, inspector, ourPayload, bytes);
                // Netty fails a message whose first frame inflates to nothing yet (a frame boundary inside the
                // first block's Huffman tables), so its first frame carries at least the first block.
                assertArrayEquals(bytes, netty.inflate(ourPayload, message.text(), Math.max(fragment, 1024)),
                        "Netty inflating ours");
                byte[] nettyPayload = netty.compress(bytes, message.text(), fragment);
                if (!ours.inflater().keepsContext()) {
                    reference.reset();
                }
                byte[] expected = referenceInflate(reference, nettyPayload);
                Deflates.CollectingSink ourResult = Deflates.decode(ours, nettyPayload, fragment);
                boolean nettyMayTruncate = nettyWindow < 15 && message.kind() == Kind.RANDOM;
                if (expected == null) {
                    assertEquals(1007, ourResult.code, "a plain inflater rejects Netty's bytes, and so must we");
                    assertTrue(nettyMayTruncate, "Netty's bytes are invalid for " + message);
                    break;
                }
                assertArrayEquals(expected, ourResult.message(), "inflating Netty's bytes as a plain inflater does");
                if (!Arrays.equals(bytes, expected)) {
                    // Netty's JZlib encoder (windows below 15) sizes its output as input * 1.001 + 12 bytes, which
                    // incompressible data can exceed: it then sends a truncated stream (its own decoder reads it the
                    // same way), after which the connection's context is lost. Nothing else may differ.
                    assertTrue(nettyMayTruncate, "Netty's bytes differ from " + message);
                    break;
                }
            }
        } finally {
            reference.end();
            ours.close();
            netty.close();
        }
    }

    /**
     * A plain JDK inflate of a payload with 00 00 FF FF appended, keeping the inflater's context.
     *
     * @return the output, or null when the data is invalid
     */
    private static byte[] referenceInflate(Inflater inflater, byte[] payload) {
        byte[] in = Arrays.copyOf(payload, payload.length + 4);
        in[payload.length + 2] = (byte) 0xFF;
        in[payload.length + 3] = (byte) 0xFF;
        inflater.setInput(in);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                int n = inflater.inflate(buffer);
                out.write(buffer, 0, n);
                if (n == 0 && (inflater.needsInput() || inflater.finished())) {
                    return out.toByteArray();
                }
            }
        } catch (DataFormatException e) {
            return null;
        }
    }

    /** Inflates our payload with the window and the history the peer has. */
    private static void inspect(DeflateExtension sender, DeflateInspector inspector, byte[] payload, byte[] message) {
        if (!sender.deflater().keepsContext()) {
            inspector.reset();
        }
        assertArrayEquals(message, inspector.inflateMessage(payload), "window-restricted inflate");
    }

    /** A side that negotiated no context takeover must not keep its deflater's context. */
    private static void checkContextPromise(DeflateExtension side, boolean noContextTakeover) {
        if (noContextTakeover) {
            assertFalse(side.deflater().keepsContext(), side.toString());
        }
    }

    private static DeflateParameters parseResponse(ExtensionOffer response) {
        try {
            return DeflateParameters.parse(response, true);
        } catch (ExtensionNegotiationException e) {
            throw new AssertionError(Arrays.toString(new Object[] {response, e.getMessage()}), e);
        }
    }
}
