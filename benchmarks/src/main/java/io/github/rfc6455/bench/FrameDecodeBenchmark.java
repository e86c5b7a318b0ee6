package io.github.rfc6455.bench;

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
 * One operation decodes one client-masked binary frame (header, unmask, payload handed on to a Blackhole) from a
 * prepared buffer of frames ({@link FrameCorpus}), as a server does. What that means for each implementation is in
 * the {@link FrameDecoding} implementations and in {@code benchmarks/README.md}.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameDecodeBenchmark {
    /** The implementation measured. */
    @Param({"rfc6455", "jetty", "netty", "javawebsocket"})
    public String impl;

    /** Payload bytes per frame. */
    @Param({"16", "125", "1024", "65536"})
    public int payloadSize;

    private FrameDecoding decoding;

    /**
     * Builds the corpus and the implementation's decoder once per trial.
     *
     * @param blackhole where payloads go
     */
    @Setup
    public void setUp(Blackhole blackhole) {
        decoding = FrameDecoding.create(impl, FrameCorpus.maskedBinary(payloadSize), new BlackholeSink(blackhole));
    }

    /**
     * Decodes the next frame.
     *
     * @throws Exception if the implementation rejects the frame
     */
    @Benchmark
    public void decode() throws Exception {
        decoding.decodeNext();
    }
}
