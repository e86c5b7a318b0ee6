package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Text pieces end on character boundaries whatever the split. */
class TextFramesTest {
    private static final String TEXT = "aé€😀b中ß😀😀x";

    @Test
    void everySplitPointGivesTheSameText() {
        byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
        for (int split = 0; split <= bytes.length; split++) {
            TextFrames frames = new TextFrames();
            String first = frames.decode(ByteBuffer.wrap(bytes, 0, split), false);
            String second = frames.decode(ByteBuffer.wrap(bytes, split, bytes.length - split), true);
            assertEquals(TEXT, first + second, "split at " + split);
            assertEquals(first, new String(first.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8),
                    "no replacement character");
        }
    }

    @Property
    void anyChunkingGivesTheSameText(@ForAll("texts") String text, @ForAll @IntRange(min = 1, max = 7) int chunk) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextFrames frames = new TextFrames();
        StringBuilder out = new StringBuilder();
        for (int at = 0; at < bytes.length || at == 0; at += chunk) {
            int n = Math.min(chunk, bytes.length - at);
            out.append(frames.decode(ByteBuffer.wrap(bytes, at, n), at + n >= bytes.length));
            if (bytes.length == 0) {
                break;
            }
        }
        assertEquals(text, out.toString());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> texts() {
        return net.jqwik.api.Arbitraries.of("a", "é", "€", "😀", "中", " ").list().ofMaxSize(40)
                .map(l -> String.join("", l));
    }
}
