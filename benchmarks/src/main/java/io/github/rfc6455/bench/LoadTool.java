package io.github.rfc6455.bench;

import java.lang.management.ManagementFactory;

/**
 * An end-to-end WebSocket load generator for echo servers:
 * {@code java -cp benchmarks.jar io.github.rfc6455.bench.LoadTool --url ws://HOST:PORT/ --conns N --size BYTES
 * [--binary] --depth D --duration SECONDS [--warmup SECONDS] [--threads T]}.
 * It opens N connections over plain NIO on T selector threads (default 1), keeps D messages of BYTES bytes (text
 * unless {@code --binary}) in flight on each, verifies every echoed byte in content and order, and prints exactly one
 * final line on standard output:
 * {@code RESULT conns=.. size=.. msgs=.. msgs_per_s=.. MiB_per_s=.. p50_us=.. p99_us=.. errors=..}
 * (latency is the round trip from queuing a message to verifying its echo). Diagnostics go to standard error. Exits 0
 * when there were no errors, 1 otherwise, 2 on a bad command line.
 *
 * <p>Not instantiable.
 */
public final class LoadTool {
    private LoadTool() {
    }

    /**
     * @param args the command line, see the class description
     * @throws InterruptedException if interrupted
     */
    public static void main(String[] args) throws InterruptedException {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LoadTool: " + e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        System.err.printf("load: %d connections to ws://%s:%d%s, %d-byte %s messages, depth %d, warmup %s s, "
                        + "measure %s s%n", options.conns(), options.host(), options.port(), options.path(),
                options.size(), options.binary() ? "binary" : "text", options.depth(), options.warmupSeconds(),
                options.durationSeconds());
        LoadResult result = LoadRun.run(options);
        System.err.printf("load: process CPU time %.2f s%n", processCpuSeconds());
        System.out.println(result.line());
        System.out.flush();
        System.exit(result.errors() == 0 ? 0 : 1);
    }

    private static double processCpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }
}
