package io.github.rfc6455.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs every benchmark for one very short iteration per parameter combination, in this JVM, so a benchmark that
 * throws, or whose parameters no longer match its code, fails the build instead of rotting.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BenchmarksSmokeTest {

    @Test
    void frameDecodeRunsForEveryImplementationAndSize() throws RunnerException {
        assertRuns(FrameDecodeBenchmark.class, options(FrameDecodeBenchmark.class), 4 * 4);
    }

    @Test
    void frameEncodeRunsForEveryImplementationSizeAndMasking() throws RunnerException {
        assertRuns(FrameEncodeBenchmark.class, options(FrameEncodeBenchmark.class), 4 * 4 * 2);
    }

    @Test
    void maskRunsForBothImplementationsSizesAndBuffers() throws RunnerException {
        assertRuns(MaskBenchmark.class, options(MaskBenchmark.class), 2 * 4 * 2);
    }

    @Test
    void utf8ValidateRunsForBothImplementationsAndTexts() throws RunnerException {
        assertRuns(Utf8ValidateBenchmark.class, options(Utf8ValidateBenchmark.class), 2 * 2);
    }

    @Test
    void deflateRunsForBothImplementationsAndSizes() throws RunnerException {
        assertRuns(DeflateBenchmark.class, options(DeflateBenchmark.class), 2 * 3);
    }

    private static ChainedOptionsBuilder options(Class<?> benchmark) {
        return new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .forks(0)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    private static void assertRuns(Class<?> benchmark, ChainedOptionsBuilder options, int combinations)
            throws RunnerException {
        Collection<RunResult> results = new Runner(options.build()).run();
        assertEquals(combinations, results.size(), benchmark.getSimpleName() + " parameter combinations");
        for (RunResult result : results) {
            double score = result.getPrimaryResult().getScore();
            assertTrue(score > 0 && Double.isFinite(score),
                    benchmark.getSimpleName() + " " + result.getParams() + " scored " + score);
        }
    }
}
