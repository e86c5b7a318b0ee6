package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MessagePatternTest {

    @Property
    void aMessageMatchesItselfSplitAnywhere(@ForAll @IntRange(min = 0, max = 300) int size,
                                            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seq,
                                            @ForAll @IntRange(min = 0, max = 300) int split,
                                            @ForAll boolean direct) {
        MessagePattern pattern = new MessagePattern(size);
        ByteBuffer message = write(pattern, seq, direct);
        int cut = Math.min(split, size);
        ByteBuffer view = pattern.newTemplateView();
        assertTrue(pattern.matches(message.duplicate().limit(cut), seq, 0, view));
        assertTrue(pattern.matches(message.duplicate().position(cut), seq, cut, view));
    }

    @Property
    void anyCorruptedByteIsCaught(@ForAll @IntRange(min = 1, max = 300) int size,
                                  @ForAll @LongRange(min = 0, max = 1_000_000) long seq,
                                  @ForAll @IntRange(min = 0, max = 299) int at,
                                  @ForAll boolean direct) {
        MessagePattern pattern = new MessagePattern(size);
        ByteBuffer message = write(pattern, seq, direct);
        int i = at % size;
        message.put(i, (byte) (message.get(i) ^ 0x01));
        assertFalse(pattern.matches(message, seq, 0, pattern.newTemplateView()));
    }

    @Property
    void anotherMessageNumberDoesNotMatch(@ForAll @IntRange(min = 1, max = 300) int size,
                                          @ForAll @LongRange(min = 0, max = 1_000_000) long seq,
                                          @ForAll @IntRange(min = 1, max = 63) int distance) {
        MessagePattern pattern = new MessagePattern(size);
        ByteBuffer message = write(pattern, seq, false);
        assertFalse(pattern.matches(message, seq + distance, 0, pattern.newTemplateView()));
    }

    @Property
    void messagesAtLeastTwelveBytesLongCarryTheirNumber(@ForAll @IntRange(min = 12, max = 100) int size,
                                                        @ForAll @LongRange(min = 0, max = 1_000_000) long seq) {
        MessagePattern pattern = new MessagePattern(size);
        // 64 apart: the same rotating pattern, told apart only by the number in front
        assertFalse(pattern.matches(write(pattern, seq, false), seq + 64, 0, pattern.newTemplateView()));
    }

    @Property
    void messagesAreAsciiText(@ForAll @IntRange(min = 0, max = 300) int size,
                              @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seq)
            throws CharacterCodingException {
        ByteBuffer message = write(new MessagePattern(size), seq, false);
        assertEquals(size, StandardCharsets.US_ASCII.newDecoder().decode(message).length());
    }

    @Property
    void aChunkReachingPastTheEndDoesNotMatch(@ForAll @IntRange(min = 0, max = 100) int size) {
        MessagePattern pattern = new MessagePattern(size);
        ByteBuffer longer = ByteBuffer.allocate(size + 1);
        pattern.write(longer, 7);
        longer.flip().limit(size + 1);
        assertFalse(pattern.matches(longer, 7, 0, pattern.newTemplateView()));
    }

    private static ByteBuffer write(MessagePattern pattern, long seq, boolean direct) {
        ByteBuffer out = direct ? ByteBuffer.allocateDirect(pattern.size()) : ByteBuffer.allocate(pattern.size());
        pattern.write(out, seq);
        assertEquals(pattern.size(), out.position());
        return out.flip();
    }
}
