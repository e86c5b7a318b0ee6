package io.github.rfc6455.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 WebSocket connections from one JVM, all on the shared client event loop (one thread), to our echo server
 * running in a child JVM (so that each process needs only about 10,000 file descriptors). Every connection opens,
 * echoes one message and closes cleanly. It prints what it measured: the time to open them all (at most
 * {@link #IN_FLIGHT} handshakes at a time), the connect rate and the client heap per open connection.
 *
 * <p>Needs a file descriptor limit above 10,000 ({@code ulimit -n}; {@code .ci/run} raises the soft limit to the hard
 * one). The count can be changed with {@code -Drfc6455.test.connections=N}.
 */
class ManyConnectionsTest {
    private static final int CONNECTIONS = Integer.getInteger("rfc6455.test.connections", 10_000);
    private static final int IN_FLIGHT = 1000;

    /** @return the CPU time this JVM used so far (all threads, GC included) */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void tenThousandConnectionsFromOneJvm() throws Exception {
        long fds = ((com.sun.management.UnixOperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getMaxFileDescriptorCount();
        Assumptions.assumeTrue(fds >= CONNECTIONS + 1000, "needs ulimit -n above " + (CONNECTIONS + 1000)
                + ", have " + fds);
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process server = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator
                + "java", "-Xmx1g", "-cp", classPath, "io.github.rfc6455.server.cli.ServerMain", "echo", "--host",
                "127.0.0.1", "--port", "0", "--no-deflate").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertTrue(line != null && line.startsWith("listening on "), "server: " + line);
            String url = line.substring("listening on ".length());
            run(url);
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void run(String url) throws Exception {
        WebSocketOptions options = WebSocketOptions.builder()
                .perMessageDeflate(false)
                .connectTimeout(Duration.ofSeconds(60))
                .handshakeTimeout(Duration.ofSeconds(60))
                .build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        CountDownLatch opened = new CountDownLatch(CONNECTIONS);
        CountDownLatch echoed = new CountDownLatch(CONNECTIONS);
        CountDownLatch ended = new CountDownLatch(CONNECTIONS);
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger cleanCloses = new AtomicInteger();
        long heapBefore = usedHeap();

        List<WebSocket> sockets = new ArrayList<>(CONNECTIONS);
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            assertTrue(inFlight.tryAcquire(60, TimeUnit.SECONDS), "handshakes stalled at " + i);
            WebSocket socket = new WebSocket(options);
            String expected = "hello " + i;
            socket.addListener(new WebSocketListener() {
                @Override
                public void onStatusChanged(WebSocket.Status status) {
                    switch (status) {
                        case OPEN -> {
                            inFlight.release();
                            opened.countDown();
                        }
                        case ERROR -> {
                            errors.add(socket.errorString());
                            inFlight.release();
                            ended.countDown();
                        }
                        case CLOSED -> {
                            cleanCloses.incrementAndGet();
                            ended.countDown();
                        }
                        default -> {
                        }
                    }
                }

                @Override
                public void onTextMessageReceived(String message) {
                    if (message.equals(expected)) {
                        echoed.countDown();
                    }
                }
            });
            sockets.add(socket);
            socket.open(url);
        }
        assertTrue(opened.await(120, TimeUnit.SECONDS), "open: " + opened.getCount() + " left; errors " + errors);
        long openNanos = System.nanoTime() - start;
        long openCpu = cpuNanos() - cpuStart;
        long heapOpen = usedHeap();

        long echoStart = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            sockets.get(i).sendTextMessage("hello " + i);
        }
        assertTrue(echoed.await(60, TimeUnit.SECONDS), "echo: " + echoed.getCount() + " left");
        long echoNanos = System.nanoTime() - echoStart;

        long closeCpuStart = cpuNanos();
        long closeStart = System.nanoTime();
        sockets.forEach(WebSocket::close);
        assertTrue(ended.await(60, TimeUnit.SECONDS), "close: " + ended.getCount() + " left");
        long closeNanos = System.nanoTime() - closeStart;
        long closeCpu = cpuNanos() - closeCpuStart;
        assertTrue(errors.isEmpty(), errors.size() + " errors, e.g. " + errors.peek());
        assertEquals(CONNECTIONS, cleanCloses.get());

        System.out.printf(Locale.ROOT, "MEASURED connections=%d open_all_s=%.2f connects_per_s=%.0f "
                        + "client_cpu_us_per_open=%.0f heap_per_connection_bytes=%d echo_all_ms=%.0f close_all_ms=%.0f "
                        + "client_cpu_us_per_close=%.0f loop_threads=1%n",
                CONNECTIONS, openNanos / 1e9, CONNECTIONS / (openNanos / 1e9), openCpu / 1e3 / CONNECTIONS,
                (heapOpen - heapBefore) / CONNECTIONS, echoNanos / 1e6, closeNanos / 1e6,
                closeCpu / 1e3 / CONNECTIONS);
    }
}
