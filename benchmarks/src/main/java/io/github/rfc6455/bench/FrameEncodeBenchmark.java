package io.github.rfc6455.bench;

import java.util.SplittableRandom;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation encodes one binary message as one final frame ready for a socket write, masked as a client must
 * ({@code masked=true}) or unmasked as a server sends ({@code masked=false}); the bytes go to a Blackhole. What that
 * means for each implementation is in the {@link FrameEncoding} implementations and in {@code benchmarks/README.md}.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameEncodeBenchmark {
    /** The implementation measured. */
    @Param({"rfc6455", "jetty", "netty", "javawebsocket"})
    public String impl;

    /** Payload bytes per frame. */
    @Param({"16", "125", "1024", "65536"})
    public int payloadSize;

    /** True to mask as a client, false to send as a server. */
    @Param({"true", "false"})
    public boolean masked;

    private FrameEncoding encoding;

    /**
     * Builds the payload and the implementation's encoder once per trial.
     *
     * @param blackhole where encoded bytes go
     */
    @Setup
    public void setUp(Blackhole blackhole) {
        encoding = FrameEncoding.create(impl, payload(payloadSize), masked, new BlackholeSink(blackhole));
    }

    /**
     * Encodes the message once.
     *
     * @throws Exception if the implementation fails
     */
    @Benchmark
    public void encode() throws Exception {
        encoding.encodeNext();
    }

    static byte[] payload(int size) {
        byte[] payload = new byte[size];
        SplittableRandom random = new SplittableRandom(7692L + size);
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) random.nextInt(256);
        }
        return payload;
    }
}
