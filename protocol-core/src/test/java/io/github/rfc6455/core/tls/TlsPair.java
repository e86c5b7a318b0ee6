package io.github.rfc6455.core.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.rfc6455.core.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * A client-mode and a server-mode adapter wired to each other in memory: {@link #pump()} moves each side's output
 * into the other's {@code unwrap}, cut into random chunks, through a reused read buffer (as a socket loop would).
 */
final class TlsPair {
    final TlsAdapter client;
    final TlsAdapter server;
    final SSLEngine clientEngine;
    final SSLEngine serverEngine;
    final ByteArrayOutputStream clientReceived = new ByteArrayOutputStream();
    final ByteArrayOutputStream serverReceived = new ByteArrayOutputStream();
    private final Random random;
    private final int maxChunk;
    private final ByteBuffer readBuffer;
    private final Semaphore tasksDone = new Semaphore(0);
    /** How many times a delegated-task completion callback fired. */
    final java.util.concurrent.atomic.AtomicInteger tasksRun = new java.util.concurrent.atomic.AtomicInteger();
    /** Empty the buffer pool before every unwrap, so that buffers are sized from the session, not reused. */
    boolean drainPool;

    TlsPair(SSLEngine clientEngine, SSLEngine serverEngine, long seed, int maxChunk, Executor taskExecutor) {
        this.clientEngine = clientEngine;
        this.serverEngine = serverEngine;
        this.random = new Random(seed);
        this.maxChunk = maxChunk;
        this.readBuffer = ByteBuffer.allocate(maxChunk);
        if (taskExecutor == null) {
            client = new TlsAdapter(clientEngine);
            server = new TlsAdapter(serverEngine);
        } else {
            Runnable done = () -> {
                tasksRun.incrementAndGet();
                tasksDone.release();
            };
            client = new TlsAdapter(clientEngine, taskExecutor, done);
            server = new TlsAdapter(serverEngine, taskExecutor, done);
        }
    }

    /** A pair with the test PKI's localhost certificate, restricted to one protocol (null: the defaults). */
    static TlsPair localhost(String protocol, long seed, int maxChunk) {
        return new TlsPair(engine(TestPki.clientEngine(TestPki.clientContext(), "localhost", 443), protocol),
                engine(TestPki.serverEngine(TestPki.serverContext()), protocol), seed, maxChunk, null);
    }

    static SSLEngine engine(SSLEngine engine, String protocol) {
        if (protocol != null) {
            engine.setEnabledProtocols(new String[] {protocol});
        }
        return engine;
    }

    /** Runs the handshake to completion and checks the statuses on the way. */
    TlsPair handshake() throws SSLException {
        assertEquals(TlsStatus.HANDSHAKING, server.begin());
        assertFalse(server.hasOutput(), "a server speaks second");
        assertEquals(TlsStatus.HANDSHAKING, client.begin());
        assertTrue(client.hasOutput(), "ClientHello queued");
        pump();
        assertEquals(TlsStatus.OPEN, client.status());
        assertEquals(TlsStatus.OPEN, server.status());
        return this;
    }

    /** Moves output both ways until both sides are quiet (waiting for delegated tasks when there are any). */
    void pump() throws SSLException {
        for (int rounds = 0; ; rounds++) {
            if (rounds > 1_000_000) {
                fail("no quiescence");
            }
            boolean moved = transfer(client, server, serverReceived) | transfer(server, client, clientReceived);
            if (!moved) {
                // as an event loop does: answer every task callback with a resume, wait while a task runs
                boolean waiting = client.status() == TlsStatus.AWAITING_TASK
                        || server.status() == TlsStatus.AWAITING_TASK;
                if (!tasksDone.tryAcquire() && !(waiting && awaitTask())) {
                    return;
                }
                client.unwrap(ByteBuffer.allocate(0), sink(clientReceived));
                server.unwrap(ByteBuffer.allocate(0), sink(serverReceived));
            }
        }
    }

    private boolean awaitTask() {
        try {
            assertTrue(tasksDone.tryAcquire(10, TimeUnit.SECONDS), "delegated task never finished");
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends data from one side, pumping whenever its output is full, until all of it was wrapped and delivered. */
    void send(TlsAdapter from, byte[] data) throws SSLException {
        ByteBuffer src = ByteBuffer.wrap(data);
        do {
            from.wrap(src);
            pump();
        } while (src.hasRemaining());
    }

    /** Moves one random chunk of from's output into to; false when from has nothing. */
    boolean transfer(TlsAdapter from, TlsAdapter to, ByteArrayOutputStream received) throws SSLException {
        if (!from.hasOutput()) {
            return false;
        }
        ByteBuffer output = from.output();
        int n = 1 + random.nextInt(Math.min(output.remaining(), maxChunk));
        readBuffer.clear();
        readBuffer.put(readBuffer.position(), output, output.position(), n).limit(n);
        output.position(output.position() + n);
        if (drainPool) {
            BufferPool.drain();
        }
        to.unwrap(readBuffer, sink(received));
        assertFalse(readBuffer.hasRemaining(), "unwrap consumes every byte given");
        return true;
    }

    static java.util.function.Consumer<ByteBuffer> sink(ByteArrayOutputStream received) {
        return app -> {
            byte[] bytes = new byte[app.remaining()];
            app.get(bytes);
            received.write(bytes, 0, bytes.length);
        };
    }
}
