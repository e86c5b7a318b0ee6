package io.github.rfc6455.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One selector thread of the load tool and the connections it drives. It follows the {@link LoadRun}'s phase:
 * counts messages and latencies only while measuring, stops sending and closes its connections when the run drains.
 *
 * <p>Not thread-safe: everything runs on the worker's thread; the run reads the results after joining it.
 */
final class LoadWorker implements Runnable {
    private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final LoadRun run;
    private final LoadOptions options;
    private final InetSocketAddress address;
    private final int connectionCount;
    private final Selector selector;
    private final List<LoadConnection> connections = new ArrayList<>();
    private final LatencyHistogram histogram = new LatencyHistogram();
    private final Consumer<SelectionKey> onReady = key -> ((LoadConnection) key.attachment()).onReady(key);

    private LoadPhase phase = LoadPhase.CONNECT;
    private long messages;
    private int errors;
    private int closed;

    LoadWorker(LoadRun run, LoadOptions options, InetSocketAddress address, int connectionCount) {
        this.run = run;
        this.options = options;
        this.address = address;
        this.connectionCount = connectionCount;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void run() {
        try {
            MessagePattern pattern = new MessagePattern(options.size());
            for (int i = 0; i < connectionCount; i++) {
                try {
                    LoadConnection connection = new LoadConnection(this, options, pattern);
                    connections.add(connection);
                    connection.connect(selector, address);
                } catch (IOException e) {
                    onError("cannot open a socket: " + e);
                    onSettled();
                    closed++;
                }
            }
            long drainDeadline = 0;
            while (true) {
                LoadPhase now = run.phase();
                if (now != phase) {
                    phase = now;
                    if (now == LoadPhase.MEASURE) {
                        histogram.reset();
                        messages = 0;
                    } else if (now == LoadPhase.DRAIN) {
                        drainDeadline = System.nanoTime() + DRAIN_NANOS;
                        for (LoadConnection connection : connections) {
                            connection.startClose();
                        }
                    }
                }
                if (phase == LoadPhase.DRAIN
                        && (closed >= connectionCount || System.nanoTime() - drainDeadline > 0)) {
                    break;
                }
                selector.select(onReady, 10);
            }
        } catch (IOException e) {
            onError("selector failed: " + e);
        } finally {
            for (LoadConnection connection : connections) {
                connection.abort();
            }
            try {
                selector.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** @return true while connections should keep their messages in flight */
    boolean sending() {
        return phase != LoadPhase.DRAIN;
    }

    void onMessage(long latencyNanos) {
        if (phase == LoadPhase.MEASURE) {
            histogram.record(latencyNanos);
            messages++;
        }
    }

    void onError(String reason) {
        errors++;
        run.report(reason);
    }

    void onSettled() {
        run.onSettled();
    }

    void onClosed() {
        closed++;
    }

    /** @return messages verified while measuring (read after the thread ended) */
    long messages() {
        return messages;
    }

    /** @return errors over the whole run (read after the thread ended) */
    int errors() {
        return errors;
    }

    /** @return latencies recorded while measuring (read after the thread ended) */
    LatencyHistogram histogram() {
        return histogram;
    }
}
