package io.github.rfc6455.bench;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run of the load tool: starts the {@link LoadWorker} threads, waits until every connection is open or failed
 * (10 seconds at most), warms up, measures for the requested time, drains, and merges what the workers counted.
 *
 * <p>Thread-safe: the phase is published to the workers through a volatile field.
 */
final class LoadRun {
    private static final int REPORTED_ERRORS = 10;
    private static final long CONNECT_TIMEOUT_SECONDS = 10;

    private final LoadOptions options;
    private final CountDownLatch settled;
    private final AtomicInteger reported = new AtomicInteger();
    private volatile LoadPhase phase = LoadPhase.CONNECT;

    private LoadRun(LoadOptions options) {
        this.options = options;
        this.settled = new CountDownLatch(options.conns());
    }

    /**
     * Runs the load and returns what it measured.
     *
     * @param options what to run
     * @return the result
     * @throws InterruptedException if interrupted
     */
    static LoadResult run(LoadOptions options) throws InterruptedException {
        return new LoadRun(options).execute();
    }

    LoadPhase phase() {
        return phase;
    }

    void onSettled() {
        settled.countDown();
    }

    /** Prints the first few error reasons to standard error. */
    void report(String reason) {
        int n = reported.incrementAndGet();
        if (n <= REPORTED_ERRORS) {
            System.err.println("load: error: " + reason);
        } else if (n == REPORTED_ERRORS + 1) {
            System.err.println("load: more errors, not shown");
        }
    }

    private LoadResult execute() throws InterruptedException {
        InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
        LoadWorker[] workers = new LoadWorker[options.threads()];
        Thread[] threads = new Thread[workers.length];
        for (int i = 0; i < workers.length; i++) {
            int share = options.conns() / workers.length + (i < options.conns() % workers.length ? 1 : 0);
            workers[i] = new LoadWorker(this, options, address, share);
            threads[i] = new Thread(workers[i], "load-worker-" + i);
            threads[i].start();
        }
        if (!settled.await(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            report(settled.getCount() + " connections did not open within " + CONNECT_TIMEOUT_SECONDS + " s");
        }
        phase = LoadPhase.WARMUP;
        sleepSeconds(options.warmupSeconds());
        phase = LoadPhase.MEASURE;
        long start = System.nanoTime();
        sleepSeconds(options.durationSeconds());
        phase = LoadPhase.DRAIN;
        double seconds = (System.nanoTime() - start) / 1e9;
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        long messages = 0;
        int errors = 0;
        LatencyHistogram latencies = new LatencyHistogram();
        for (LoadWorker worker : workers) {
            messages += worker.messages();
            errors += worker.errors();
            latencies.add(worker.histogram());
        }
        return new LoadResult(options.conns(), options.size(), messages, seconds,
                latencies.percentileNanos(0.50) / 1000.0, latencies.percentileNanos(0.99) / 1000.0, errors);
    }

    private static void sleepSeconds(double seconds) throws InterruptedException {
        long millis = Math.round(seconds * 1000);
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
