package io.github.rfc6455.core.extension;

import static io.github.rfc6455.core.extension.Deflates.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The test decoder that checks window sizes must itself be able to fail: it reads valid streams, including the
 * examples of RFC 7692 section 7.2.3, and rejects a stream whose back-references reach beyond its window.
 */
class DeflateInspectorTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    /** A 32 KiB-window compression of {@code data} with a sync flush, its {@code 00 00 FF FF} removed. */
    private static byte[] jdkCompress(byte[] data) {
        Deflater deflater = new Deflater(6, true);
        try {
            deflater.setInput(data);
            byte[] out = new byte[data.length + data.length / 8 + 64];
            int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
            return Arrays.copyOf(out, n - 4);
        } finally {
            deflater.end();
        }
    }

    @Test
    void readsTheExamplesOfRfc7692() {
        DeflateInspector inspector = new DeflateInspector(15);
        assertArrayEquals(HELLO, inspector.inflateMessage(hex("f2 48 cd c9 c9 07 00"))); // 7.2.3.1
        assertArrayEquals(HELLO, inspector.inflateMessage(hex("f2 00 11 00 00")));       // 7.2.3.2, shared window
        assertArrayEquals(HELLO, new DeflateInspector(15).inflateMessage(hex("00 05 00 fa ff 48 65 6c 6c 6f 00")));
        assertArrayEquals(HELLO, new DeflateInspector(15)
                .inflateMessage(hex("f2 48 05 00 00 00 ff ff ca c9 c9 07 00")));        // 7.2.3.5
    }

    @Test
    void readsA32KiBWindowStreamWithA32KiBWindow() {
        byte[] data = Deflates.longRepeats(100_000, 1);
        DeflateInspector inspector = new DeflateInspector(15);
        assertArrayEquals(data, inspector.inflateMessage(jdkCompress(data)));
        assertTrue(inspector.maxDistance() > 4096, "long repeats should give long distances: "
                + inspector.maxDistance());
    }

    @Test
    void rejectsA32KiBWindowStreamWithASmallerWindow() {
        byte[] compressed = jdkCompress(Deflates.longRepeats(100_000, 1));
        for (int bits = 8; bits <= 12; bits++) {
            DeflateInspector small = new DeflateInspector(bits);
            DeflateInspector.DeflateViolation violation = assertThrows(DeflateInspector.DeflateViolation.class,
                    () -> small.inflateMessage(compressed), "window bits " + bits);
            assertTrue(violation.getMessage().contains("exceeds the " + (1 << bits) + "-byte window"),
                    violation.getMessage());
        }
    }

    @Test
    void rejectsAReferenceToAContextItDoesNotHave() {
        DeflateInspector inspector = new DeflateInspector(15);
        inspector.inflateMessage(hex("f2 48 cd c9 c9 07 00"));
        inspector.reset();
        assertThrows(DeflateInspector.DeflateViolation.class, () -> inspector.inflateMessage(hex("f2 00 11 00 00")));
    }

    @Test
    void rejectsInvalidData() {
        assertThrows(DeflateInspector.DeflateViolation.class,
                () -> new DeflateInspector(15).inflateMessage(hex("07 ff ff")));          // block type 3
        assertThrows(DeflateInspector.DeflateViolation.class,
                () -> new DeflateInspector(15).inflateMessage(hex("f3 48 cd c9 c9 07 00"))); // BFINAL
    }
}
