package io.github.rfc6455.conformance;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.extensions.permessage_deflate.PerMessageDeflateExtension;
import org.java_websocket.handshake.ServerHandshake;

/**
 * An independent client driver for validating the kit: Java-WebSocket's client with its permessage-deflate extension,
 * echoing every message, the way the official suite's client drivers work. {@code echo = false} makes it a broken
 * driver that never echoes (kit self-test).
 *
 * <p>Thread-safe: each call uses its own connections.
 */
final class JavaWebSocketClientDriver implements ClientUnderTest {

    private final boolean echo;

    JavaWebSocketClientDriver(boolean echo) {
        this.echo = echo;
    }

    @Override
    public String name() {
        return echo ? "java-websocket" : "java-websocket-no-echo";
    }

    @Override
    public void run(URI url, String agent, int from, int to, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int count = caseCount(url, deadline);
        for (int n = from; n <= Math.min(to, count); n++) {
            connect(URI.create(url + "/runCase?case=" + n + "&agent=" + agent), deadline, null);
        }
        connect(URI.create(url + "/updateReports?agent=" + agent), deadline, null);
    }

    private int caseCount(URI url, long deadline) throws Exception {
        CompletableFuture<String> count = new CompletableFuture<>();
        connect(URI.create(url + "/getCaseCount"), deadline, count);
        return Integer.parseInt(count.getNow("0").trim());
    }

    private void connect(URI uri, long deadline, CompletableFuture<String> firstText) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        WebSocketClient client = new WebSocketClient(uri, new Draft_6455(List.of(new PerMessageDeflateExtension()))) {
            @Override
            public void onOpen(ServerHandshake handshake) {
            }

            @Override
            public void onMessage(String message) {
                if (firstText != null) {
                    firstText.complete(message);
                } else if (echo) {
                    send(message);
                }
            }

            @Override
            public void onMessage(ByteBuffer bytes) {
                if (echo) {
                    send(bytes);
                }
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                closed.countDown();
            }

            @Override
            public void onError(Exception ex) {
                // onClose follows
            }
        };
        client.setTcpNoDelay(true);
        client.connect();
        long left = deadline - System.nanoTime();
        if (left <= 0 || !closed.await(left, TimeUnit.NANOSECONDS)) {
            client.closeConnection(1001, "driver timeout");
            throw new TimeoutException("driver timed out on " + uri);
        }
    }
}
