package io.github.rfc6455.core.extension;

import static io.github.rfc6455.core.extension.Deflates.decode;
import static io.github.rfc6455.core.extension.Deflates.encode;
import static io.github.rfc6455.core.extension.Deflates.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compressing and inflating messages: the examples of RFC 7692 section 7.2.3, the strict handling of what follows a
 * final block, invalid data, bounded output steps, and who holds zlib streams between messages.
 */
class PerMessageDeflateCodecTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** A server-side extension for a plain offer (context takeover both ways) or with the given offer. */
    private static DeflateExtension extension(String offer) {
        return (DeflateExtension) Deflates.serverAccepts(PerMessageDeflate.builder().compressionThreshold(0).build(),
                offer).extension();
    }

    private static DeflateExtension plain() {
        return extension("permessage-deflate");
    }

    // ------------------------------------------------------------------------------------------------ RFC 7692 7.2.3

    @ParameterizedTest
    @ValueSource(strings = {
        "f2 48 cd c9 c9 07 00",                          // 7.2.3.1: one compressed block
        "00 05 00 fa ff 48 65 6c 6c 6f 00",              // 7.2.3.3: a stored block
        "f3 48 cd c9 c9 07 00 00",                       // 7.2.3.4: BFINAL set, then the empty block's first byte
        "f3 48 cd c9 c9 07 00",                          // BFINAL with nothing appended
        "f2 48 05 00 00 00 ff ff ca c9 c9 07 00",        // 7.2.3.5: two blocks in one message
    })
    void inflatesTheExamplesOfSection723(String payload) {
        byte[] bytes = hex(payload);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            DeflateExtension extension = plain();
            assertArrayEquals(HELLO, decode(extension, bytes, chunk).message(), payload + " in chunks of " + chunk);
            // The next message decodes too, whatever the first one ended with.
            assertArrayEquals(HELLO, decode(extension, hex("f2 48 cd c9 c9 07 00"), chunk).message());
            extension.close();
        }
    }

    /** RFC 7692 section 7.2.3.1: the same message in two fragments, "f2 48 cd" and "c9 c9 07 00". */
    @Test
    void inflatesAFragmentedMessage() {
        DeflateExtension extension = plain();
        Deflates.CollectingSink sink = new Deflates.CollectingSink(Long.MAX_VALUE);
        assertEquals(0, extension.decode(ByteBuffer.wrap(hex("f2 48 cd")), false, sink));
        assertEquals(0, extension.decode(ByteBuffer.wrap(hex("c9 c9 07 00")), true, sink));
        sink.code = 0;
        assertArrayEquals(HELLO, sink.message());
        extension.close();
    }

    /** RFC 7692 section 7.2.3.2: the second "Hello" refers to the first one ("f2 00 11 00 00"). */
    @Test
    void sharesTheWindowBetweenMessagesWithContextTakeover() {
        DeflateExtension extension = plain();
        assertArrayEquals(HELLO, decode(extension, hex("f2 48 cd c9 c9 07 00"), 100).message());
        assertArrayEquals(HELLO, decode(extension, hex("f2 00 11 00 00"), 100).message());
        extension.close();
    }

    @Test
    void resetsTheWindowWhenThePeerHasNoContextTakeover() {
        DeflateExtension extension = extension("permessage-deflate; client_no_context_takeover");
        assertArrayEquals(HELLO, decode(extension, hex("f2 48 cd c9 c9 07 00"), 100).message());
        assertEquals(1007, decode(extension, hex("f2 00 11 00 00"), 100).code,
                "a reference to the previous message is invalid once the context is reset");
        extension.close();
    }

    @Test
    void compressesHelloAsSection7231Shows() {
        DeflateExtension extension = plain();
        assertArrayEquals(hex("f2 48 cd c9 c9 07 00"), encode(extension, HELLO));
        assertArrayEquals(hex("f2 00 11 00 00"), encode(extension, HELLO), "context takeover (7.2.3.2)");
        extension.close();
    }

    @Test
    void compressesAnEmptyMessageToOneZeroByte() {
        DeflateExtension extension = plain();
        assertArrayEquals(hex("00"), encode(extension, new byte[0]));
        encode(extension, HELLO);
        assertArrayEquals(hex("00"), encode(extension, new byte[0]), "also right after a flush");
        assertArrayEquals(new byte[0], decode(plain(), hex("00"), 1).message());
        extension.close();
    }

    @Test
    void inflatesAnEmptyPayloadAsTheEmptyMessage() {
        DeflateExtension extension = plain();
        assertArrayEquals(new byte[0], decode(extension, new byte[0], 1).message());
        assertArrayEquals(HELLO, decode(extension, hex("f2 48 cd c9 c9 07 00"), 1).message());
        extension.close();
    }

    // ------------------------------------------------------------------------------------------------ strictness

    @ParameterizedTest
    @ValueSource(strings = {
        "f3 48 cd c9 c9 07 00 00 00",                    // two bytes after the final block
        "f3 48 cd c9 c9 07 00 01",                       // a non-zero byte after it
        "f3 48 cd c9 c9 07 00 f2 48 cd c9 c9 07 00",     // another message's worth of blocks after it
        "07 00",                                         // reserved block type 3
        "00 05 00 fb ff 48 65 6c 6c 6f 00",              // stored block length and complement disagree
        "fc ff ff ff ff",                                // invalid Huffman table
    })
    void failsInvalidDataWith1007(String payload) {
        byte[] bytes = hex(payload);
        for (int chunk = 1; chunk <= bytes.length; chunk++) {
            DeflateExtension extension = plain();
            Deflates.CollectingSink sink = decode(extension, bytes, chunk);
            assertEquals(1007, sink.code, payload + " in chunks of " + chunk);
            assertEquals(0, sink.ends);
            extension.close();
            assertFalse(extension.inflater().holdsInflater());
        }
    }

    @Test
    void failsACorruptedRealMessageWith1007() {
        byte[] compressed = encode(plain(), Deflates.json(20_000, 3));
        compressed[compressed.length / 3] ^= 0x55;
        compressed[compressed.length / 2] ^= 0x55;
        Deflates.CollectingSink sink = decode(plain(), compressed, 4096);
        if (sink.code == 0) {
            // A flip may decode to other valid bytes; it must then not be the original.
            assertFalse(Arrays.equals(Deflates.json(20_000, 3), sink.message()));
        } else {
            assertEquals(1007, sink.code);
        }
    }

    // ------------------------------------------------------------------------------------------------ bounds

    @Test
    void handsOnABombInBoundedStepsAndStopsAtTheLimit() {
        byte[] bomb = compressZeros(64L * 1024 * 1024);
        assertTrue(bomb.length < 128 * 1024, "bomb of " + bomb.length + " bytes");
        DeflateExtension extension = plain();
        Deflates.CollectingSink sink = decode(extension, bomb, 1024, 1024 * 1024);
        assertEquals(1009, sink.code);
        assertTrue(sink.largestStep <= MessageInflater.WINDOW, "step of " + sink.largestStep);
        assertTrue(sink.received <= 1024 * 1024 + MessageInflater.WINDOW, "read " + sink.received);
        extension.close();
    }

    @Test
    void inflatesLargeMessagesInWindowSizedSteps() {
        byte[] message = Deflates.json(200_000, 4);
        DeflateExtension extension = plain();
        Deflates.CollectingSink sink = decode(extension, encode(extension, message), 70_000);
        assertArrayEquals(message, sink.message());
        assertEquals(MessageInflater.WINDOW, sink.largestStep);
        extension.close();
    }

    /** @return raw DEFLATE of that many zero bytes, ending with a sync flush whose tail is removed */
    static byte[] compressZeros(long count) {
        Deflater deflater = new Deflater(9, true);
        byte[] zeros = new byte[1 << 20];
        byte[] out = new byte[(int) (count / 500) + 4096];
        int n = 0;
        for (long left = count; left > 0; left -= zeros.length) {
            deflater.setInput(zeros, 0, (int) Math.min(zeros.length, left));
            while (!deflater.needsInput()) {
                n += deflater.deflate(out, n, out.length - n, Deflater.NO_FLUSH);
            }
        }
        n += deflater.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, n - 4);
    }

    // ------------------------------------------------------------------------------------------------ resources

    @Test
    void holdsZlibStreamsBetweenMessagesOnlyWithContextTakeover() {
        DeflateExtension keeping = plain();
        byte[] compressed = encode(keeping, Deflates.json(1000, 5));
        decode(keeping, compressed, 100).message();
        assertTrue(keeping.deflater().holdsDeflater());
        assertTrue(keeping.inflater().holdsInflater());
        keeping.close();
        assertFalse(keeping.deflater().holdsDeflater());
        assertFalse(keeping.inflater().holdsInflater());

        DeflateExtension resetting = extension(
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover");
        compressed = encode(resetting, Deflates.json(1000, 5));
        assertFalse(resetting.deflater().holdsDeflater());
        Deflates.CollectingSink sink = new Deflates.CollectingSink(Long.MAX_VALUE);
        resetting.decode(ByteBuffer.wrap(compressed, 0, 10), false, sink);
        assertTrue(resetting.inflater().holdsInflater(), "borrowed until the end of the message");
        resetting.decode(ByteBuffer.wrap(compressed, 10, compressed.length - 10), true, sink);
        assertFalse(resetting.inflater().holdsInflater());
        resetting.close();
    }

    @Test
    void returnsABorrowedInflaterWhenClosedMidMessage() {
        DeflateExtension extension = extension("permessage-deflate; client_no_context_takeover");
        byte[] compressed = encode(extension, Deflates.json(1000, 6));
        extension.decode(ByteBuffer.wrap(compressed, 0, 10), false, new Deflates.CollectingSink(Long.MAX_VALUE));
        assertTrue(extension.inflater().holdsInflater());
        extension.close();
        assertFalse(extension.inflater().holdsInflater());
        assertThrows(IllegalStateException.class, () -> encode(extension, HELLO));
    }

    @Test
    void survivesBeingClosedFromItsOwnSink() {
        DeflateExtension extension = plain();
        byte[] compressed = encode(extension, Deflates.json(100_000, 7));
        int[] calls = {0};
        int code = extension.decode(ByteBuffer.wrap(compressed), true, (decoded, end) -> {
            calls[0]++;
            extension.close(); // e.g. the application closed the connection from its message callback
            return 0;
        });
        assertEquals(0, code);
        assertEquals(1, calls[0], "no output after close");
        assertFalse(extension.inflater().holdsInflater());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void everyLevelRoundTripsInBothModes(int level) {
        PerMessageDeflate server = PerMessageDeflate.builder().compressionLevel(level).build();
        for (String offer : new String[] {"permessage-deflate", "permessage-deflate; server_max_window_bits=10"}) {
            DeflateExtension sender = (DeflateExtension) Deflates.serverAccepts(server, offer).extension();
            DeflateExtension receiver = plain();
            DeflateInspector inspector = new DeflateInspector(offer.endsWith("10") ? 10 : 15);
            for (byte[] message : List.of(Deflates.json(40_000, level), Deflates.random(3000, level), new byte[0],
                    Deflates.longRepeats(70_000, level))) {
                byte[] payload = encode(sender, message);
                assertArrayEquals(message, decode(receiver, payload, 1000).message(), "level " + level);
                assertArrayEquals(message, inspector.inflateMessage(payload), "level " + level + ", " + offer);
            }
            sender.close();
            receiver.close();
        }
    }

    @Test
    void acceptsReadOnlyAndDirectBuffersBothWays() {
        byte[] message = Deflates.json(50_000, 9);
        for (String offer : new String[] {"permessage-deflate", "permessage-deflate; server_max_window_bits=9"}) {
            DeflateExtension sender = extension(offer);
            DeflateExtension receiver = plain();
            ByteBuffer direct = ByteBuffer.allocateDirect(message.length).put(message).flip();
            for (ByteBuffer input : List.of(ByteBuffer.wrap(message).asReadOnlyBuffer(), direct,
                    direct.duplicate().position(0).asReadOnlyBuffer())) {
                ByteBuffer encoded = sender.encode(input);
                assertEquals(input.limit(), input.position(), "payload consumed");
                ByteBuffer wire = ByteBuffer.allocateDirect(encoded.remaining()).put(encoded).flip();
                Deflates.CollectingSink sink = new Deflates.CollectingSink(Long.MAX_VALUE);
                ByteBuffer first = wire.duplicate().limit(wire.limit() / 2).asReadOnlyBuffer();
                ByteBuffer rest = wire.duplicate().position(wire.limit() / 2);
                assertEquals(0, receiver.decode(first, false, sink));
                sink.code = receiver.decode(rest, true, sink);
                assertArrayEquals(message, sink.message());
            }
            sender.close();
            receiver.close();
        }
    }

    @Test
    void doesNotRetainTheCallersBuffers() {
        DeflateExtension extension = plain();
        byte[] message = Deflates.json(5000, 8);
        ByteBuffer first = extension.encode(ByteBuffer.wrap(message));
        byte[] firstCopy = new byte[first.remaining()];
        first.get(firstCopy);
        Arrays.fill(message, (byte) 'x'); // the caller reuses its buffer
        byte[] second = encode(extension, Deflates.json(5000, 8));
        assertNotEquals(0, second.length);
        DeflateExtension receiver = plain();
        assertArrayEquals(Deflates.json(5000, 8), decode(receiver, firstCopy, 333).message());
        assertArrayEquals(Deflates.json(5000, 8), decode(receiver, second, 333).message());
        extension.close();
        receiver.close();
    }
}
