package io.github.rfc6455.conformance;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The sending side of one fuzzing connection, with the official fuzzer's write semantics: plain writes are buffered
 * and flushed at the end of each reactor task; a <em>chopped</em> frame is written in pieces of {@code chopSize}
 * octets and a <em>sync</em> frame as a piece of its own, each piece flushed alone with a short pause before the next
 * (the official {@code _QUEUED_WRITE_DELAY} of 10 microseconds), and everything sent after a queued piece waits its
 * turn. Once the peer stops taking bytes, writing stops and the failure is reported once.
 *
 * <p>Not thread-safe: confined to the connection's reactor thread.
 */
final class WireWriter {

    /** Pause between queued pieces. */
    static final long QUEUED_WRITE_DELAY_NANOS = 10_000;

    /** Runs a task on the reactor later; returns {@code false} when the reactor is gone. */
    @FunctionalInterface
    interface Scheduler {
        boolean schedule(long nanos, Runnable task);
    }

    private final OutputStream out;
    private final Scheduler scheduler;
    private final Consumer<String> onFailure;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private boolean triggered;
    private boolean failed;
    private boolean stopped;

    WireWriter(OutputStream out, Scheduler scheduler, Consumer<String> onFailure) {
        this.out = new BufferedOutputStream(out, 1 << 16);
        this.scheduler = scheduler;
        this.onFailure = onFailure;
    }

    /** Sends octets: buffered, as one separate piece ({@code sync}), or in pieces of {@code chopSize}. */
    void send(byte[] data, boolean sync, int chopSize) {
        if (chopSize > 0) {
            for (int i = 0; i < data.length; i += chopSize) {
                queue.add(Arrays.copyOfRange(data, i, Math.min(data.length, i + chopSize)));
            }
            if (data.length == 0) {
                queue.add(data);
            }
            trigger();
        } else if (sync || !queue.isEmpty()) {
            queue.add(data);
            trigger();
        } else {
            write(data, false);
        }
    }

    /** Flushes buffered octets (end of a reactor task). */
    void flush() {
        if (!failed && !stopped) {
            try {
                out.flush();
            } catch (IOException e) {
                fail(e);
            }
        }
    }

    /** Writes every queued piece now (before a graceful close). */
    void drain() {
        byte[] piece;
        while ((piece = queue.poll()) != null) {
            write(piece, false);
        }
        flush();
    }

    /** Drops queued pieces and ignores further writes (the connection is closed). */
    void stop() {
        stopped = true;
        queue.clear();
    }

    private void trigger() {
        if (!triggered) {
            triggered = true;
            sendQueued();
        }
    }

    private void sendQueued() {
        byte[] piece = queue.poll();
        if (piece == null) {
            triggered = false;
            return;
        }
        write(piece, true);
        if (!scheduler.schedule(QUEUED_WRITE_DELAY_NANOS, this::sendQueued)) {
            triggered = false;
        }
    }

    private void write(byte[] data, boolean flushNow) {
        if (failed || stopped) {
            return;
        }
        try {
            out.write(data);
            if (flushNow) {
                out.flush();
            }
        } catch (IOException e) {
            fail(e);
        }
    }

    private void fail(IOException e) {
        if (!failed) {
            failed = true;
            queue.clear();
            onFailure.accept("write failed: " + e.getMessage());
        }
    }
}
