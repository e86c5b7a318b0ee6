package io.github.rfc6455.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * A Java-WebSocket 1.6 echo server: the stock {@link WebSocketServer} (one selector thread plus one decoder thread per
 * core, RFC 6455 draft without extensions) sending every text and binary message back. {@code TCP_NODELAY} is on, as
 * on the other servers, so Nagle's algorithm does not hold back small echoes.
 *
 * <p>Thread-safe.
 */
final class JavaWebSocketEchoServer implements EchoServer {
    private final Server server;
    private final String host;

    private JavaWebSocketEchoServer(Server server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Binds and starts the server.
     *
     * @param host the address to listen on
     * @param port the port, 0 for any free one
     * @return the running server
     * @throws Exception if it cannot bind within 10 seconds
     */
    static JavaWebSocketEchoServer start(String host, int port) throws Exception {
        Server server = new Server(new InetSocketAddress(host, port));
        server.start();
        try {
            server.started.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            server.stop(1000);
            throw e;
        }
        return new JavaWebSocketEchoServer(server, host);
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.stop(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Server extends WebSocketServer {
        final CompletableFuture<Void> started = new CompletableFuture<>();

        Server(InetSocketAddress address) {
            super(address);
            setReuseAddr(true);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            // nothing to do: echo only
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            // nothing to do: echo only
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            conn.send(message);
        }

        @Override
        public void onMessage(WebSocket conn, ByteBuffer message) {
            conn.send(message);
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            if (conn == null) {
                started.completeExceptionally(ex);
            }
        }

        @Override
        public void onStart() {
            started.complete(null);
        }
    }
}
