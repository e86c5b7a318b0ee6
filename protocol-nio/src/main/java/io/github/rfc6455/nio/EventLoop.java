package io.github.rfc6455.nio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread: it runs the readiness callbacks of its channels, tasks submitted from any thread, delayed
 * tasks, and a periodic tick that lets each registered {@link Selectable} check its deadlines (handshake, close, idle
 * and ping timers cost no timer object per connection). It also owns the read buffer its connections share, so an
 * idle connection holds no buffer.
 *
 * <p>Thread-safe: {@link #execute}, {@link #schedule} and {@link #shutdown} may be called from any thread; everything
 * else runs on the loop's own thread.
 */
public final class EventLoop implements Executor {
    private static final System.Logger LOG = System.getLogger(EventLoop.class.getName());

    /** Whether a loop offers its CPU after each round that handled events ({@code -Drfc6455.nio.yield=false} turns it off). */
    private static final boolean YIELD_AFTER_EVENTS =
            Boolean.parseBoolean(System.getProperty("rfc6455.nio.yield", "true"));

    private final Selector selector;
    private final Thread thread;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
    private final ByteBuffer readBuffer;
    private final long tickNanos;
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile boolean stopping;
    private long nextTick;
    private long sequence;

    /**
     * Starts a loop thread.
     *
     * @param name the thread's name
     * @param readBufferSize size of the shared read buffer
     * @param tickMillis how often registered channels check their deadlines
     * @param daemon whether the thread is a daemon thread
     */
    public EventLoop(String name, int readBufferSize, long tickMillis, boolean daemon) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a selector", e);
        }
        this.readBuffer = ByteBuffer.allocate(readBufferSize);
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(Math.max(1, tickMillis));
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(daemon);
        this.thread.start();
    }

    /** @return true when called on this loop's thread */
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    /** @return the tick period in milliseconds */
    public long tickMillis() {
        return TimeUnit.NANOSECONDS.toMillis(tickNanos);
    }

    /**
     * The read buffer shared by this loop's connections: use it only on the loop thread, and never keep data in it
     * across callbacks.
     *
     * @return the buffer
     */
    public ByteBuffer readBuffer() {
        return readBuffer;
    }

    /**
     * Runs a task on the loop thread, after the tasks submitted before it. Tasks submitted after {@link #shutdown()}
     * still run if the loop has not finished.
     *
     * @param task the task
     */
    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (!inEventLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    /**
     * Runs a task on the loop thread after a delay.
     *
     * @param task the task
     * @param delay the delay
     * @param unit its unit
     * @return a handle whose {@link Runnable#run()} cancels the task
     */
    public Runnable schedule(Runnable task, long delay, TimeUnit unit) {
        Delayed d = new Delayed(task, System.nanoTime() + unit.toNanos(delay));
        execute(() -> {
            d.sequence = sequence++;
            delayed.add(d);
        });
        return () -> d.cancelled = true;
    }

    /**
     * Registers a channel with this loop's selector. Call on the loop thread.
     *
     * @param channel a non-blocking channel
     * @param ops the interest set
     * @param handler told about readiness and ticks
     * @return the key
     * @throws IOException when the channel is closed
     */
    public SelectionKey register(SelectableChannel channel, int ops, Selectable handler) throws IOException {
        assert inEventLoop();
        return channel.register(selector, ops, handler);
    }

    /** @return the number of channels registered with this loop (including ones being cancelled) */
    public int registrations() {
        return selector.keys().size();
    }

    /**
     * Stops the loop: pending tasks run, then every registered {@link Selectable} is told
     * ({@link Selectable#onLoopClosed()}), the selector is closed and the thread ends.
     *
     * @return completes when the thread has ended
     */
    public CompletableFuture<Void> shutdown() {
        stopping = true;
        selector.wakeup();
        return terminated;
    }

    private void run() {
        nextTick = System.nanoTime() + tickNanos;
        try {
            while (!stopping) {
                long now = System.nanoTime();
                long timeout = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextDeadline(now) - now) + 1);
                int ready = !tasks.isEmpty() ? selector.selectNow(this::dispatch)
                        : selector.select(this::dispatch, timeout);
                if (ready > 0 && YIELD_AFTER_EVENTS) {
                    // A loop that always finds work never blocks, and on a machine whose CPUs are all busy the
                    // scheduler then preempts it in the middle of a round, stalling every connection of the loop for
                    // a whole time slice. Offering the CPU after each round keeps those stalls short and lets the
                    // next round find more ready channels (fewer system calls per message). With an idle CPU it
                    // returns at once.
                    Thread.yield();
                }
                wakeupPending.set(false);
                runTasks();
                runDelayed();
                tick();
            }
            runTasks();
        } catch (ClosedSelectorException e) {
            LOG.log(System.Logger.Level.DEBUG, "selector closed");
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "event loop " + thread.getName() + " failed", t);
        } finally {
            closeAll();
            terminated.complete(null);
        }
    }

    private long nextDeadline(long now) {
        long deadline = nextTick;
        Delayed first = delayed.peek();
        if (first != null && first.deadline < deadline) {
            deadline = first.deadline;
        }
        return Math.max(deadline, now);
    }

    private void dispatch(SelectionKey key) {
        Object handler = key.attachment();
        try {
            ((Selectable) handler).onSelected(key);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure handling a channel event", e);
            key.cancel();
            release((Selectable) handler);
            closeQuietly(key);
        }
    }

    private void runTasks() {
        for (int i = 0; i < 4096; i++) {
            Runnable task = tasks.poll();
            if (task == null) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "a task on event loop " + thread.getName() + " failed", e);
            }
        }
    }

    private void runDelayed() {
        long now = System.nanoTime();
        Delayed d;
        while ((d = delayed.peek()) != null && d.deadline - now <= 0) {
            delayed.poll();
            if (!d.cancelled) {
                try {
                    d.task.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "a delayed task failed", e);
                }
            }
        }
    }

    private void tick() {
        long now = System.nanoTime();
        if (now - nextTick < 0) {
            return;
        }
        nextTick = now + tickNanos;
        // Keys are only added or removed during select(), on this thread, so iterating here is safe.
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Selectable) {
                try {
                    ((Selectable) key.attachment()).onTick(now);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "a deadline check failed", e);
                }
            }
        }
    }

    private void closeAll() {
        try {
            for (SelectionKey key : new ArrayList<>(selector.keys())) {
                if (key.attachment() instanceof Selectable) {
                    release((Selectable) key.attachment());
                }
                closeQuietly(key);
            }
            selector.close();
        } catch (IOException | ClosedSelectorException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the selector", e);
        }
    }

    /** Lets a channel's owner release it and tell its listeners (their sessions end, their limits free up). */
    private static void release(Selectable handler) {
        try {
            handler.onLoopClosed();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "failure while closing a channel", e);
        }
    }

    private static void closeQuietly(SelectionKey key) {
        try {
            key.channel().close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a channel", e);
        }
    }

    private static final class Delayed implements Comparable<Delayed> {
        final Runnable task;
        final long deadline;
        long sequence;
        volatile boolean cancelled;

        Delayed(Runnable task, long deadline) {
            this.task = task;
            this.deadline = deadline;
        }

        @Override
        public int compareTo(Delayed o) {
            int c = Long.compare(deadline - o.deadline, 0);
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }
}
