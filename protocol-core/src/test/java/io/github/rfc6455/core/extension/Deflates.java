package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/** Shared helpers of the permessage-deflate tests: negotiation shortcuts, sample data, a collecting sink. */
final class Deflates {
    private Deflates() {
    }

    /** @return the element parsed from a header value such as {@code permessage-deflate; client_max_window_bits} */
    static ExtensionOffer element(String headerValue) {
        try {
            List<ExtensionOffer> elements = ExtensionHeader.parse(List.of(headerValue));
            assertEquals(1, elements.size(), headerValue);
            return elements.get(0);
        } catch (ExtensionSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the elements parsed from a header value */
    static List<ExtensionOffer> elements(String headerValue) {
        try {
            return ExtensionHeader.parse(List.of(headerValue));
        } catch (ExtensionSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** @return the server side's acceptance of a client's offers, which must not be declined */
    static ExtensionNegotiator.Accepted serverAccepts(PerMessageDeflate server, String offerHeader) {
        ExtensionNegotiator.Accepted accepted = server.accept(elements(offerHeader));
        assertNotNull(accepted, "declined: " + offerHeader);
        return accepted;
    }

    /** A connected pair of extensions negotiated by a client and a server configuration. */
    record Pair(DeflateExtension client, DeflateExtension server, ExtensionOffer response) {
        void close() {
            client.close();
            server.close();
        }
    }

    /** @return the client and server extensions the two configurations negotiate */
    static Pair negotiate(PerMessageDeflate client, PerMessageDeflate server) {
        ExtensionNegotiator.Accepted accepted = server.accept(client.offers());
        assertNotNull(accepted, "server declined " + client.offers());
        try {
            return new Pair((DeflateExtension) client.acceptResponse(accepted.response()),
                    (DeflateExtension) accepted.extension(), accepted.response());
        } catch (ExtensionNegotiationException e) {
            throw new AssertionError("client refused " + accepted.response(), e);
        }
    }

    /**
     * @return the compressed payload of a message, copied out of the scratch buffer: always compressed, even where
     *     the extension would send the message as it is because compressing does not make it smaller
     */
    static byte[] encode(MessageExtension extension, byte[] message) {
        ByteBuffer encoded = ((DeflateExtension) extension).deflater().encode(ByteBuffer.wrap(message));
        byte[] copy = new byte[encoded.remaining()];
        encoded.get(copy);
        return copy;
    }

    /**
     * Decodes one message given in chunks of {@code chunkSize} bytes.
     *
     * @return the sink, holding the output and the result
     */
    static CollectingSink decode(MessageExtension extension, byte[] payload, int chunkSize) {
        return decode(extension, payload, chunkSize, Long.MAX_VALUE);
    }

    /** As {@link #decode(MessageExtension, byte[], int)} with a sink that answers 1009 beyond {@code limit} bytes. */
    static CollectingSink decode(MessageExtension extension, byte[] payload, int chunkSize, long limit) {
        CollectingSink sink = new CollectingSink(limit);
        int offset = 0;
        do {
            int n = Math.min(chunkSize, payload.length - offset);
            ByteBuffer chunk = ByteBuffer.wrap(payload, offset, n);
            offset += n;
            boolean end = offset == payload.length;
            sink.code = extension.decode(chunk, end, sink);
            assertEquals(0, chunk.remaining(), "decode must consume its chunk");
            if (sink.code != 0) {
                break;
            }
        } while (offset < payload.length);
        return sink;
    }

    /** @return the bytes of a hex string such as {@code "f2 48 cd"} */
    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** @return {@code size} bytes of JSON-like chat/API traffic (fixed seed): compressible as real traffic is */
    static byte[] json(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
        String[] events = {"joined", "left", "message", "typing", "reaction", "edited"};
        StringBuilder text = new StringBuilder(size + 200);
        while (text.length() < size) {
            text.append("{\"id\":").append(random.nextInt(1_000_000))
                    .append(",\"room\":\"general\",\"user\":{\"name\":\"").append(names[random.nextInt(names.length)])
                    .append("\",\"online\":").append(random.nextBoolean())
                    .append("},\"event\":\"").append(events[random.nextInt(events.length)])
                    .append("\",\"ts\":").append(1_700_000_000_000L + random.nextInt(1_000_000_000))
                    .append(",\"text\":\"").append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                    .append("\"}\n");
        }
        text.setLength(size);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @return {@code size} bytes made of 700-byte random-letter phrases picked again and again from a set of 48: the
     *     repeats lie up to tens of KiB apart, so a compressor with a 32 KiB window uses long back-references that a
     *     smaller window must not
     */
    static byte[] longRepeats(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[][] phrases = new byte[48][700];
        for (byte[] phrase : phrases) {
            for (int i = 0; i < phrase.length; i++) {
                phrase[i] = (byte) ('a' + random.nextInt(26));
            }
        }
        byte[] out = new byte[size];
        for (int p = 0; p < size; p += 700) {
            byte[] phrase = phrases[random.nextInt(phrases.length)];
            System.arraycopy(phrase, 0, out, p, Math.min(700, size - p));
        }
        return out;
    }

    /** @return {@code size} random bytes (incompressible) */
    static byte[] random(int size, long seed) {
        byte[] out = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            out[i] = (byte) random.nextInt(256);
        }
        return out;
    }

    /** A sink that keeps what it receives and checks the decoder's side of the contract. */
    static final class CollectingSink implements MessageExtension.DecodedSink {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final long limit;
        int calls;
        int largestStep;
        int ends;
        long received;
        int code = -1;

        CollectingSink(long limit) {
            this.limit = limit;
        }

        @Override
        public int accept(ByteBuffer decoded, boolean endOfMessage) {
            calls++;
            int n = decoded.remaining();
            largestStep = Math.max(largestStep, n);
            received += n;
            if (received > limit) {
                return 1009;
            }
            byte[] copy = new byte[n];
            decoded.get(copy);
            bytes.writeBytes(copy);
            if (endOfMessage) {
                ends++;
            }
            return 0;
        }

        /** @return the decoded message, after checking that it ended exactly once */
        byte[] message() {
            assertEquals(0, code, "decode result");
            assertEquals(1, ends, "sink calls with endOfMessage");
            return bytes.toByteArray();
        }
    }
}
