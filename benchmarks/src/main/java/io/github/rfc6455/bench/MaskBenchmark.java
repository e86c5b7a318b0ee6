package io.github.rfc6455.bench;

import io.github.rfc6455.core.frame.Masking;
import java.nio.ByteBuffer;
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
 * One operation unmasks a payload in place (RFC 6455 section 5.3) with rfc6455's {@link Masking}
 * ({@code impl=rfc6455}), or copies the same number of bytes from one buffer to another with
 * {@code System.arraycopy} (heap) or a bulk {@code ByteBuffer.put} (direct) ({@code impl=arraycopy}): the physical
 * limit any byte-touching loop is measured against. {@code buffer} picks a heap or a direct buffer.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaskBenchmark {
    /** {@code rfc6455} or {@code arraycopy}. */
    @Param({"rfc6455", "arraycopy"})
    public String impl;

    /** Payload bytes. */
    @Param({"16", "125", "1024", "65536"})
    public int payloadSize;

    /** {@code heap} or {@code direct}. */
    @Param({"heap", "direct"})
    public String buffer;

    private ByteBuffer source;
    private ByteBuffer target;
    private byte[] sourceArray;
    private byte[] targetArray;
    private int maskKey;
    private boolean rfc6455;
    private boolean heap;

    /** Fills the buffers once per trial. */
    @Setup
    public void setUp() {
        if (!impl.equals("rfc6455") && !impl.equals("arraycopy")) {
            throw new IllegalArgumentException("unknown impl: " + impl);
        }
        rfc6455 = impl.equals("rfc6455");
        heap = switch (buffer) {
            case "heap" -> true;
            case "direct" -> false;
            default -> throw new IllegalArgumentException("unknown buffer: " + buffer);
        };
        byte[] bytes = FrameEncodeBenchmark.payload(payloadSize);
        // rfc6455 transforms the target in place; arraycopy overwrites a zeroed target with the source
        sourceArray = bytes.clone();
        targetArray = rfc6455 ? bytes.clone() : new byte[payloadSize];
        source = heap ? ByteBuffer.wrap(sourceArray) : ByteBuffer.allocateDirect(payloadSize).put(bytes).flip();
        target = heap ? ByteBuffer.wrap(targetArray) : ByteBuffer.allocateDirect(payloadSize).put(targetArray).flip();
        maskKey = 0x5A_C3_96_0F;
    }

    /**
     * Unmasks (rfc6455) or copies (arraycopy) {@code payloadSize} bytes.
     *
     * @return the buffer written, so the work cannot be dropped
     */
    @Benchmark
    public ByteBuffer unmask() {
        if (rfc6455) {
            Masking.mask(target, 0, payloadSize, maskKey, 0);
        } else if (heap) {
            System.arraycopy(sourceArray, 0, targetArray, 0, payloadSize);
        } else {
            target.put(0, source, 0, payloadSize);
        }
        return target;
    }
}
