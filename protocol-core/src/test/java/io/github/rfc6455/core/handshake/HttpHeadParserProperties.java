package io.github.rfc6455.core.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The head parser's result does not depend on how its input is split, and it leaves the following bytes alone. */
class HttpHeadParserProperties {
    /** A generated head: its text and the head the parser must produce from it. */
    record Sample(String text, Object expected, boolean request) {
        HttpHeadParser parser() {
            return request ? HttpHeadParser.forRequest(HeadLimits.DEFAULT) : HttpHeadParser.forResponse(HeadLimits.DEFAULT);
        }

        Object parsed(HttpHeadParser parser) {
            return request ? parser.request() : parser.response();
        }
    }

    @Property
    void everySplitIntoTwoGivesTheSameHead(@ForAll("heads") Sample sample, @ForAll @Size(max = 20) byte[] trailer)
            throws HandshakeException {
        byte[] input = concat(sample.text().getBytes(StandardCharsets.ISO_8859_1), trailer);
        for (int cut = 0; cut <= input.length; cut++) {
            assertParses(sample, input, trailer, List.of(cut, input.length - cut));
        }
    }

    @Property
    void anyChunkingGivesTheSameHead(@ForAll("heads") Sample sample, @ForAll @Size(max = 20) byte[] trailer,
                                     @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 40) Integer> chunks)
            throws HandshakeException {
        assertParses(sample, concat(sample.text().getBytes(StandardCharsets.ISO_8859_1), trailer), trailer, chunks);
    }

    @Property(tries = 200)
    void oneByteChunksGiveTheSameHead(@ForAll("heads") Sample sample, @ForAll @Size(max = 5) byte[] trailer)
            throws HandshakeException {
        assertParses(sample, concat(sample.text().getBytes(StandardCharsets.ISO_8859_1), trailer), trailer,
                List.of(1));
    }

    /**
     * Feeds input in chunks of the given sizes (repeated cyclically), each after an empty read, and checks the head,
     * that the parser stopped just after it and that it released its buffer.
     */
    private static void assertParses(Sample sample, byte[] input, byte[] trailer, List<Integer> chunkSizes)
            throws HandshakeException {
        HttpHeadParser parser = sample.parser();
        int offset = 0;
        boolean done = false;
        for (int i = 0; !done; i++) {
            assertTrue(offset < input.length, "head incomplete after all input");
            assertFalse(parser.parse(ByteBuffer.wrap(input, offset, 0)), "an empty read completes nothing");
            ByteBuffer chunk = ByteBuffer.wrap(input, offset, Math.min(chunkSizes.get(i % chunkSizes.size()),
                    input.length - offset));
            done = parser.parse(chunk);
            assertTrue(done || !chunk.hasRemaining(), "an incomplete head consumes the whole read");
            offset = chunk.position();
        }
        assertEquals(sample.expected(), sample.parsed(parser));
        assertEquals(input.length - trailer.length, offset, "position just after the head");
        assertEquals(0, parser.bufferCapacity());
    }

    @Provide
    Arbitrary<Sample> heads() {
        Arbitrary<List<Tuple.Tuple2<String, String>>> fields = Combinators.combine(tokens(), values())
                .as(Tuple::of).list().ofMaxSize(8);
        Arbitrary<String> eol = Arbitraries.of("\r\n", "\n");
        Arbitrary<Sample> requests = Combinators.combine(tokens(), targets(), Arbitraries.of("HTTP/1.1", "HTTP/1.0"),
                fields, eol).as((method, target, version, f, nl) -> new Sample(
                        method + " " + target + " " + version + nl + lines(f, nl),
                        new HttpRequestHead(method, target, version, headers(f)), true));
        Arbitrary<Sample> responses = Combinators.combine(Arbitraries.integers().between(100, 599),
                Arbitraries.of("Switching Protocols", "OK", "", "Not  Found"), fields, eol)
                .as((status, reason, f, nl) -> new Sample(
                        "HTTP/1.1 " + status + (reason.isEmpty() ? "" : " " + reason) + nl + lines(f, nl),
                        new HttpResponseHead("HTTP/1.1", status, reason, headers(f)), false));
        return Arbitraries.oneOf(requests, responses);
    }

    private static Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars("!#$%&'*+-.^_`|~09azAZ").ofMinLength(1).ofMaxLength(12);
    }

    private static Arbitrary<String> targets() {
        return Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30).map(s -> "/" + s);
    }

    /** Values with inner and surrounding whitespace, obs-text included; the parser must trim the ends. */
    private static Arbitrary<String> values() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00a0', '\u00ff').withChars('\t')
                .ofMaxLength(40);
    }

    private static String lines(List<Tuple.Tuple2<String, String>> fields, String nl) {
        StringBuilder sb = new StringBuilder();
        for (Tuple.Tuple2<String, String> field : fields) {
            sb.append(field.get1()).append(':').append(field.get2()).append(nl);
        }
        return sb.append(nl).toString();
    }

    private static HttpHeaders headers(List<Tuple.Tuple2<String, String>> fields) {
        HttpHeaders.Builder builder = HttpHeaders.builder();
        fields.forEach(field -> builder.add(field.get1(), field.get2()));
        return builder.build();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
