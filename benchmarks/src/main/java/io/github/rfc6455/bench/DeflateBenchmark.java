package io.github.rfc6455.bench;

import java.nio.charset.StandardCharsets;
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
 * One operation compresses one text message with permessage-deflate (RFC 7692) on the sending side and decompresses
 * it on the receiving side, both keeping their context across messages; the text goes to a Blackhole. The message is
 * JSON-like text of {@code payloadSize} bytes, compressible about as much as real chat or API traffic.
 *
 * What one operation is for each implementation: {@link Rfc6455DeflateRoundTrip}, {@link NettyDeflateRoundTrip}.
 *
 * <p>JMH state: one instance per benchmark thread.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DeflateBenchmark {
    /** {@code rfc6455} or {@code netty}. */
    @Param({"rfc6455", "netty"})
    public String impl;

    /** Message bytes. */
    @Param({"125", "1024", "65536"})
    public int payloadSize;

    private DeflateRoundTrip roundTrip;

    /**
     * Builds the message and both ends once per trial.
     *
     * @param blackhole where the decompressed text goes
     */
    @Setup
    public void setUp(Blackhole blackhole) {
        roundTrip = DeflateRoundTrip.create(impl, message(payloadSize), new BlackholeSink(blackhole));
    }

    /**
     * Compresses and decompresses the message once.
     *
     * @throws Exception if the implementation fails
     */
    @Benchmark
    public void compressAndDecompress() throws Exception {
        roundTrip.roundTrip();
    }

    /**
     * @param size the length in bytes
     * @return JSON-like ASCII text of exactly that length (fixed seed)
     */
    static byte[] message(int size) {
        SplittableRandom random = new SplittableRandom(1951L + size);
        String[] names = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
        String[] verbs = {"joined", "left", "said", "liked", "shared", "edited"};
        StringBuilder text = new StringBuilder(size + 128);
        while (text.length() < size) {
            text.append("{\"seq\":").append(random.nextInt(1_000_000))
                    .append(",\"user\":\"").append(names[random.nextInt(names.length)])
                    .append("\",\"event\":\"").append(verbs[random.nextInt(verbs.length)])
                    .append("\",\"ts\":").append(1_700_000_000_000L + random.nextInt(1_000_000_000))
                    .append(",\"score\":").append(random.nextInt(10_000) / 100.0).append("}\n");
        }
        text.setLength(size);
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
