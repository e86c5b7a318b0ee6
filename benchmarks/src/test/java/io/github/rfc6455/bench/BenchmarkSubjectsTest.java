package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks that every implementation measured by the benchmarks really does the work one operation claims (parses,
 * unmasks, encodes, compresses the right bytes), checked against an independent reference reading of the wire format.
 */
class BenchmarkSubjectsTest {
    private static final String[] IMPLS = {"rfc6455", "jetty", "netty", "javawebsocket"};
    private static final int[] SIZES = {0, 16, 125, 126, 1024, 65535, 65536};

    static Stream<Arguments> implAndSize() {
        return Stream.of(IMPLS).flatMap(impl -> java.util.Arrays.stream(SIZES).mapToObj(s -> Arguments.of(impl, s)));
    }

    static Stream<Arguments> implSizeAndMasking() {
        return implAndSize().flatMap(a -> Stream.of(true, false).map(m -> Arguments.of(a.get()[0], a.get()[1], m)));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 16, 125, 126, 1024, 65535, 65536})
    void corpusHoldsMaskedBinaryFramesOfThePlainPayloadWithDistinctKeys(int size) {
        FrameCorpus corpus = FrameCorpus.maskedBinary(size);
        byte[] wire = corpus.wireCopy();
        assertEquals(corpus.frames() * corpus.frameLength(), wire.length);
        assertTrue(corpus.frames() >= FrameCorpus.MIN_FRAMES);
        Set<ByteBuffer> keys = new HashSet<>();
        for (int i = 0; i < corpus.frames(); i++) {
            byte[] one = java.util.Arrays.copyOfRange(wire, i * corpus.frameLength(), (i + 1) * corpus.frameLength());
            ReferenceFrame frame = ReferenceFrame.parseExactly(one);
            assertTrue(frame.fin());
            assertTrue(frame.masked());
            assertEquals(0x2, frame.opcode());
            assertArrayEquals(corpus.plainPayload(), frame.payload());
            keys.add(ByteBuffer.wrap(frame.maskKey()));
        }
        assertTrue(keys.size() > corpus.frames() / 2, "mask keys should vary from frame to frame");
    }

    @ParameterizedTest(name = "{0} decodes {1}-byte frames")
    @MethodSource("implAndSize")
    void everyDecoderHandsOnEveryUnmaskedPayloadAndWrapsAround(String impl, int size) throws Exception {
        FrameCorpus corpus = FrameCorpus.maskedBinary(size);
        RecordingSink sink = new RecordingSink();
        FrameDecoding decoding = FrameDecoding.create(impl, corpus, sink);
        byte[] plain = corpus.plainPayload();
        for (int i = 0; i < corpus.frames(); i++) {
            decoding.decodeNext();
            assertArrayEquals(plain, sink.take(), impl + " frame " + i);
        }
        // the second pass sees unmasked bytes again for the in-place decoders; only the framing must hold up
        for (int i = 0; i < 3; i++) {
            decoding.decodeNext();
            assertEquals(size, sink.take().length, impl + " frame after wrap-around");
        }
    }

    @ParameterizedTest(name = "{0} encodes {1}-byte frames, masked={2}")
    @MethodSource("implSizeAndMasking")
    void everyEncoderWritesOneWholeFrameOfThePayload(String impl, int size, boolean masked) throws Exception {
        byte[] payload = FrameEncodeBenchmark.payload(size);
        RecordingSink sink = new RecordingSink();
        FrameEncoding encoding = FrameEncoding.create(impl, payload.clone(), masked, sink);
        Set<ByteBuffer> keys = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            encoding.encodeNext();
            ReferenceFrame frame = ReferenceFrame.parseExactly(sink.take());
            assertTrue(frame.fin());
            assertEquals(0, frame.rsv());
            assertEquals(0x2, frame.opcode());
            assertEquals(masked, frame.masked());
            assertArrayEquals(payload, frame.payload(), impl + " message " + i);
            keys.add(ByteBuffer.wrap(frame.maskKey()));
        }
        if (masked) {
            assertTrue(keys.size() > 1, impl + " should draw a new masking key per frame");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 125, 1024, 65536})
    void rfc6455EncodingGathersOnlyLargeUnmaskedPayloads(int size) throws Exception {
        RecordingSink sink = new RecordingSink();
        FrameEncoding.create("rfc6455", FrameEncodeBenchmark.payload(size), false, sink).encodeNext();
        assertEquals(size > Rfc6455FrameEncoding.GATHER_THRESHOLD ? 2 : 1, sink.chunks.size());
    }

    @ParameterizedTest
    @ValueSource(ints = {16, 125, 1024, 65536})
    void maskBenchmarkUnmasksInPlaceAndArraycopyCopies(int size) {
        byte[] original = FrameEncodeBenchmark.payload(size);
        for (String buffer : new String[] {"heap", "direct"}) {
            MaskBenchmark mask = maskBenchmark("rfc6455", size, buffer);
            ByteBuffer once = mask.unmask().duplicate();
            for (int i = 0; i < size; i++) {
                byte key = (byte) (0x5A_C3_96_0F >>> (24 - 8 * (i % 4)));
                assertEquals((byte) (original[i] ^ key), once.get(i), buffer + " byte " + i);
            }
            ByteBuffer twice = mask.unmask();
            assertEquals(ByteBuffer.wrap(original), twice.duplicate().clear().limit(size), buffer);

            MaskBenchmark copy = maskBenchmark("arraycopy", size, buffer);
            assertEquals(ByteBuffer.wrap(original), copy.unmask().duplicate().clear().limit(size), buffer);
        }
    }

    @Test
    void maskBenchmarkRejectsUnknownParameters() {
        assertThrows(IllegalArgumentException.class, () -> maskBenchmark("simd", 16, "heap"));
        assertThrows(IllegalArgumentException.class, () -> maskBenchmark("rfc6455", 16, "mapped"));
    }

    private static MaskBenchmark maskBenchmark(String impl, int size, String buffer) {
        MaskBenchmark mask = new MaskBenchmark();
        mask.impl = impl;
        mask.payloadSize = size;
        mask.buffer = buffer;
        mask.setUp();
        return mask;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ascii", "mixed"})
    void utf8TextsAreExactly64KiBOfValidUtf8(String kind) throws CharacterCodingException {
        byte[] text = Utf8ValidateBenchmark.text(kind);
        assertEquals(Utf8ValidateBenchmark.TEXT_BYTES, text.length);
        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(text));
        long multiByte = countNonAscii(text);
        if (kind.equals("ascii")) {
            assertEquals(0, multiByte);
        } else {
            assertTrue(multiByte > text.length / 4, "mixed text should be rich in multi-byte sequences");
        }
    }

    private static long countNonAscii(byte[] text) {
        long n = 0;
        for (byte b : text) {
            if (b < 0) {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rfc6455", "jdk"})
    void utf8BenchmarkAcceptsItsTextsAndRejectsACorruptedOne(String impl) {
        for (String kind : new String[] {"ascii", "mixed"}) {
            Utf8ValidateBenchmark benchmark = new Utf8ValidateBenchmark();
            benchmark.impl = impl;
            benchmark.text = kind;
            benchmark.setUp();
            assertTrue(benchmark.validate(), impl + " " + kind);
            assertTrue(benchmark.validate(), impl + " " + kind + " again (state reset between operations)");
            benchmark.bytes.put(Utf8ValidateBenchmark.TEXT_BYTES / 2, (byte) 0xC0);
            assertFalse(benchmark.validate(), impl + " " + kind + " with an invalid byte");
        }
    }

    static Stream<Arguments> deflateImplAndSize() {
        return Stream.of("rfc6455", "netty")
                .flatMap(impl -> Stream.of(0, 31, 125, 1024, 65536, 300_000).map(s -> Arguments.of(impl, s)));
    }

    @ParameterizedTest(name = "{0} deflate round trip of {1} bytes")
    @MethodSource("deflateImplAndSize")
    void deflateRoundTripGivesBackTheMessageEveryTime(String impl, int size) throws Exception {
        byte[] message = DeflateBenchmark.message(size);
        RecordingSink sink = new RecordingSink();
        DeflateRoundTrip roundTrip = DeflateRoundTrip.create(impl, message, sink);
        for (int i = 0; i < 3; i++) {
            roundTrip.roundTrip();
            assertArrayEquals(message, sink.take(), "message " + i);
        }
    }

    @Test
    void deflateMessageIsCompressibleAsciiOfTheRequestedLength() {
        byte[] message = DeflateBenchmark.message(65536);
        assertEquals(65536, message.length);
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(message);
        deflater.finish();
        byte[] out = new byte[message.length];
        int compressed = deflater.deflate(out);
        deflater.end();
        assertTrue(compressed < message.length / 2, "compressed to " + compressed);
        assertNotEquals(0, compressed);
    }

    @Test
    void unknownImplementationsAreRejected() {
        RecordingSink sink = new RecordingSink();
        assertThrows(IllegalArgumentException.class,
                () -> FrameDecoding.create("tyrus", FrameCorpus.maskedBinary(16), sink));
        assertThrows(IllegalArgumentException.class, () -> FrameEncoding.create("tyrus", new byte[1], true, sink));
        assertThrows(IllegalArgumentException.class, () -> DeflateRoundTrip.create("tyrus", new byte[1], sink));
    }
}
