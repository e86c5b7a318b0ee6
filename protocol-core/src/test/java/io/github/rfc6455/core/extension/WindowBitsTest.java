package io.github.rfc6455.core.extension;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every {@code server_max_window_bits} and {@code client_max_window_bits} from 8 to 15 (RFC 7692 section 7.1.2),
 * what this side sends inflates with a decoder restricted to the negotiated window: the {@link DeflateInspector},
 * which rejects any longer distance, and jzlib with a {@code 2^bits} window. Both decoders keep their history across
 * messages, as a peer with context takeover does.
 */
class WindowBitsTest {
    /** Messages with repeats near and far, within and across messages, compressible and not. */
    private static final List<byte[]> MESSAGES = List.of(
            Deflates.longRepeats(100_000, 11), Deflates.json(50_000, 12), Deflates.random(5_000, 13),
            Deflates.longRepeats(100_000, 11), Deflates.json(300, 14), Deflates.longRepeats(3_000, 15),
            new byte[0], Deflates.json(70_000, 12));

    static IntStream windowBits() {
        return IntStream.rangeClosed(8, 15);
    }

    @ParameterizedTest(name = "server_max_window_bits={0}")
    @MethodSource("windowBits")
    void serverStaysInsideTheWindowTheClientRequests(int bits) {
        ExtensionNegotiator.Accepted accepted = Deflates.serverAccepts(PerMessageDeflate.defaults(),
                "permessage-deflate; client_max_window_bits; server_max_window_bits=" + bits);
        assertEquals("permessage-deflate; server_max_window_bits=" + bits, accepted.response().toString());
        checkSender(accepted.extension(), bits);
    }

    @ParameterizedTest(name = "client_max_window_bits={0}")
    @MethodSource("windowBits")
    void clientStaysInsideTheWindowTheServerRequests(int bits) throws ExtensionNegotiationException {
        PerMessageDeflate server = PerMessageDeflate.builder().clientMaxWindowBits(bits).build();
        ExtensionNegotiator.Accepted accepted = server.accept(PerMessageDeflate.defaults().offers());
        assertEquals(bits == 15 ? "permessage-deflate" : "permessage-deflate; client_max_window_bits=" + bits,
                accepted.response().toString());
        checkSender(PerMessageDeflate.defaults().acceptResponse(accepted.response()), bits);
    }

    @ParameterizedTest(name = "client_max_window_bits={0} offered by the client")
    @MethodSource("windowBits")
    void clientStaysInsideTheWindowItOffers(int bits) throws ExtensionNegotiationException {
        PerMessageDeflate client = PerMessageDeflate.builder().clientMaxWindowBits(bits).build();
        ExtensionNegotiator.Accepted accepted = PerMessageDeflate.defaults().accept(client.offers());
        checkSender(client.acceptResponse(accepted.response()), bits);
    }

    private static void checkSender(MessageExtension sender, int bits) {
        DeflateInspector inspector = new DeflateInspector(bits);
        JzlibInflater jzlib = new JzlibInflater(bits);
        try {
            for (byte[] message : MESSAGES) {
                byte[] payload = Deflates.encode(sender, message);
                assertArrayEquals(message, inspector.inflateMessage(payload), "inspector, window bits " + bits);
                assertArrayEquals(message, jzlib.inflateMessage(payload, message.length), "jzlib, window bits " + bits);
            }
        } finally {
            jzlib.end();
            sender.close();
        }
        assertTrue(inspector.maxDistance() < 1 << bits, "distance " + inspector.maxDistance() + " for " + bits);
        if (bits == 8) {
            assertTrue(inspector.maxDistance() < 256, "zlib widens 8 to 9 bits; we must not");
        }
        if (bits == 15) {
            assertTrue(inspector.maxDistance() > 1 << 14, "the full 32 KiB window should be used: "
                    + inspector.maxDistance());
        } else {
            assertTrue(inspector.maxDistance() > 1 << (bits - 2), "the window should be used, not avoided: "
                    + inspector.maxDistance());
        }
    }

    /** The checks above can fail: both reference decoders catch a stream made with a 32 KiB window. */
    @Test
    void referenceDecodersCatchAWindowTooLarge() {
        byte[] message = Deflates.longRepeats(100_000, 11);
        Deflater deflater = new Deflater(6, true);
        deflater.setInput(message);
        byte[] out = new byte[message.length * 2];
        int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        byte[] payload = Arrays.copyOf(out, n - 4);
        for (int bits = 8; bits <= 14; bits++) {
            int b = bits;
            assertThrows(DeflateInspector.DeflateViolation.class,
                    () -> new DeflateInspector(b).inflateMessage(payload));
            JzlibInflater jzlib = new JzlibInflater(bits);
            byte[] inflated;
            try {
                inflated = jzlib.inflateMessage(payload, message.length);
            } catch (AssertionError | RuntimeException e) {
                inflated = null; // failing outright is as good as inflating the wrong bytes
            } finally {
                jzlib.end();
            }
            assertFalse(Arrays.equals(message, inflated), "jzlib with " + bits + " bits read the message right");
        }
        assertArrayEquals(message, new JzlibInflater(15).inflateMessage(payload, message.length));
    }
}
