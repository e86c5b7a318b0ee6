package io.github.rfc6455.bench;

import io.github.rfc6455.core.message.Utf8Validator;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One operation validates {@value #TEXT_BYTES} bytes of UTF-8 text (RFC 6455 section 8.1) in a heap buffer:
 * {@code impl=rfc6455} with a reused {@link Utf8Validator}, {@code impl=jdk} by decoding into a reused
 * {@link CharBuffer} with a reused {@link CharsetDecoder} that reports malformed input (the JDK's own way to check
 * UTF-8, which also produces the chars). {@code text=ascii} is plain English; {@code text=mixed} mixes ASCII with
 * Greek and Cyrillic (2-byte), CJK (3-byte) and emoji (4-byte) sequences.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class Utf8ValidateBenchmark {
    static final int TEXT_BYTES = 64 * 1024;

    private static final String ASCII_SAMPLE =
            "The quick brown fox jumps over the lazy dog; {\"id\": 6455, \"ok\": true, \"tags\": [\"ws\", \"json\"]}\n";
    private static final String MIXED_SAMPLE =
            "Hello, world! Γειά σου Κόσμε, Привет мир, こんにちは世界, 你好，世界 \uD83D\uDE00\uD83D\uDE80 "
                    + "{\"price\": \"12,50 €\", \"city\": \"Zürich\"}\n";

    /** {@code rfc6455} or {@code jdk}. */
    @Param({"rfc6455", "jdk"})
    public String impl;

    /** {@code ascii} or {@code mixed}. */
    @Param({"ascii", "mixed"})
    public String text;

    ByteBuffer bytes;
    private boolean rfc6455;
    private final Utf8Validator validator = new Utf8Validator();
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final CharBuffer chars = CharBuffer.allocate(TEXT_BYTES);

    /** Builds the text once per trial. */
    @Setup
    public void setUp() {
        rfc6455 = switch (impl) {
            case "rfc6455" -> true;
            case "jdk" -> false;
            default -> throw new IllegalArgumentException("unknown impl: " + impl);
        };
        bytes = ByteBuffer.wrap(text(text));
    }

    /**
     * Validates the whole text.
     *
     * @return true when the text is valid UTF-8 (always, for these texts)
     */
    @Benchmark
    public boolean validate() {
        bytes.position(0);
        if (rfc6455) {
            validator.reset();
            return validator.update(bytes) && validator.isComplete();
        }
        decoder.reset();
        chars.clear();
        CoderResult result = decoder.decode(bytes, chars, true);
        return !result.isError() && !decoder.flush(chars).isError();
    }

    /**
     * @param kind {@code ascii} or {@code mixed}
     * @return exactly {@value #TEXT_BYTES} bytes of valid UTF-8 of that kind
     */
    static byte[] text(String kind) {
        String sample = switch (kind) {
            case "ascii" -> ASCII_SAMPLE;
            case "mixed" -> MIXED_SAMPLE;
            default -> throw new IllegalArgumentException("unknown text: " + kind);
        };
        byte[] unit = sample.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[TEXT_BYTES];
        int at = 0;
        while (at + unit.length <= TEXT_BYTES) {
            System.arraycopy(unit, 0, out, at, unit.length);
            at += unit.length;
        }
        while (at < TEXT_BYTES) {
            out[at++] = ' ';
        }
        return out;
    }
}
