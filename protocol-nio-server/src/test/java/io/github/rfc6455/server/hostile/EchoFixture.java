package io.github.rfc6455.server.hostile;

import io.github.rfc6455.server.RawClient;
import io.github.rfc6455.core.WebSocketConfig;
import io.github.rfc6455.nio.TransportConfig;
import io.github.rfc6455.server.Session;
import io.github.rfc6455.server.WebSocketHandler;
import io.github.rfc6455.server.WebSocketServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The server under attack: an echo server (every text and binary message back to its sender, as the {@code echo}
 * command does) on one event loop thread, so that a slow or hostile connection would delay the others if the server
 * let it; it counts what it delivered and the sessions it closed.
 */
final class EchoFixture implements AutoCloseable {
    final WebSocketServer server;
    /** Messages delivered to the handler, and the longest. */
    final AtomicInteger messages = new AtomicInteger();
    final AtomicLong longestMessage = new AtomicLong();
    /** Sessions closed, and the last close code reported. */
    final AtomicInteger closed = new AtomicInteger();
    final AtomicInteger lastCloseCode = new AtomicInteger();
    /** The name of the server's only event loop thread, unique to this fixture. */
    final String loopThread;

    private static final AtomicInteger FIXTURES = new AtomicInteger();

    private EchoFixture(Consumer<WebSocketServer.Builder> customize) throws IOException {
        String threadPrefix = "hostile-server-" + FIXTURES.incrementAndGet();
        this.loopThread = threadPrefix + "-0";
        WebSocketServer.Builder builder = WebSocketServer.builder()
                .listen("127.0.0.1", 0)
                .threads(1)
                .daemonThreads(true)
                .threadName(threadPrefix)
                .route("/echo", new WebSocketHandler() {
                    @Override
                    public void onText(Session session, String text) {
                        messages.incrementAndGet();
                        longestMessage.accumulateAndGet(text.length(), Math::max);
                        session.sendText(text);
                    }

                    @Override
                    public void onBinary(Session session, ByteBuffer data) {
                        messages.incrementAndGet();
                        longestMessage.accumulateAndGet(data.remaining(), Math::max);
                        session.sendBinary(data);
                    }

                    @Override
                    public void onClose(Session session, int code, String reason) {
                        lastCloseCode.set(code);
                        closed.incrementAndGet();
                    }
                });
        customize.accept(builder);
        this.server = builder.build().start();
    }

    /** @return an echo server with the default limits */
    static EchoFixture start() throws IOException {
        return new EchoFixture(b -> { });
    }

    /** @return an echo server with these limits */
    static EchoFixture start(WebSocketConfig webSocket, TransportConfig transport) throws IOException {
        return new EchoFixture(b -> b.webSocketConfig(webSocket).transportConfig(transport));
    }

    static EchoFixture start(Consumer<WebSocketServer.Builder> customize) throws IOException {
        return new EchoFixture(customize);
    }

    int port() {
        return server.port();
    }

    /** @return a well-behaved client, open on /echo: the canary that must keep echoing through every attack */
    RawClient canary() throws IOException {
        return RawClient.connect(port()).open("/echo");
    }

    /** Waits until the server holds exactly {@code count} TCP connections. */
    void awaitConnections(int count, Duration timeout) throws InterruptedException {
        Eventually.await(() -> server.connectionCount() == count, timeout,
                () -> "connections: " + server.connectionCount() + ", expected " + count);
    }

    @Override
    public void close() throws Exception {
        server.shutdown(Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
    }
}
