package io.github.rfc6455.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.rfc6455.core.frame.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The streaming validator agrees with the JDK's strict decoder on arbitrary, UTF-8-biased byte arrays at every split
 * point, and fails at exactly the first byte after which the input can no longer be valid UTF-8.
 */
class Utf8ValidatorProperties {

    /** Pieces of (mostly) UTF-8: valid characters, truncated ones, overlongs, surrogates, out-of-range and junk. */
    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<byte[]> ascii = Arbitraries.integers().between(0, 0x7F).list().ofMinSize(1).ofMaxSize(19)
                .map(Utf8ValidatorProperties::toBytes);
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0x80, 0x7FF)),
                Tuple.of(2, Arbitraries.integers().between(0x800, 0xFFFF).filter(c -> c < 0xD800 || c > 0xDFFF)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10FFFF)),
                Tuple.of(1, Arbitraries.of(0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x10FFFF)));
        Arbitrary<byte[]> valid = codePoints.map(Utf8ValidatorProperties::encode);
        Arbitrary<byte[]> truncated = codePoints.filter(c -> c > 0x7FF).flatMap(c -> {
            byte[] full = encode(c);
            return Arbitraries.integers().between(1, full.length - 1).map(n -> java.util.Arrays.copyOf(full, n));
        });
        Arbitrary<byte[]> malformed = Arbitraries.of(
                "c0 80", "c0 af", "c1 bf", "e0 80 80", "e0 9f bf", "f0 80 80 80", "f0 8f bf bf", // overlong
                "ed a0 80", "ed bf bf", "ed af bf", "ed b0 80",                                  // surrogates
                "f4 90 80 80", "f4 bf bf bf", "f5 80 80 80", "f7 bf bf bf",                      // above U+10FFFF
                "f8 88 80 80 80", "fc 84 80 80 80 80", "fe", "ff",                               // 5/6-byte, F8+
                "80", "bf", "80 80", "c2", "e1 80", "f1 80 80", "c2 c2", "e1 41")
                .map(Hex::bytes);
        Arbitrary<byte[]> anyByte = Arbitraries.integers().between(0, 255).map(b -> new byte[] {(byte) (int) b});
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(
                Tuple.of(4, ascii), Tuple.of(6, valid), Tuple.of(2, truncated), Tuple.of(2, malformed),
                Tuple.of(1, anyByte));
        return piece.list().ofMaxSize(14).map(pieces -> Hex.concat(pieces.toArray(new byte[0][])));
    }

    @Provide
    Arbitrary<byte[]> mostlyValid() {
        return Arbitraries.strings().all().ofMaxLength(40).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .flatMap(b -> Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(b)),
                        Tuple.of(1, Arbitraries.integers().between(0, Math.max(0, b.length - 1))
                                .map(i -> flipped(b, i)))));
    }

    private static byte[] flipped(byte[] b, int i) {
        if (b.length == 0) {
            return b;
        }
        byte[] c = b.clone();
        c[i] ^= (byte) 0x40;
        return c;
    }

    @Property(tries = 3000)
    void agreesWithTheJdkAtEverySplit(@ForAll("utf8ish") byte[] bytes) {
        boolean jdk = Utf8Reference.jdkAccepts(bytes, bytes.length);
        int firstInvalid = Utf8Reference.firstInvalidByte(bytes);
        for (int split = 0; split <= bytes.length; split++) {
            Utf8Validator v = new Utf8Validator();
            boolean first = v.update(bytes, 0, split);
            assertEquals(firstInvalid < 0 || firstInvalid >= split, first, () -> Hex.of(bytes));
            boolean second = v.update(bytes, split, bytes.length);
            assertEquals(jdk, first && second && v.isComplete(), () -> Hex.of(bytes));
        }
    }

    @Property(tries = 3000)
    void failsAtExactlyTheFirstImpossibleByte(@ForAll("utf8ish") byte[] bytes) {
        assertEquals(Utf8Reference.firstInvalidByte(bytes), Utf8ValidatorTest.firstFailure(bytes), () -> Hex.of(bytes));
    }

    @Property(tries = 1000)
    void mostlyValidTextAgreesWithTheJdk(@ForAll("mostlyValid") byte[] bytes) {
        assertEquals(Utf8Reference.firstInvalidByte(bytes), Utf8ValidatorTest.firstFailure(bytes), () -> Hex.of(bytes));
        assertEquals(Utf8Reference.jdkAccepts(bytes, bytes.length), Utf8Validator.isValid(ByteBuffer.wrap(bytes)));
    }

    @Property(tries = 1000)
    void heapSlicedReadOnlyAndDirectBuffersAgreeAtEverySplit(@ForAll("utf8ish") byte[] bytes) {
        boolean jdk = Utf8Reference.jdkAccepts(bytes, bytes.length);
        for (int split = 0; split <= bytes.length; split++) {
            for (int kind = 0; kind < 3; kind++) {
                Utf8Validator v = new Utf8Validator();
                ByteBuffer head = buffer(kind, bytes, 0, split);
                ByteBuffer tail = buffer(kind, bytes, split, bytes.length);
                boolean ok = v.update(head) & v.update(tail);
                assertEquals(jdk, ok && v.isComplete(), () -> "kind " + List.of("slice", "read-only", "direct")
                        + " " + Hex.of(bytes));
                assertEquals(0, head.position());
            }
        }
    }

    /** kind 0: heap slice with an array offset, 1: read-only heap (no array access), 2: direct */
    private static ByteBuffer buffer(int kind, byte[] bytes, int from, int to) {
        byte[] part = java.util.Arrays.copyOfRange(bytes, from, to);
        switch (kind) {
            case 0:
                return ByteBuffer.wrap(Hex.concat(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, part,
                        new byte[] {(byte) 0xFF})).position(3).slice().limit(part.length);
            case 1:
                return ByteBuffer.wrap(part).asReadOnlyBuffer();
            default:
                return ByteBuffer.allocateDirect(part.length).put(part).flip();
        }
    }

    private static byte[] encode(int codePoint) {
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] toBytes(List<Integer> values) {
        byte[] b = new byte[values.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (int) values.get(i);
        }
        return b;
    }
}
