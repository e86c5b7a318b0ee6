package io.github.rfc6455.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The kit's own codec: frame encoding, the inbound checks, UTF-8. */
class WireTest {

    /** Collects what the decoder reports. */
    private static final class Events implements InboundDecoder.Handler {
        final List<String> log = new ArrayList<>();

        @Override
        public void violation(int code, String reason) {
            log.add("violation " + code);
        }

        @Override
        public void onMessage(byte[] payload, boolean binary) {
            log.add((binary ? "binary " : "text ") + Observed.show(payload));
        }

        @Override
        public void onPing(byte[] payload) {
            log.add("ping " + Observed.show(payload));
        }

        @Override
        public void onPong(byte[] payload) {
            log.add("pong " + Observed.show(payload));
        }

        @Override
        public void onClose(Integer code, byte[] reason) {
            log.add("close " + code);
        }
    }

    private static List<String> decode(boolean asServer, DeflateCodec deflate, byte[]... frames) {
        Events e = new Events();
        InboundDecoder d = new InboundDecoder(asServer, deflate, e);
        for (byte[] f : frames) {
            d.feed(f, 0, f.length);
        }
        return e.log;
    }

    private static final byte[] KEY = {1, 2, 3, 4};

    @Test
    void encodesTheThreeLengthFormsAndMasks() {
        assertEquals(2 + 125, WireFrames.encode(1, new byte[125], true, 0, null).length);
        assertEquals(4 + 126, WireFrames.encode(1, new byte[126], true, 0, null).length);
        assertEquals(10 + 65536, WireFrames.encode(1, new byte[65536], true, 0, null).length);
        byte[] masked = WireFrames.encode(2, Cases.utf8("abcd"), true, 0, KEY);
        assertEquals((byte) 0x82, masked[0]);
        assertEquals((byte) 0x84, masked[1]);
        assertEquals('a' ^ 1, masked[6]);
        byte[] invalid = WireFrames.encode(0x0B, new byte[0], false, 7, null);
        assertEquals((byte) 0x7B, invalid[0], "anything can be encoded, reserved bits and opcodes too");
    }

    @Test
    void decodesAMaskedMessageSplitAtEveryOctet() {
        byte[] frame = WireFrames.encode(1, Cases.utf8("Hello-µ@ßöäüàá"), true, 0, KEY);
        for (int split = 1; split < frame.length; split++) {
            byte[] a = java.util.Arrays.copyOfRange(frame, 0, split);
            byte[] b = java.util.Arrays.copyOfRange(frame, split, frame.length);
            assertEquals(List.of("text 0x48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a1"), decode(true, null, a, b),
                    "split at " + split);
        }
    }

    @Test
    void deliversAPingBetweenFragmentsBeforeTheMessage() {
        assertEquals(List.of("ping 'p'", "text 'ab'"), decode(false, null,
                WireFrames.encode(1, Cases.utf8("a"), false, 0, null),
                WireFrames.encode(9, Cases.utf8("p"), true, 0, null),
                WireFrames.encode(0, Cases.utf8("b"), true, 0, null)));
    }

    @Test
    void reportsEveryRuleTheOfficialFuzzerChecks() {
        assertEquals("violation 1002", decode(true, null, WireFrames.encode(1, new byte[0], true, 0, null)).get(0),
                "unmasked client frame");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(1, new byte[0], true, 0, KEY)).get(0),
                "masked server frame");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(1, new byte[0], true, 2, null)).get(0),
                "RSV without extension");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(9, new byte[126], true, 0, null)).get(0),
                "control frame over 125");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(9, new byte[1], false, 0, null)).get(0),
                "fragmented control frame");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(3, new byte[0], true, 0, null)).get(0),
                "reserved opcode");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(8, new byte[1], true, 0, null)).get(0),
                "close with one octet");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(0, new byte[1], true, 0, null)).get(0),
                "nothing to continue");
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(1, new byte[1], false, 0, null),
                WireFrames.encode(1, new byte[1], true, 0, null)).get(0), "new message inside a message");
        byte[] nonMinimal = {(byte) 0x82, 126, 0, 5, 1, 2, 3, 4, 5};
        assertEquals("violation 1002", decode(false, null, nonMinimal).get(0), "non-minimal length");
        assertEquals("violation 1007", decode(false, null, WireFrames.encode(1, Cases.hex("eda080"), true, 0, null))
                .get(0), "surrogate");
        assertEquals("violation 1007", decode(false, null, WireFrames.encode(1, Cases.hex("ce"), true, 0, null))
                .get(0), "text ends within a code point");
        assertEquals(List.of("close 1000"), decode(false, null, WireFrames.encode(8, Cases.hex("03e8"), true, 0,
                null)));
    }

    @Test
    void compressedFramesNeedTheExtensionAndAreInflated() {
        DeflateParams params = new DeflateParams(false, false, 15, 15);
        byte[] compressed = new DeflateCodec(params, true).compress(Cases.utf8("hello hello hello"));
        assertEquals(List.of("text 'hello hello hello'"), decode(false, new DeflateCodec(params, false),
                WireFrames.encode(1, compressed, true, 4, null)));
        assertEquals("violation 1002", decode(false, null, WireFrames.encode(1, compressed, true, 4, null)).get(0));
    }

    @Test
    void utf8ValidatorFailsFastAtTheFirstBadOctet() {
        Utf8Validator v = new Utf8Validator();
        assertTrue(v.feed(Utf8Sequences.KAPPA));
        assertTrue(v.feed(Cases.hex("f4")), "F4 may start a valid sequence");
        assertFalse(v.feed(Cases.hex("90")), "F4 90 is beyond U+10FFFF");
        assertEquals(12, v.position());
    }

    @Property(tries = 2000)
    void utf8ValidatorAgreesWithTheJdkDecoder(@ForAll @Size(max = 12) byte[] bytes) {
        boolean jdk;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            jdk = true;
        } catch (CharacterCodingException e) {
            jdk = false;
        }
        assertEquals(jdk, Utf8Validator.isValid(bytes), Cases.hex(bytes));
        for (int split = 0; split <= bytes.length; split++) {
            Utf8Validator v = new Utf8Validator();
            v.feed(bytes, 0, split);
            v.feed(bytes, split, bytes.length - split);
            assertEquals(jdk, v.complete(), "split at " + split);
        }
    }

    @Test
    void repeatsAPatternToAnyLength() {
        assertArrayEquals(Cases.utf8("abcab"), WireFrames.repeat(Cases.utf8("abc"), 5));
    }
}
